import { unified, type Plugin } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import type { Element, Root, RootContent } from "hast";
import { countWords, readingMinutes } from "@/lib/content/words";

// Markdown is the stored form; HTML is rendered once, at save, and sanitized with an allow-list.
// Raw HTML in the source is dropped (remark-rehype's default), then the sanitizer removes
// anything outside the schema: scripts, event handlers, `javascript:`/`data:` URLs.

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

/**
 * A paragraph that is nothing but a bare URL (the editor's "Embed link") becomes a link card:
 * the site's name over the address. Runs after sanitizing, on already-safe links.
 */
const linkCards: Plugin<[], Root> = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName !== "p") return;
    const children = el.children.filter((child) => !(child.type === "text" && !child.value.trim()));
    const [link] = children;
    if (children.length !== 1 || link.type !== "element" || link.tagName !== "a") return;
    const href = link.properties.href;
    const text = link.children.length === 1 && link.children[0].type === "text" ? link.children[0].value : null;
    if (typeof href !== "string" || text !== href || !/^https?:\/\//i.test(href)) return;
    const host = new URL(href).hostname.replace(/^www\./, "");
    el.properties.className = ["link-card"];
    link.children = [
      { type: "element", tagName: "span", properties: { className: ["link-card-host"] }, children: [{ type: "text", value: host }] },
      { type: "element", tagName: "span", properties: { className: ["link-card-url"] }, children: [{ type: "text", value: href }] },
    ];
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
  .use(linkCards)
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

export { countWords, readingMinutes };
