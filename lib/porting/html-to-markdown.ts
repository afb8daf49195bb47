// HTML from other platforms → this site's Markdown (turndown). What comes out is then treated as
// anything typed: the editor's schema and the renderer's sanitizer decide what survives.
import TurndownService from "turndown";

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*", hr: "---" });
  // Nothing of these is content; turndown would otherwise keep their text.
  service.remove(["script", "style", "noscript", "iframe", "object", "embed", "form", "button", "input", "select", "textarea", "template"]);
  // A figure's caption becomes an italic line under its image.
  service.addRule("figcaption", { filter: "figcaption", replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : "") });
  // List items as people type them ("- one", "1. one"), not turndown's padded "-   one"; nested lines indented to the text.
  service.addRule("listItem", {
    filter: "li",
    replacement: (content, node, options) => {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = Number(parent?.getAttribute?.("start") ?? 1) || 1;
      const prefix = parent?.nodeName === "OL" ? `${start + index}. ` : `${options.bulletListMarker} `;
      const text = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/gm, `\n${" ".repeat(prefix.length)}`);
      return prefix + text + (node.nextSibling && !/\n$/.test(text) ? "\n" : "");
    },
  });
  // GFM strikethrough.
  service.addRule("strikethrough", { filter: ["del", "s"], replacement: (content) => `~~${content}~~` });
  return service;
}

/** HTML → Markdown: headings with #, fenced code, `-` lists, images as ![alt](src). */
export function htmlToMarkdown(html: string): string {
  return turndown().turndown(html).trim();
}
