// Pure checks behind the spam limits (lib/data/spam.ts applies them with the site's settings).

/** New accounts may put at most this many links in one comment. */
export const NEW_ACCOUNT_LINKS_PER_COMMENT = 2;

// Zero-width and direction marks are invisible, so "fr\u200Bee" must still read as "free".
const invisible = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E]/g;

/** Lower-case, compatibility-normalized (fullwidth and styled letters become plain) and without invisible characters. */
export function normalizeForMatching(text: string): string {
  return text.normalize("NFKC").replace(invisible, "").toLowerCase();
}

/** Links in a comment: bare URLs, www. addresses and Markdown links each count once. */
export function countLinks(text: string): number {
  const urls = normalizeForMatching(text).match(/\b(?:https?:\/\/|www\.)[^\s<>()]+/g) ?? [];
  return urls.length;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first blocked word or phrase found as a whole word (any case, any Unicode disguise), or null. */
export function findBlockedWord(text: string, blockedWords: readonly string[]): string | null {
  const haystack = normalizeForMatching(text);
  for (const word of blockedWords) {
    const needle = normalizeForMatching(word).trim();
    if (!needle) continue;
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(needle)}($|[^\\p{L}\\p{N}])`, "u").test(haystack)) return word;
  }
  return null;
}

/** Whether the email's domain, or a domain it is under, is on the list. */
export function isEmailDomainBlocked(email: string, blockedDomains: readonly string[]): boolean {
  const domain = email.split("@").pop()?.toLowerCase().trim() ?? "";
  return blockedDomains.some((blocked) => {
    const b = blocked.toLowerCase().trim().replace(/^@/, "");
    return b !== "" && (domain === b || domain.endsWith(`.${b}`));
  });
}

/** A settings textarea (one entry per line or comma-separated) as a clean, de-duplicated list. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))];
}
