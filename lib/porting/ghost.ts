// Ghost's JSON export (Settings → Advanced → Import/Export → Export content): `{ db: [{ meta, data }] }`
// or `{ meta, data }`, with `data.posts` (html, feature_image, custom_excerpt, status, type,
// published_at, uuid, slug), `data.posts_meta` (feature_image_alt), `data.tags` and `data.posts_tags`.
// Images are `__GHOST_URL__/content/images/…` (or the site's absolute URL): the upload may be the
// JSON alone or a zip of the JSON with the `content/images` folder.
import { z } from "@/lib/zod";
import { htmlToMarkdown } from "@/lib/porting/html-to-markdown";
import { exportWithImages, ImportFileError, type ImportItem, type ImportSource, type ItemError } from "@/lib/porting/import-source";
import { oldPathOf } from "@/lib/content/old-path";

const id = z.union([z.string(), z.number()]).transform(String);
const when = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? undefined : new Date(v)));
const postSchema = z.object({
  id,
  uuid: z.string().nullish(),
  title: z.string().nullish(),
  slug: z.string().nullish(),
  html: z.string().nullish(),
  markdown: z.string().nullish(),
  feature_image: z.string().nullish(),
  custom_excerpt: z.string().nullish(),
  status: z.string().nullish(),
  type: z.string().nullish(),
  page: z.union([z.boolean(), z.number()]).nullish(),
  created_at: when,
  updated_at: when,
  published_at: when,
});
const exportSchema = z.object({
  posts: z.array(z.unknown()),
  posts_meta: z.array(z.object({ post_id: id, feature_image_alt: z.string().nullish() }).loose()).optional().catch([]),
  tags: z.array(z.object({ id, name: z.string() }).loose()).optional().catch([]),
  posts_tags: z.array(z.object({ post_id: id, tag_id: id, sort_order: z.number().nullish() }).loose()).optional().catch([]),
});

/** Where a Ghost image reference points inside `content/images`, or null. */
function ghostImagePath(ref: string): string | null {
  const match = /(?:^|\/)content\/images\/(.+)$/.exec(ref.split(/[?#]/)[0]);
  return match ? `content/images/${decodeURIComponent(match[1])}` : null;
}

export function readGhostExport(bytes: Uint8Array): ImportSource {
  const { text: json, images } = exportWithImages(bytes, ".json", "Ghost export", ghostImagePath);
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    throw new ImportFileError(`That isn't a Ghost export: the JSON can't be read (${(error as Error).message.slice(0, 120)}).`);
  }
  const wrapped = root as { db?: { data?: unknown }[]; data?: unknown };
  const parsed = exportSchema.safeParse(wrapped?.db?.[0]?.data ?? wrapped?.data);
  if (!parsed.success) throw new ImportFileError("That isn't a Ghost export: it has no posts (data.posts).");
  const { posts, posts_meta = [], tags = [], posts_tags = [] } = parsed.data;
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const alt = new Map(posts_meta.map((m) => [m.post_id, m.feature_image_alt ?? ""]));
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  posts.forEach((raw, index) => {
    const post = postSchema.safeParse(raw);
    const entry = `posts[${index}]${post.success && post.data.slug ? ` "${post.data.slug}"` : ""}`;
    if (!post.success) return errors.push({ entry, reason: `a field can't be read (${post.error.issues[0].path.join(".")}: ${post.error.issues[0].message})` });
    const p = post.data;
    // Pages are not stories.
    if (p.type === "page" || p.page === true || p.page === 1) return;
    if (!p.title?.trim()) return errors.push({ entry, reason: "has no title" });
    const body = p.html ? htmlToMarkdown(p.html) : (p.markdown ?? null);
    if (body === null) return errors.push({ entry, reason: "has no HTML (exports from Ghost 1.0 and later include it)" });
    const postTags = posts_tags
      .filter((pt) => pt.post_id === p.id)
      .sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
      .map((pt) => tagName.get(pt.tag_id))
      // Internal tags (#name) organise a Ghost site; they are not topics. Five at most, as in the editor.
      .filter((name): name is string => !!name && !name.startsWith("#"))
      .slice(0, 5);
    items.push({
      entry,
      sourceKey: `ghost:${p.uuid ?? p.id}`,
      title: p.title.trim(),
      subtitle: shorten(p.custom_excerpt ?? "", 250),
      tags: postTags,
      date: p.published_at ?? p.created_at,
      updated: p.updated_at,
      published: p.status === "published",
      slug: p.slug ?? undefined,
      // Ghost's default permalink is /{slug}/ (a site with another routes.yaml redirects by hand).
      oldPath: oldPathOf(p.slug),
      heroImage: p.feature_image ? p.feature_image.replace(/^__GHOST_URL__/, "") : null,
      // A live story's hero needs a description: Ghost's alt text, else the post's title.
      heroImageAlt: alt.get(p.id) || p.title.trim(),
      aiAssisted: false,
      commentsEnabled: true,
      body: body.replace(/__GHOST_URL__/g, ""),
    });
  });
  return {
    items,
    errors,
    imageBytes: (_entry, ref) => {
      const at = ghostImagePath(ref);
      return at ? (images.get(at) ?? null) : null;
    },
  };
}

/** At most `max` characters, cut at a word with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
