// Checks on HTML the app produced from hostile input: no element that runs script, no event
// handler attribute, no script-bearing URL. Entities are decoded first, as a browser would.
const DANGEROUS_TAGS = /<(script|iframe|frame|object|embed|svg|math|style|form|base|meta|link|button|textarea|select|video|audio|template|noscript)\b/i;
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"]);
/** GFM task lists render a disabled checkbox; anything else that takes input is suspicious. */
const TASK_CHECKBOX = /^<input type="checkbox"(?: checked)? disabled>$/;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/g, "&");
}

/** What is wrong with this HTML, if anything (empty when it is safe). */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tag = html.match(DANGEROUS_TAGS);
  if (tag) problems.push(`element <${tag[1]}>`);
  for (const [element, name, attributes] of html.matchAll(TAG)) {
    if (name.toLowerCase() === "input" && !TASK_CHECKBOX.test(element)) problems.push(`element ${element}`);
    for (const m of attributes.matchAll(ATTR)) {
      const attribute = m[1].toLowerCase();
      if (attribute.startsWith("on")) problems.push(`handler in ${element}`);
      if (!URL_ATTRS.has(attribute)) continue;
      const url = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "").replace(/[\u0000-\u0020\u007f-\u009f\u200b\ufeff]/g, "").toLowerCase();
      if (/^(javascript|vbscript|data):/.test(url)) problems.push(`script URL in ${element}`);
    }
  }
  return problems;
}
