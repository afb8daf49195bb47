/**
 * The kinds of notification email a member can turn off, each with its User column and what the
 * settings page and the unsubscribe page call it. Sanctions (restrictions on the account) are
 * always sent and are not listed. Pure: the settings form uses it too.
 */
export const EMAIL_KINDS = {
  reply: { column: "emailOnReply", label: "Replies to my comments" },
  comment: { column: "emailOnComment", label: "Comments on my stories" },
  review: { column: "emailOnReview", label: "Review decisions and moderation of my stories and comments" },
  followed: { column: "emailOnFollowed", label: "New stories from creators I follow" },
  digest: { column: "emailDigest", label: "A weekly digest of top stories from what I follow" },
} as const;

export type EmailKind = keyof typeof EMAIL_KINDS;
export type EmailPreferenceColumn = (typeof EMAIL_KINDS)[EmailKind]["column"];
export const EMAIL_KIND_NAMES = Object.keys(EMAIL_KINDS) as EmailKind[];

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(EMAIL_KINDS, value);
}
