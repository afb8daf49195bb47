// The Markdown → HTML pipeline, and the render pool's worker (lib/content/render-pool.ts).
//
// Plain JavaScript importing only npm packages, on purpose: the pool starts its workers from this
// file on disk, and it must load as it is under `next start` (where the app's TypeScript is
// bundled and this file is not), vitest and tsx. The TypeScript side imports the same file.
//
// Markdown is the stored form; HTML is rendered once, at save, and sanitized with an allow-list.
// Parsing is markdown-it (CommonMark, plus GFM tables, ~~strikethrough~~, autolinked addresses,
// footnotes and task lists): about ten times faster than micromark on prose and linear on the
// hostile shapes of docs/security.md §10. Its token stream is turned into a hast tree here (toHast:
// a loop with an explicit stack, no recursion, so a deep tree cannot overflow the stack) and the
// same hast steps as before run on it: demoteH1, the sanitizer's allow-list, heading ids
// (rehype-slug's, on this file's walk), safeLinks, link cards, stringify. markdown-it never
// renders HTML here: raw HTML in the source is tokenized and then dropped by toHast (as
// remark-rehype did), and the sanitizer removes anything outside the schema (scripts, event
// handlers, `javascript:`/`data:` URLs) as defence in depth.
import { isMainThread, parentPort } from "node:worker_threads";
import MarkdownIt from "markdown-it";
import markdownItFootnote from "markdown-it-footnote";
import { unified } from "unified";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import GithubSlugger from "github-slugger";
import { toString } from "hast-util-to-string";
import rehypeStringify from "rehype-stringify";
import { countWordsInHtml } from "./words.mjs";

/**
 * GFM's `www.` autolinks (`www.example.com/path` → http://www.example.com/path), for any domain
 * (linkify-it's own schemaless links know only a list of top-level domains). The rest of the
 * address is read as linkify-it reads what follows `//`.
 */
const wwwLinks = {
  validate(text, pos, self) {
    const re = self.re.get_relative_proto_validator();
    re.lastIndex = pos;
    const match = re.exec(text);
    return match ? match[0].length : 0;
  },
  normalize(match) {
    match.url = `http://${match.url}`;
  },
};

/**
 * markdown-it, set up to read what remark-parse with remark-gfm read before:
 * - `html: true` only so that raw HTML is recognised as such, to be dropped by toHast (with
 *   `html: false` the tags would show as text). No HTML from the source ever reaches the output.
 * - Every link and image destination parses (as in micromark); which protocols survive is the
 *   sanitizer's decision, its allow-list being the one gate, as before.
 * - Autolinked addresses as GFM has them: http(s)://…, www.… and email addresses; not `//host` or
 *   `ftp:` (toHast also keeps only those forms).
 * - Footnotes `[^1]` with their definitions; not markdown-it-footnote's `^[inline notes]`.
 */
function createParser() {
  const md = new MarkdownIt("default", { html: true, linkify: true, typographer: false });
  md.validateLink = () => true;
  md.linkify.add("ftp:", null).add("//", null).add("www.", wwwLinks);
  md.use(markdownItFootnote);
  md.inline.ruler.disable("footnote_inline");
  return md;
}

const parser = createParser();

const element = (tagName, properties = {}, children = []) => ({ type: "element", tagName, properties, children });
const text = (value) => ({ type: "text", value });

function appendText(parent, value) {
  if (!value) return;
  const last = parent.children[parent.children.length - 1];
  if (last?.type === "text") last.value += value;
  else parent.children.push(text(value));
}

/** The text of an image's description, markup left out (nested images give their own), without recursion. */
function altText(tokens) {
  let out = "";
  const stack = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push(tokens[i]);
  while (stack.length) {
    const token = stack.pop();
    if (token.type === "text" || token.type === "text_special" || token.type === "code_inline") out += token.content;
    else if (token.type === "softbreak" || token.type === "hardbreak") out += "\n";
    else if (token.type === "image" && token.children) for (let i = token.children.length - 1; i >= 0; i--) stack.push(token.children[i]);
  }
  return out;
}

/** A linkified address is kept only in GFM's forms; anything else linkify-it finds stays text. */
const gfmLiteral = /^(?:https?:\/\/|www\.)/i;

/** GFM task list marker at the start of a list item's first paragraph: `[ ] `, `[x] `. */
const taskMarker = /^\[([ xX])\](?=[ \t])/;

/** Elements whose children are blocks, written one per line as remark-rehype did. */
const BLOCK_PARENTS = new Set(["blockquote", "ul", "ol", "table", "thead", "tbody", "tr", "section"]);

/**
 * markdown-it's token stream → a hast tree, with an explicit stack (no recursion: nesting depth
 * costs no stack). The tree has the shape remark-rehype gave: paragraphs of tight list items
 * unwrapped, blocks on their own lines, footnotes as GFM's section, task list checkboxes, table
 * alignment as `align`. Raw HTML tokens are dropped; a token this does not know becomes the
 * element its tag names, or adds only its children if it names none; the sanitizer then decides
 * about every element made here.
 */
