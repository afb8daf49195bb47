// Which edits to a live story a creator who is not yet trusted may publish without review.
// Pure and client-safe. The policy (docs/moderation.md, "Edits after approval"): a typo-sized fix.

/** The text of a story that review looks at. */
export type ReviewedText = { title: string; subtitle: string; body: string; tags: string; heroImageUrl: string; heroImageAlt: string; aiAssisted: boolean };

/** At most this many characters may differ, in all fields together, from the last reviewed text. */
export const MINOR_EDIT_MAX_CHARS = 40;

/**
 * The length of the one span that differs between two strings (common start and end removed):
 * an upper bound on the edit, exact for a single local change. Several changes far apart count as
 * everything between them, which keeps the rule strict without a diff.
 */
export function changedSpan(before: string, after: string): number {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return Math.max(before.length - start - end, after.length - start - end);
}

/** Ways to point readers somewhere else: a minor fix may not add any. */
function linkCount(text: string): number {
  return (text.match(/:\/\/|\]\(|\bwww\.|<a\b|@/gi) ?? []).length;
}

/**
 * Whether `next` is a minor fix of `reviewed` (the text as a moderator, or a trusted publish, last
 * let it go live): same tags, hero image and disclosure (ticking "AI-assisted" on is always
 * allowed), no new link or address, and at most MINOR_EDIT_MAX_CHARS characters changed in one
 * place per field. Comparing with the reviewed text, not the previous save, means small edits
 * can't add up to a rewrite.
 */
export function isMinorEdit(reviewed: ReviewedText, next: ReviewedText): boolean {
  if (reviewed.tags !== next.tags || reviewed.heroImageUrl !== next.heroImageUrl) return false;
  if (reviewed.aiAssisted && !next.aiAssisted) return false;
  const fields = ["title", "subtitle", "body", "heroImageAlt"] as const;
  if (fields.some((field) => linkCount(next[field]) > linkCount(reviewed[field]))) return false;
  const changed = fields.reduce((sum, field) => sum + changedSpan(reviewed[field], next[field]), 0);
  return changed <= MINOR_EDIT_MAX_CHARS;
}
