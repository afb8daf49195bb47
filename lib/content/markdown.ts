import { AppError } from "@/lib/errors";
import { countWords, readingMinutes } from "@/lib/content/words.mjs";
import { COMMENT_STRUCTURE, markdownStructureProblem, STORY_STRUCTURE, type StructureLimits } from "@/lib/content/structure";
import { renderInPool, type RenderKind } from "@/lib/content/render-pool";

// Markdown is the stored form; HTML is rendered once, at save, and sanitized with an allow-list.
// The pipeline itself is lib/content/markdown-pipeline.mjs; it runs in the render pool's workers
// (lib/content/render-pool.ts), never on the request thread.

export type RenderedStory = { html: string; wordCount: number; readingMinutes: number };

const tooComplex: Record<RenderKind, string> = {
  story: "This story is too complex to format. Use fewer nested quotes, lists or formatting marks, or split it into parts.",
  comment: "This comment is too complex to format. Use fewer nested quotes, lists or formatting marks.",
};

/**
 * Checks the structure (for callers that did not go through the schemas), then renders in the
 * pool. Refusals are INVALID with a `body` field error, so every save path shows them beside the
 * text; a pool with no free worker is RATE_LIMITED ("try again").
 */
async function render(kind: RenderKind, markdown: string, limits: StructureLimits): Promise<{ html: string; wordCount: number }> {
  const problem = markdownStructureProblem(markdown, limits);
  if (problem) throw new AppError("INVALID", problem, { body: [problem] });
  const result = await renderInPool(kind, markdown);
  if (result.ok) return result;
  if (result.reason === "busy") throw new AppError("RATE_LIMITED", "Formatting is busy right now. Please try again in a moment.");
  throw new AppError("INVALID", tooComplex[kind], { body: [tooComplex[kind]] });
}

/** Story Markdown → sanitized HTML with heading ids, plus word count and reading time. */
export async function renderStory(markdown: string): Promise<RenderedStory> {
  // The words are counted in the render's worker (countWordsInHtml), not here on the request thread.
  const { html, wordCount } = await render("story", markdown, STORY_STRUCTURE);
  return { html, wordCount, readingMinutes: readingMinutes(wordCount) };
}

/** Comment Markdown-light (links, emphasis, code, lists) → sanitized HTML. */
export async function renderComment(markdown: string): Promise<string> {
  return (await render("comment", markdown, COMMENT_STRUCTURE)).html;
}

export { countWords, readingMinutes };