function toHast(tokens) {
  const root = { type: "root", children: [] };
  const stack = [root];
  const tight = new Set(); // paragraphs of tight list items (hidden by markdown-it)
  const top = () => stack[stack.length - 1];
  const open = (node) => {
    top().children.push(node);
    stack.push(node);
  };
  // A token that adds no element of its own: its children go to the current parent.
  const transparent = () => stack.push(top());
  const close = () => {
    if (stack.length < 2) return;
    const node = stack.pop();
    if (node !== top()) finish(node, tight);
  };

  const step = (token, next) => {
    if (token.nesting === 1) {
      switch (token.type) {
        case "paragraph_open": {
          const p = element("p");
          if (token.hidden) tight.add(p);
          return open(p);
        }
        case "s_open":
          return open(element("del"));
        case "ordered_list_open": {
          const start = Number(token.attrGet("start") ?? 1);
          return open(element("ol", start !== 1 && Number.isFinite(start) ? { start } : {}));
        }
        case "th_open":
        case "td_open": {
          const align = /text-align:\s*(left|right|center)/.exec(token.attrGet("style") ?? "")?.[1];
          return open(element(token.tag, align ? { align } : {}));
        }
        case "link_open": {
          const href = token.attrGet("href") ?? "";
          if (token.markup === "linkify" && !(gfmLiteral.test(next?.content ?? "") || href.toLowerCase().startsWith("mailto:"))) return transparent();
          const title = token.attrGet("title");
          return open(element("a", title == null ? { href } : { href, title }));
        }
        case "footnote_block_open": {
          const section = element("section", { dataFootnotes: true, className: ["footnotes"] }, [element("h2", { className: ["sr-only"], id: "footnote-label" }, [text("Footnotes")])]);
          open(section);
          return open(element("ol"));
        }
        case "footnote_open":
          return open(element("li", { id: `user-content-fn-${token.meta.label ?? token.meta.id + 1}` }));
        default:
          // headings, blockquote, ul, li, table parts, em, strong; anything else by its tag, if it has one
          return token.tag ? open(element(token.tag)) : transparent();
      }
    }
    if (token.nesting === -1) {
      close();
      if (token.type === "footnote_block_close") close(); // the section around the list
      return;
    }
    const parent = top();
    switch (token.type) {
      case "text":
      case "text_special":
        return appendText(parent, token.content);
      case "softbreak":
        return appendText(parent, "\n");
      case "hardbreak":
        parent.children.push(element("br"));
        return appendText(parent, "\n");
      case "code_inline":
        return void parent.children.push(element("code", {}, [text(token.content)]));
      case "code_block":
      case "fence": {
        const language = token.type === "fence" ? parser.utils.unescapeAll(token.info).trim().split(/\s+/)[0] : "";
        return void parent.children.push(element("pre", {}, [element("code", language ? { className: [`language-${language}`] } : {}, [text(token.content)])]));
      }
      case "hr":
        return void parent.children.push(element("hr"));
      case "image": {
        const title = token.attrGet("title");
        const properties = { src: token.attrGet("src") ?? "", alt: altText(token.children ?? []) };
        if (title != null) properties.title = title;
        return void parent.children.push(element("img", properties));
      }
      case "footnote_ref": {
        const { id, subId, label = String(id + 1) } = token.meta;
        const properties = { href: `#user-content-fn-${label}`, id: `user-content-fnref-${label}${subId > 0 ? `-${subId + 1}` : ""}`, dataFootnoteRef: true, ariaDescribedBy: ["footnote-label"] };
        return void parent.children.push(element("sup", {}, [element("a", properties, [text(String(id + 1))])]));
      }
      case "footnote_anchor": {
        const { id, subId, label = String(id + 1) } = token.meta;
        const suffix = subId > 0 ? `-${subId + 1}` : "";
        const properties = { href: `#user-content-fnref-${label}${suffix}`, dataFootnoteBackref: "", ariaLabel: `Back to reference ${id + 1}${suffix}`, className: ["data-footnote-backref"] };
        appendText(parent, " ");
        return void parent.children.push(element("a", properties, subId > 0 ? [text("↩"), element("sup", {}, [text(String(subId + 1))])] : [text("↩")]));
      }
      case "inline": {
        const children = token.children ?? [];
        let first = 0;
        const li = stack[stack.length - 2];
        // A task list item: `[ ]`/`[x]` opening the first paragraph of a list item.
        const marker = parent.tagName === "p" && li?.tagName === "li" && li.children[0] === parent && children[0]?.type === "text" ? taskMarker.exec(children[0].content) : null;
        if (marker) {
          parent.children.push(element("input", { type: "checkbox", checked: marker[1] !== " ", disabled: true }));
          appendText(parent, children[0].content.slice(3));
          li.properties.className = ["task-list-item"];
          const list = stack[stack.length - 3];
          if (list?.tagName === "ul" || list?.tagName === "ol") list.properties.className = ["contains-task-list"];
          first = 1;
        }
        const depth = stack.length;
        for (let i = first; i < children.length; i++) step(children[i], children[i + 1]);
        // An unbalanced inline stream (it should not happen) must not leave its elements open.
        while (stack.length > depth) close();
        return;
      }
      default:
        // html_block, html_inline (raw HTML: dropped), and anything unknown
        return;
    }
  };

  for (let i = 0; i < tokens.length; i++) step(tokens[i], tokens[i + 1]);
  while (stack.length > 1) close();
  root.children = joinLines(root.children, false);
  return root;
}

