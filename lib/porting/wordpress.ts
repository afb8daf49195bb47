// WordPress's export (Tools → Export → Posts): a WXR file, RSS 2.0 with the `wp:`, `content:`,
// `excerpt:` and `dc:` namespaces. Each post is an <item> with wp:post_type "post", its HTML in
// content:encoded, its excerpt in excerpt:encoded, wp:post_name, wp:status (publish, draft,
// pending, private, future), wp:post_date_gmt, <category domain="category|post_tag">, and its
// featured image as the wp:postmeta _thumbnail_id naming an attachment item (wp:attachment_url).
// The upload is the .xml alone, or a zip of it with the `wp-content/uploads` folder (or `uploads`).
import { SaxesParser } from "saxes";
import { htmlToMarkdown } from "@/lib/porting/html-to-markdown";
import { shorten } from "@/lib/porting/ghost";
import { exportWithImages, ImportFileError, type ImportItem, type ImportSource, type ItemError } from "@/lib/porting/import-source";
import { oldPathOf } from "@/lib/content/old-path";

type Item = { line: number; fields: Map<string, string>; categories: { domain: string; name: string }[]; meta: Map<string, string> };

/** The <item>s of a WXR document with the fields this import reads (qualified names as written: "wp:post_name"). */
function readItems(xml: string): Item[] {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const items: Item[] = [];
  let item: Item | null = null;
  let text = "";
  let category: { domain: string } | null = null;
  let metaKey = "";
  let inMeta = false;
  let isWxr = false;
  let depth = 0;
  let itemDepth = 0;
  parser.on("opentag", (tag) => {
    depth++;
    text = "";
    if (tag.name === "wp:wxr_version") isWxr = true;
    if (tag.name === "item") {
      item = { line: parser.line, fields: new Map(), categories: [], meta: new Map() };
      itemDepth = depth;
    } else if (item && tag.name === "category") category = { domain: String(tag.attributes.domain ?? "") };
    else if (item && tag.name === "wp:postmeta") inMeta = true;
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const current = item as Item | null;
    if (current) {
      if (tag.name === "item") {
        items.push(current);
        item = null;
      } else if (tag.name === "category" && category) {
        current.categories.push({ domain: category.domain, name: text.trim() });
        category = null;
      } else if (inMeta && tag.name === "wp:meta_key") metaKey = text.trim();
      else if (inMeta && tag.name === "wp:meta_value") current.meta.set(metaKey, text.trim());
      else if (tag.name === "wp:postmeta") inMeta = false;
      // Only the item's own fields (comments nest fields of their own: wp:comment_content, …).
      else if (depth === itemDepth + 1) current.fields.set(tag.name, text);
    }
    depth--;
    text = "";
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new ImportFileError(`That WordPress export isn't valid XML: ${(error as Error).message.split("\n")[0].slice(0, 200)}.`);
  }
  if (!isWxr) throw new ImportFileError("That isn't a WordPress export (WXR): it has no wp:wxr_version.");
  return items;
}

/** WordPress's classic editor stores paragraphs as blank lines; wrap them as its wpautop does, roughly. */
function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (/^<(h\d|ul|ol|blockquote|pre|figure|table|div|hr)/i.test(block) ? block : `<p>${block.replace(/\n/g, "<br>")}</p>`))
    .join("\n");
}

/** The part of an upload's address after `uploads/` ("2020/01/a.jpg"), or null. */
function uploadsPath(ref: string): string | null {
  const match = /(?:^|\/)uploads\/(.+)$/.exec(ref.split(/[?#]/)[0]);
  return match ? decodeURIComponent(match[1]) : null;
}

export function readWordPressExport(bytes: Uint8Array): ImportSource {
  const { text: xml, images: uploads } = exportWithImages(bytes, ".xml", "WordPress export", uploadsPath);
  const all = readItems(xml);
  const attachments = new Map(
    all.filter((i) => i.fields.get("wp:post_type") === "attachment").map((i) => [i.fields.get("wp:post_id") ?? "", { url: i.fields.get("wp:attachment_url")?.trim() ?? "", alt: i.meta.get("_wp_attachment_image_alt") ?? "" }]),
  );
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  for (const post of all) {
    const f = (name: string) => post.fields.get(name)?.trim() ?? "";
    if (f("wp:post_type") !== "post") continue;
    const status = f("wp:status");
    if (status === "trash" || status === "auto-draft" || status === "inherit") continue;
    const slug = f("wp:post_name");
    const entry = `item${slug ? ` "${slug}"` : ""} (line ${post.line})`;
    const title = f("title");
    if (!title) {
      errors.push({ entry, reason: "has no title" });
      continue;
    }
    const gmt = f("wp:post_date_gmt");
    const date = gmt && !gmt.startsWith("0000") ? new Date(`${gmt.replace(" ", "T")}Z`) : f("pubDate") ? new Date(f("pubDate")) : undefined;
    const modified = f("wp:post_modified_gmt");
    const hero = attachments.get(post.meta.get("_thumbnail_id") ?? "");
    items.push({
      entry,
      sourceKey: `wordpress:${f("guid") || f("wp:post_id")}`,
      title,
      subtitle: shorten(htmlToMarkdown(f("excerpt:encoded")).replace(/[*_`#>]/g, ""), 250),
      tags: [...new Set(post.categories.filter((c) => (c.domain === "post_tag" || c.domain === "category") && c.name && c.name !== "Uncategorized").map((c) => c.name))].slice(0, 5),
      date: date && !Number.isNaN(date.getTime()) ? date : undefined,
      updated: modified && !modified.startsWith("0000") ? new Date(`${modified.replace(" ", "T")}Z`) : undefined,
      published: status === "publish",
      slug: slug || undefined,
      // The permalink (`<link>`): /2019/05/03/my-post/ or /my-post/; `?p=12` ones can't be kept.
      oldPath: oldPathOf(f("link")),
      heroImage: hero?.url || null,
      // A live story's hero needs a description: the attachment's alt text, else the post's title.
      heroImageAlt: hero?.alt || title,
      aiAssisted: false,
      commentsEnabled: f("wp:comment_status") !== "closed",
      body: htmlToMarkdown(autop(f("content:encoded").replace(/<!--[\s\S]*?-->/g, ""))),
    });
  }
  if (items.length === 0 && errors.length === 0) throw new ImportFileError("That WordPress export has no posts in it.");
  return {
    items,
    errors,
    imageBytes: (_entry, ref) => {
      const at = uploadsPath(ref);
      return at ? (uploads.get(at) ?? null) : null;
    },
  };
}
