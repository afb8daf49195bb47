// Shared by the server's renderer (the render pool's workers count a story's words beside
// rendering it, lib/content/markdown-pipeline.mjs) and the editor's live count, so both agree (and
// the editor's bundle does not carry the Markdown toolchain). Plain JavaScript so that the
// workers, which load their file from disk as it is, can import it.

const WORDS_PER_MINUTE = 238;

/** @param {string} text */
export function countWords(text) {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Words in rendered HTML: its text, the markup left out. @param {string} html */
export function countWordsInHtml(html) {
  return countWords(html.replace(/<[^>]*>/g, " "));
}

/** @param {number} wordCount */
export function readingMinutes(wordCount) {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
