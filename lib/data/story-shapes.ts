import "server-only";
import type { TagView } from "@/lib/data/tags";

// Shapes every story module shares: the public card and page, the wheres that decide who sees a
// story, and links. Public reads: public-stories.ts; the creator's studio: studio-stories.ts;
// lifecycle writes: stories.ts.

export type StoryCard = {
  id: string;
  title: string;
  subtitle: string;
  href: string;
  publishedAt: Date;
  readingMinutes: number;
  heartCount: number;
  community: { slug: string; name: string };
  author: { name: string; handle: string };
  tags: TagView[];
  heroImageUrl: string | null;
  heroImageAlt: string | null;
};

export type StoryPage = StoryCard & {
  bodyHtml: string;
  aiAssisted: boolean;
  updatedAt: Date;
  commentCount: number;
  commentsEnabled: boolean;
  commentsLocked: boolean;
  author: { id: string; name: string; handle: string; bio: string; avatarUrl: string | null };
};

/** Review notes as stored (JSON): only string values, keyed by section heading. */
export function reviewNotesOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** The author's own story, not removed by staff and not deleted: the only ones they can change. */
export function ownStoryWhere(authorId: string, storyId: string) {
  return { id: storyId, authorId, status: { not: "REMOVED" as const }, deletedAt: null };
}

/** The author's own story, not deleted: what they can open (read-only when staff took it down, so they see why). */
export function ownStoryReadWhere(authorId: string, storyId: string) {
  return { id: storyId, authorId, deletedAt: null };
}

/** Published stories by active creators: the only ones the public sees. */
export const publicWhere = { status: "PUBLISHED", author: { status: "ACTIVE" } } as const;

export const cardSelect = {
  id: true,
  title: true,
  subtitle: true,
  slug: true,
  publishedAt: true,
  readingMinutes: true,
  heartCount: true,
  heroImageUrl: true,
  heroImageAlt: true,
  community: { select: { slug: true, name: true } },
  author: { select: { name: true, handle: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

export function storyHref(communitySlug: string, slug: string) {
  return `/${communitySlug}/${slug}`;
}

export function toCard<T extends { slug: string | null; publishedAt: Date | null; community: { slug: string }; tags: { tag: TagView }[] }>(row: T) {
  const { slug, publishedAt, tags, ...rest } = row;
  return { ...rest, href: storyHref(row.community.slug, slug ?? ""), publishedAt: publishedAt ?? new Date(0), tags: tags.map((t) => t.tag) };
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Where a story is, for links and the cache tags of its pages (href: its public URL, if it has one). */
export type StoryLocation = { id: string; href: string | null; authorHandle: string; communitySlug: string };
