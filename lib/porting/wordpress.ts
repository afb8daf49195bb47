// WordPress's export (Tools → Export → Posts): a WXR file, RSS 2.0 with the `wp:`, `content:`,
// `excerpt:` and `dc:` namespaces. Each post is an <item> with wp:post_type "post", its HTML in
// content:encoded, its excerpt in excerpt:encoded, wp:post_name, wp:status (publish, draft,
// pending, private, future), wp:post_date_gmt, <category domain="category|post_tag">, and its
// featured image as the wp:postmeta _thumbnail_id naming an attachment item (wp:attachment_url),
// its author's login in dc:creator (the channel's wp:author gives the name and email) and its
// comments as wp:comment (threaded by wp:comment_parent).
// The upload is the .xml alone, or a zip of it with the `wp-content/uploads` folder (or `uploads`).
import { SaxesParser } from "saxes";
import { htmlToMarkdown } from "@/lib/porting/html-to-markdown";
import { shorten } from "@/lib/porting/ghost";
import { exportWithImages, ImportFileError, type ImportComment, type ImportItem, type ImportSource, type ItemError } from "@/lib/porting/import-source";
import { oldPathOf } from "@/lib/content/old-path";

type Item = { line: number; fields: Map<string, string>; categories: { domain: string; name: string }[]; meta: Map<string, string>; comments: Map<string, string>[] };

/**
 * The <item>s of a WXR document with the fields this import reads (qualified names as written:
 * "wp:post_name"), each with its <wp:comment>s, and the channel's <wp:author>s.
 */
function readItems(xml: string): { items: Item[]; authors: Map<string, string>[] } {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const items: Item[] = [];
  const authors: Map<string, string>[] = [];
  let item: Item | null = null;
  // A <wp:comment> of the item, or a <wp:author> of the channel, being read, and its depth.
  let nested: { fields: Map<string, string>; depth: number } | null = null;
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
      item = { line: parser.line, fields: new Map(), categories: [], meta: new Map(), comments: [] };
      itemDepth = depth;
    } else if ((item && tag.name === "wp:comment") || (!item && tag.name === "wp:author")) nested = { fields: new Map(), depth };
    else if (item && tag.name === "category") category = { domain: String(tag.attributes.domain ?? "") };
    else if (item && tag.name === "wp:postmeta") inMeta = true;
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const current = item as Item | null;
    const inside = nested as { fields: Map<string, string>; depth: number } | null;
    if (inside) {
      if (depth === inside.depth) {
        if (current) current.comments.push(inside.fields);
        else authors.push(inside.fields);
        nested = null;
      } else if (depth === inside.depth + 1) inside.fields.set(tag.name, text);
    } else if (current) {
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
  return { items, authors };
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

/**
 * A post's approved comments (wp:comment_approved 1; pingbacks, trackbacks, spam, trash and
 * those waiting for approval left out), oldest first, each after its parent. A reply whose parent
 * is left out replies to the nearest ancestor kept, or to the post.
 */
function readComments(raw: Map<string, string>[]): ImportComment[] {
  const all = raw.map((c) => {
    const get = (name: string) => c.get(name)?.trim() ?? "";
    const gmt = get("wp:comment_date_gmt");
    const date = gmt && !gmt.startsWith("0000") ? new Date(`${gmt.replace(" ", "T")}Z`) : undefined;
    return {
      id: get("wp:comment_id"),
      parentId: get("wp:comment_parent") && get("wp:comment_parent") !== "0" ? get("wp:comment_parent") : null,
      kept: get("wp:comment_approved") === "1" && ["", "comment"].includes(get("wp:comment_type")),
      author: { name: get("wp:comment_author") || "Anonymous", email: get("wp:comment_author_email").toLowerCase() || null },
      date: date && !Number.isNaN(date.getTime()) ? date : undefined,
      // Comment text is stored as typed: HTML allowed, paragraphs as blank lines.
      body: htmlToMarkdown(autop(c.get("wp:comment_content") ?? "")),
    };
  });
  const byId = new Map(all.map((c) => [c.id, c]));
  const keptParent = (id: string | null, seen = new Set<string>()): string | null => {
    if (!id || seen.has(id)) return null;
    const parent = byId.get(id);
    if (!parent) return null;
    return parent.kept ? parent.id : keptParent(parent.parentId, seen.add(id));
  };
  const kept = all.filter((c) => c.kept && c.id && c.body.trim()).map(({ kept: _, ...c }) => ({ ...c, parentId: keptParent(c.parentId) }));
  // Oldest first, and a parent always before its replies (dates can be equal or out of order).
  const ordered: ImportComment[] = [];
  const placed = new Set<string>();
  const byDate = [...kept].sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0) || Number(a.id) - Number(b.id));
  while (ordered.length < byDate.length) {
    const before = ordered.length;
    for (const c of byDate) if (!placed.has(c.id) && (!c.parentId || placed.has(c.parentId))) (ordered.push(c), placed.add(c.id));
    if (ordered.length === before) break; // a cycle of parents: the rest are left out
  }
  return ordered;
}

export function readWordPressExport(bytes: Uint8Array): ImportSource {
  const { text: xml, images: uploads } = exportWithImages(bytes, ".xml", "WordPress export", uploadsPath);
  const { items: all, authors } = readItems(xml);
  const byLogin = new Map(
    authors.map((a) => {
      const login = a.get("wp:author_login")?.trim() ?? "";
      return [login, { name: a.get("wp:author_display_name")?.trim() || login || "WordPress author", email: a.get("wp:author_email")?.trim().toLowerCase() || null }];
    }),
  );
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
      author: byLogin.get(f("dc:creator")) ?? (f("dc:creator") ? { name: f("dc:creator"), email: null } : undefined),
      comments: readComments(post.comments),
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