const newline = () => text("\n");

/** Children one per line: `a\nb`, or wrapped `\na\nb\n`. Loops, never spreads (a list can be long). */
function joinLines(children, wrap) {
  const out = wrap ? [newline()] : [];
  for (let i = 0; i < children.length; i++) {
    if (i > 0 && !wrap) out.push(newline());
    out.push(children[i]);
    if (wrap) out.push(newline());
  }
  return out;
}

/** Lays out a closed element's children as remark-rehype did (mdast-util-to-hast's list item and wrap). */
function finish(node, tight) {
  if (BLOCK_PARENTS.has(node.tagName)) {
    node.children = joinLines(node.children, true);
    return;
  }
  if (node.tagName !== "li") return;
  const children = node.children;
  const loose = !children.some((child) => tight.has(child));
  const isParagraph = (child) => child?.type === "element" && child.tagName === "p";
  const out = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (loose || i !== 0 || !isParagraph(child)) out.push(newline());
    if (isParagraph(child) && !loose) for (const inner of child.children) out.push(inner);
    else out.push(child);
  }
  const tail = children[children.length - 1];
  if (tail && (loose || !isParagraph(tail))) out.push(newline());
  node.children = out;
}

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
 * Heading ids, after sanitizing (so a user-supplied id is never kept): rehype-slug's own steps
 * (GitHub's slugs of the heading's text, numbered when repeated), on this file's walk, which costs
 * a fraction of unist-util-visit's on a large story (rehype-slug was a third of the hast steps).
 */
const headingIds = () => (tree) => {
  const slugs = new GithubSlugger();
  walk(tree, (el) => {
    if (/^h[1-6]$/.test(el.tagName) && !el.properties.id) el.properties.id = slugs.slug(toString(el));
  });
};

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
  // Heading ids are added after sanitizing (headingIds), so user-supplied ids are never kept.
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

/** The hast steps after parsing, per kind: the same as before the parser changed. */
const processors = {
  story: unified().use(demoteH1).use(rehypeSanitize, storySchema).use(headingIds).use(safeLinks).use(linkCards).use(rehypeStringify).freeze(),
  // Comments: the same parser (markdown-it has no single-tilde strikethrough, so `~a~` stays text
  // here too), then the comment allow-list.
  comment: unified().use(rehypeSanitize, commentSchema).use(safeLinks).use(rehypeStringify).freeze(),
};

/** Story or comment Markdown → sanitized HTML, in the calling thread. */
export function renderHtml(kind, markdown) {
  const processor = processors[kind];
  if (!processor) throw new TypeError(`renderHtml: unknown kind ${kind}`);
  // A leading byte-order mark is not text (micromark skipped it too): without this, a line of HTML
  // after it would not be read as an HTML block.
  const tree = processor.runSync(toHast(parser.parse(markdown.replace(/^\uFEFF/, ""), {})));
  return processor.stringify(tree);
}

/**
 * A new worker renders a sample of every construct before its first task: its first render of a
 * large story would otherwise run unoptimized code, several times slower than the same render
 * later (a few hundred milliseconds when a worker starts, instead of on someone's save).
 */
const WARM_UP = `## A heading

A paragraph with *emphasis*, **strong**, ~~struck~~, \`code\`, a [link](https://example.com "t"), www.example.com,
https://example.com/a and a@b.example, &amp; &copy;, a note[^1] and a hard
break.

> A quote
> - with a list

1. one
2. [x] two

| a | b |
|:-|-:|
| 1 | 2 |

![image](https://example.com/a.png)

\`\`\`js
code
\`\`\`

[^1]: The note.

`;
// RENDER_WARM_UP=off skips it: the unit and integration tests start a pool per test file and render
// a few short texts in each, so there the warm-up (~0.5 CPU-seconds a worker) was pure cost.
if (!isMainThread && process.env.RENDER_WARM_UP !== "off") {
  renderHtml("story", WARM_UP.repeat(150)); // about 100 KB: the heap grows to a large story's size once, here
  renderHtml("comment", WARM_UP);
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
    // Counted here, not on the request thread: for a 100 KB story it is tens of milliseconds there.
    const wordCount = kind === "story" ? countWordsInHtml(html) : undefined;
    // For scripts/bench-render.ts: the render's own time and this worker's heap after it.
    if (measure) return { html, wordCount, ms: performance.now() - started, heapUsed: process.memoryUsage().heapUsed };
    return { html, wordCount };
  } catch (error) {
    if (error instanceof RangeError) return { tooComplex: true };
    throw error;
  }
}
