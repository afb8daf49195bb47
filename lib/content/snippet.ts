// Search snippets come from Postgres' ts_headline over the story's Markdown, with matches wrapped
// in two control characters. Everything is HTML-escaped first; only then do balanced marker
// pairs become <mark>, so a snippet never carries the writer's HTML.

export const MATCH_START = "\u0002";
export const MATCH_STOP = "\u0003";

const MATCHED = new RegExp(`${MATCH_START}([^${MATCH_START}${MATCH_STOP}]*)${MATCH_STOP}`, "g");
const STRAY_MARKER = new RegExp(`[${MATCH_START}${MATCH_STOP}]`, "g"); // one the writer typed

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Markdown's block markers, emphasis (`*a*`, `_a_`, `**a**`, `~~a~~`, code) and link syntax (the
 * words stay) read as noise in a one-line snippet. ts_headline may cut a snippet inside emphasis,
 * so markers go even when unpaired; an underscore inside a word (snake_case) stays.
 */
function plainText(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*+|~~|`/g, "")
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** A ts_headline result → safe HTML: escaped text with <mark> around each match. */
export function snippetHtml(headline: string): string {
  return escapeHtml(plainText(headline)).replace(MATCHED, "<mark>$1</mark>").replace(STRAY_MARKER, "");
}
