// Shared by the server's renderer and the editor's live count, so both agree (and the editor's
// bundle does not carry the Markdown toolchain).

const WORDS_PER_MINUTE = 238;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
