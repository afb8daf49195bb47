// Pure checks behind the spam limits (lib/data/spam.ts applies them with the site's settings).

/** New accounts may put at most this many links in one comment. */
export const NEW_ACCOUNT_LINKS_PER_COMMENT = 2;

// Zero-width and direction marks are invisible, so "fr\u200Bee" must still read as "free".
const invisible = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E]/g;

/** Lower-case, compatibility-normalized (fullwidth and styled letters become plain) and without invisible characters. */
export function normalizeForMatching(text: string): string {
  return text.normalize("NFKC").replace(invisible, "").toLowerCase();
}

// A token is what lies between spaces and the brackets Markdown puts around a link's address.
const tokenSeparator = /[\s<>()[\]"']+/;
const definition = /^ {0,3}\[([^\]]{1,999})\]:/;

/**
 * Links in a comment, each counted once where it appears: anything with `//` in it (http(s)
 * URLs, protocol-relative `//host`, Markdown links and autolinks, which have one inside), `www.`
 * addresses, email addresses and `mailto:`, and every use of a reference-style link (`[text][ref]`,
 * `[ref][]`, `[ref]`) whose definition (`[ref]: url`) is in the comment (a definition alone shows
 * nothing). It may count more than renders as links (a `//` in prose), never fewer: the link
 * limit holds for every form a link can take.
 */
export function countLinks(text: string): number {
  const labels = new Set<string>();
  const prose: string[] = [];
  for (const line of normalizeForMatching(text).split("\n")) {
    const match = definition.exec(line);
    if (match) labels.add(normalizeLabel(match[1]));
    else prose.push(line);
  }
  const body = prose.join("\n");
  let count = 0;
  for (const token of body.split(tokenSeparator)) {
    if (!token) continue;
    const slashes = token.split("//").length - 1;
    const www = token.split("www.").length - token.split("//www.").length;
    const email = token.includes("@") && token.indexOf(".", token.indexOf("@")) !== -1 ? 1 : 0;
    count += Math.max(slashes + www, email, token.startsWith("mailto:") ? 1 : 0);
  }
  return count + (labels.size ? referenceUses(body, labels) : 0);
}

const normalizeLabel = (label: string) => label.trim().replace(/\s+/g, " ");

/** Every [...] span naming a defined label is a use (`[ref][ref]` counts twice: more, never fewer). */
function referenceUses(body: string, labels: Set<string>): number {
  let uses = 0;
  for (let open = body.indexOf("["); open !== -1; ) {
    const close = body.indexOf("]", open + 1);
    if (close === -1) break;
    if (labels.has(normalizeLabel(body.slice(body.lastIndexOf("[", close) + 1, close)))) uses++;
    open = body.indexOf("[", close + 1);
  }
  return uses;
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
