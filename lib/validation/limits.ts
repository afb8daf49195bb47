// Limits shared by schemas (server) and forms (browser). No zod here, so importing a limit
// into a client component does not ship the validation library to readers.
export const COMMENT_MAX = 2000;
/** A story's title and subtitle (the editor counts towards these as the creator types). */
export const STORY_TITLE_MAX = 150;
export const STORY_SUBTITLE_MAX = 250;

/** Report reasons, in the order the report dialog lists them (values match the database enum). */
export const REPORT_REASONS = [
  { value: "SPAM", label: "Spam" },
  { value: "HARASSMENT", label: "Harassment" },
  { value: "HATE", label: "Hate" },
  { value: "VIOLENCE", label: "Violence" },
  { value: "SEXUAL", label: "Sexual content" },
  { value: "MISINFORMATION", label: "Misinformation" },
  { value: "PLAGIARISM", label: "Plagiarism" },
  { value: "OTHER", label: "Other" },
] as const;
export type ReportReasonValue = (typeof REPORT_REASONS)[number]["value"];
export const REPORT_TARGET_TYPES = ["STORY", "COMMENT", "USER"] as const;
export type ReportTargetTypeValue = (typeof REPORT_TARGET_TYPES)[number];
export const REPORT_DETAILS_MAX = 1000;
/** A moderator's (or creator's) reason for an action, shown to the person it affects. */
export const MODERATION_REASON_MAX = 500;

/** Tags on one story. */
export const MAX_TAGS = 5;

export const BIO_MAX = 500;
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/** The links a profile may show, in display order. `hosts` limits a social network to its own site. */
export const PROFILE_LINKS = [
  { kind: "website", label: "Website", placeholder: "https://example.com" },
  { kind: "bluesky", label: "Bluesky", placeholder: "https://bsky.app/profile/you", hosts: ["bsky.app"] },
  { kind: "mastodon", label: "Mastodon", placeholder: "https://mastodon.social/@you" },
  { kind: "instagram", label: "Instagram", placeholder: "https://instagram.com/you", hosts: ["instagram.com"] },
  { kind: "x", label: "X (Twitter)", placeholder: "https://x.com/you", hosts: ["x.com", "twitter.com"] },
  { kind: "github", label: "GitHub", placeholder: "https://github.com/you", hosts: ["github.com"] },
  { kind: "linkedin", label: "LinkedIn", placeholder: "https://linkedin.com/in/you", hosts: ["linkedin.com"] },
  { kind: "youtube", label: "YouTube", placeholder: "https://youtube.com/@you", hosts: ["youtube.com"] },
] as const satisfies readonly { kind: string; label: string; placeholder: string; hosts?: readonly string[] }[];

export type ProfileLinkKind = (typeof PROFILE_LINKS)[number]["kind"];
export type ProfileLink = { kind: ProfileLinkKind; url: string };

/** The form field that holds one link (`link-website`, …). */
export const linkField = (kind: ProfileLinkKind) => `link-${kind}` as const;

/** How many extra navigation links the header and footer carry. */
export const MAX_NAV_LINKS = 8;
/** The Branding form's field names for navigation link `i` (rows of inputs, so each error sits by its input). */
export const navField = (i: number, part: "label" | "href") => `nav-${i}-${part}`;

export const REVIEW_REASON_MIN = 10;
export const REVIEW_REASON_MAX = 1000;
export const REVIEW_NOTE_MAX = 1000;
/** Review form field names for per-section notes: `note:` followed by the section's heading. */
export const NOTE_FIELD_PREFIX = "note:";
