import { unified, type Plugin } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import type { Element, Root, RootContent } from "hast";

// Markdown is the stored form; HTML is rendered once, at save, and sanitized with an allow-list.
// Raw HTML in the source is dropped (remark-rehype's default), then the sanitizer removes
// anything outside the schema: scripts, event handlers, `javascript:`/`data:` URLs.

const WORDS_PER_MINUTE = 238;

function walk(node: Root | RootContent, visit: (element: Element) => void) {
  if (node.type === "element") visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/** The title is the page's only h1: body headings start at h2. */
const demoteH1: Plugin<[], Root> = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName === "h1") el.tagName = "h2";
  });

/** Reader-submitted links carry no endorsement and no window.opener. */
const safeLinks: Plugin<[], Root> = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName === "a" && typeof el.properties.href === "string" && /^https?:/i.test(el.properties.href)) {
      el.properties.rel = ["nofollow", "ugc", "noopener", "noreferrer"];
    }
    if (el.tagName === "img") el.properties.loading = "lazy";
  });

const storySchema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are added after sanitizing (rehype-slug), so user-supplied ids are never kept.
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    "*": (defaultSchema.attributes?.["*"] ?? []).filter((attr) => attr !== "id" && attr !== "name"),
  },
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"], cite: ["http", "https"] },
};

const commentSchema: SanitizeSchema = {
  tagNames: ["p", "br", "a", "em", "strong", "code", "del", "blockquote", "ul", "ol", "li"],
  attributes: { a: ["href"] },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style"],
};

const storyProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(demoteH1)
  .use(rehypeSanitize, storySchema)
  .use(rehypeSlug)
  .use(safeLinks)
  .use(rehypeStringify);

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(remarkRehype)
  .use(rehypeSanitize, commentSchema)
  .use(safeLinks)
  .use(rehypeStringify);

export type RenderedStory = { html: string; wordCount: number; readingMinutes: number };

/** Story Markdown → sanitized HTML with heading ids, plus word count and reading time. */
export function renderStory(markdown: string): RenderedStory {
  const html = String(storyProcessor.processSync(markdown));
  const wordCount = countWords(html.replace(/<[^>]*>/g, " "));
  return { html, wordCount, readingMinutes: readingMinutes(wordCount) };
}

/** Comment Markdown-light (links, emphasis, code, lists) → sanitized HTML. */
export function renderComment(markdown: string): string {
  return String(commentProcessor.processSync(markdown));
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
