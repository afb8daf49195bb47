// Ghost-compatible JSON (Ghost Admin → Settings → Import/Export → Import content reads it): the
// site's posts and tags, with their authors, in the shape Ghost's developer migration docs give
// (docs.ghost.org/migration/custom): { db: [{ meta: { exported_on, version }, data: { posts,
// posts_meta, tags, posts_tags, users, posts_authors } }] }. Ghost turns each post's `html` into
// its own editor format on import. Pure: the data layer feeds it rows.
import { slugify, withNumericSuffix } from "@/lib/content/slug";

/** The Ghost version the file is written for (meta.version). */
export const GHOST_EXPORT_VERSION = "5.0.0";

/** Ghost's custom_excerpt holds at most 300 characters. */
const EXCERPT_MAX = 300;

export type GhostStoryRow = {
  id: string;
  title: string;
  subtitle: string;
  slug: string | null;
  bodyHtml: string;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  status: string;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  tagIds: string[];
};

/** Live stories are published in Ghost; every other state (draft, in review, unpublished) is a draft. */
export function ghostStatus(status: string): "published" | "draft" {
  return status === "PUBLISHED" ? "published" : "draft";
}

/** Site-relative media URLs (`/media/…`) made absolute, so Ghost can fetch or link them. */
export function absoluteMedia(text: string, site: string): string {
  return text.replace(/(["'(])\/media\//g, `$1${site}/media/`);
}

/** One post, its posts_meta row (when it has a hero image) and its link rows. `slugs` keeps slugs unique site-wide, as Ghost needs. */
export function ghostPost(story: GhostStoryRow, site: string, slugs: Set<string>) {
  const slug = withNumericSuffix(story.slug ?? (slugify(story.title, 80) || story.id), slugs);
  slugs.add(slug);
  const status = ghostStatus(story.status);
  return {
    post: {
      id: story.id,
      title: story.title,
      slug,
      html: absoluteMedia(story.bodyHtml, site),
      comment_id: story.id,
      feature_image: story.heroImageUrl ? absoluteMedia(`"${story.heroImageUrl}`, site).slice(1) : null,
      type: "post",
      status,
      visibility: "public",
      created_at: story.createdAt.toISOString(),
      updated_at: story.updatedAt.toISOString(),
      published_at: status === "published" ? (story.publishedAt ?? story.createdAt).toISOString() : null,
      custom_excerpt: story.subtitle ? story.subtitle.slice(0, EXCERPT_MAX) : null,
    },
    meta: story.heroImageUrl ? { post_id: story.id, feature_image_alt: story.heroImageAlt ?? "" } : null,
    tags: story.tagIds.map((tag_id, sort_order) => ({ post_id: story.id, tag_id, sort_order })),
    author: { post_id: story.id, author_id: story.authorId, sort_order: 0 },
  };
}

export type GhostUserRow = { id: string; name: string; handle: string; email: string; bio: string; avatarUrl: string | null };

export function ghostUser(user: GhostUserRow, site: string) {
  return { id: user.id, name: user.name, slug: user.handle, email: user.email, bio: user.bio || null, profile_image: user.avatarUrl ? absoluteMedia(`"${user.avatarUrl}`, site).slice(1) : null };
}
