// The Markdown → HTML pipeline, and the render pool's worker (lib/content/render-pool.ts).
//
// Plain JavaScript importing only npm packages, on purpose: the pool starts its workers from this
// file on disk, and it must load as it is under `next start` (where the app's TypeScript is
// bundled and this file is not), vitest and tsx. The TypeScript side imports the same file.
//
// Markdown is the stored form; HTML is rendered once, at save, and sanitized with an allow-list.
// Raw HTML in the source is dropped (remark-rehype's default), then the sanitizer removes anything
// outside the schema: scripts, event handlers, `javascript:`/`data:` URLs.
import { parentPort } from "node:worker_threads";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";

/** Every element, depth first, without recursion (a deep tree must not overflow the stack). */
function walk(tree, visit) {
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (node.type === "element") visit(node);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** The title is the page's only h1: body headings start at h2. */
const demoteH1 = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName === "h1") el.tagName = "h2";
  });

/**
 * Reader-submitted links carry no endorsement and no window.opener: every link, not only the ones
 * starting with http(s) — a protocol-relative `//host` (or a relative one a browser could read as
 * such) leads off the site just as well.
 */
const safeLinks = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName === "a" && typeof el.properties.href === "string") el.properties.rel = ["nofollow", "ugc", "noopener", "noreferrer"];
    if (el.tagName === "img") el.properties.loading = "lazy";
  });

/** The site's name for a link card, or null when the address isn't one a card can show. */
function hostOf(href) {
  if (!/^https?:\/\//i.test(href) || !URL.canParse(href)) return null;
  const host = new URL(href).hostname.replace(/^www\./, "");
  return host || null;
}

/**
 * A paragraph that is nothing but a bare URL (the editor's "Embed link") becomes a link card:
 * the site's name over the address. Runs after sanitizing, on already-safe links. An address it
 * can't read stays a plain link: a card is decoration, never a reason to refuse a save.
 */
const linkCards = () => (tree) =>
  walk(tree, (el) => {
    if (el.tagName !== "p") return;
    const children = el.children.filter((child) => !(child.type === "text" && !child.value.trim()));
    const [link] = children;
    if (children.length !== 1 || link.type !== "element" || link.tagName !== "a") return;
    const href = link.properties.href;
    const text = link.children.length === 1 && link.children[0].type === "text" ? link.children[0].value : null;
    if (typeof href !== "string" || text !== href) return;
    const host = hostOf(href);
    if (!host) return;
    el.properties.className = ["link-card"];
    link.children = [
      { type: "element", tagName: "span", properties: { className: ["link-card-host"] }, children: [{ type: "text", value: host }] },
      { type: "element", tagName: "span", properties: { className: ["link-card-url"] }, children: [{ type: "text", value: href }] },
    ];
  });

const storySchema = {
  ...defaultSchema,
  // Heading ids are added after sanitizing (rehype-slug), so user-supplied ids are never kept.
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    "*": (defaultSchema.attributes?.["*"] ?? []).filter((attr) => attr !== "id" && attr !== "name"),
  },
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"], cite: ["http", "https"] },
};

const commentSchema = {
  tagNames: ["p", "br", "a", "em", "strong", "code", "del", "blockquote", "ul", "ol", "li"],
  attributes: { a: ["href"] },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style"],
};

const processors = {
  story: unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(demoteH1)
    .use(rehypeSanitize, storySchema)
    .use(rehypeSlug)
    .use(safeLinks)
    .use(linkCards)
    .use(rehypeStringify),
  comment: unified()
    .use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkRehype)
    .use(rehypeSanitize, commentSchema)
    .use(safeLinks)
    .use(rehypeStringify),
};

/** Story or comment Markdown → sanitized HTML, in the calling thread. */
export function renderHtml(kind, markdown) {
  const processor = processors[kind];
  if (!processor) throw new TypeError(`renderHtml: unknown kind ${kind}`);
  return String(processor.processSync(markdown));
}

/**
 * The pool's task. An input the structure checks missed may still overflow the stack: that is
 * answered as `tooComplex` rather than thrown, so the worker stays up for the next task. (Running
 * out of memory or time ends the worker instead; the pool replaces it.)
 */
export default function renderTask({ id, kind, markdown, measure = false }) {
  // The pool's time limit counts from here, not from when the task was queued.
  parentPort?.postMessage({ renderStarted: id });
  try {
    const started = measure ? performance.now() : 0;
    const html = renderHtml(kind, markdown);
    // For scripts/bench-render.ts: the render's own time and this worker's heap after it.
    if (measure) return { html, ms: performance.now() - started, heapUsed: process.memoryUsage().heapUsed };
    return { html };
  } catch (error) {
    if (error instanceof RangeError) return { tooComplex: true };
    throw error;
  }
}
