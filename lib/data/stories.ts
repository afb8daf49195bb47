import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderStory } from "@/lib/content/markdown";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import type { StoryInput } from "@/lib/validation/story";
import type { StoryStatus } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "@/lib/data/prisma-errors";

export type StoryCard = {
  id: string;
  title: string;
  subtitle: string;
  href: string;
  publishedAt: Date;
  readingMinutes: number;
  community: { slug: string; name: string };
  author: { name: string; handle: string };
};

export type StoryPage = StoryCard & {
  bodyHtml: string;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  updatedAt: Date;
  commentCount: number;
  author: { id: string; name: string; handle: string; bio: string; avatarUrl: string | null };
};

export type StudioStoryRow = {
  id: string;
  title: string;
  status: StoryStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  href: string | null;
  commentCount: number;
};

export type StoryDraft = { id: string; title: string; subtitle: string; community: string; body: string; status: StoryStatus; href: string | null };

/** Published stories by active creators: the only ones the public sees. */
const publicWhere = { status: "PUBLISHED", author: { status: "ACTIVE" } } as const;

const cardSelect = {
  id: true,
  title: true,
  subtitle: true,
  slug: true,
  publishedAt: true,
  readingMinutes: true,
  community: { select: { slug: true, name: true } },
  author: { select: { name: true, handle: true } },
} as const;

export function storyHref(communitySlug: string, slug: string) {
  return `/${communitySlug}/${slug}`;
}

function toCard<T extends { slug: string | null; publishedAt: Date | null; community: { slug: string } }>(row: T) {
  const { slug, publishedAt, ...rest } = row;
  return { ...rest, href: storyHref(row.community.slug, slug ?? ""), publishedAt: publishedAt ?? new Date(0) };
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Public: published stories newest first, optionally in one community or by one creator. */
export async function listPublishedStories(options: { communitySlug?: string; authorHandle?: string; cursor?: string; limit?: number } = {}): Promise<Page<StoryCard>> {
  const limit = Math.min(options.limit ?? 20, 50);
  const rows = await db.story.findMany({
    where: {
      ...publicWhere,
      ...(options.communitySlug ? { community: { slug: options.communitySlug } } : {}),
      ...(options.authorHandle ? { author: { ...publicWhere.author, handle: options.authorHandle } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: cardSelect,
  });
  const items = rows.slice(0, limit).map(toCard);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** Public: a published story by its URL, or null. */
export async function getPublishedStory(communitySlug: string, slug: string): Promise<StoryPage | null> {
  const row = await db.story.findFirst({
    where: { ...publicWhere, slug, community: { slug: communitySlug } },
    select: {
      ...cardSelect,
      bodyHtml: true,
      heroImageUrl: true,
      heroImageAlt: true,
      updatedAt: true,
      commentCount: true,
      author: { select: { id: true, name: true, handle: true, bio: true, avatarUrl: true } },
    },
  });
  return row ? toCard(row) : null;
}

/** The signed-in creator: their own stories, any status, most recently edited first. */
export async function listMyStories(viewer: Viewer | null): Promise<StudioStoryRow[]> {
  const me = requirePermission(viewer, "story:write");
  const rows = await db.story.findMany({
    where: { authorId: me.id, status: { not: "REMOVED" } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, status: true, updatedAt: true, publishedAt: true, slug: true, commentCount: true, community: { select: { slug: true } } },
  });
  return rows.map(({ slug, community, ...row }) => ({ ...row, href: row.status === "PUBLISHED" && slug ? storyHref(community.slug, slug) : null }));
}

/** Author only; other users' stories are NOT_FOUND. */
export async function getStoryForEditing(viewer: Viewer | null, storyId: string): Promise<StoryDraft> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({
    where: { id: storyId, authorId: me.id, status: { not: "REMOVED" } },
    select: { id: true, title: true, subtitle: true, bodyMarkdown: true, status: true, slug: true, community: { select: { slug: true } } },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  return {
    id: story.id,
    title: story.title,
    subtitle: story.subtitle,
    community: story.community.slug,
    body: story.bodyMarkdown,
    status: story.status,
    href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null,
  };
}

async function communityIdFor(slug: string): Promise<string> {
  const community = await db.community.findUnique({ where: { slug }, select: { id: true } });
  if (!community) throw new AppError("INVALID", "Choose a community from the list.", { community: ["Choose a community from the list"] });
  return community.id;
}

function contentFields(input: StoryInput) {
  const rendered = renderStory(input.body);
  return {
    title: input.title,
    subtitle: input.subtitle,
    bodyMarkdown: input.body,
    bodyHtml: rendered.html,
    wordCount: rendered.wordCount,
    readingMinutes: rendered.readingMinutes,
  };
}

/** Any creator: starts a draft of their own. */
export async function createDraft(viewer: Viewer | null, input: StoryInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, "story:write");
  const communityId = await communityIdFor(input.community);
  return db.story.create({ data: { ...contentFields(input), authorId: me.id, communityId }, select: { id: true } });
}

export type StoryLocation = { id: string; href: string | null; authorHandle: string; communitySlug: string };

/** Author only (others' stories are NOT_FOUND): saves new content; a published story updates live. */
export async function updateStory(viewer: Viewer | null, storyId: string, input: StoryInput): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const current = await db.story.findFirst({
    where: { id: storyId, authorId: me.id, status: { not: "REMOVED" } },
    select: { slug: true, community: { select: { slug: true } } },
  });
  if (!current) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  // The URL contains the community, so it is fixed once the story has been published.
  if (current.slug && input.community !== current.community.slug) {
    throw new AppError("INVALID", "A published story stays in its community.", { community: ["A published story can't move to another community"] });
  }
  const communityId = await communityIdFor(input.community);
  const story = await db.story.update({
    where: { id: storyId, authorId: me.id },
    data: { ...contentFields(input), communityId },
    select: { id: true, status: true, slug: true, community: { select: { slug: true } } },
  });
  return {
    id: story.id,
    href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null,
    authorHandle: me.handle,
    communitySlug: story.community.slug,
  };
}

/**
 * Author only: publishes their story once it meets its community's rules. The slug is chosen at
 * first publish and then never changes, so later title edits keep the URL.
 */
export async function publishStory(viewer: Viewer | null, storyId: string): Promise<StoryLocation & { href: string }> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({
    where: { id: storyId, authorId: me.id, status: { not: "REMOVED" } },
    select: {
      title: true,
      subtitle: true,
      slug: true,
      wordCount: true,
      heroImageUrl: true,
      publishedAt: true,
      communityId: true,
      community: { select: { slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true } },
    },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  const problems: Record<string, string[]> = {};
  const { community } = story;
  if (story.wordCount === 0) problems.body = ["Write your story before publishing"];
  else if (story.wordCount < community.minWords) problems.body = [`${community.name} stories need at least ${community.minWords} words; this one has ${story.wordCount}`];
  if (community.requireSubtitle && !story.subtitle) problems.subtitle = [`${community.name} stories need a subtitle`];
  if (community.requireHero && !story.heroImageUrl) problems.heroImage = [`${community.name} stories need a hero image`];
  if (Object.keys(problems).length) throw new AppError("INVALID", "This story isn't ready to publish yet.", problems);

  for (let attempt = 0; ; attempt++) {
    const slug = story.slug ?? (await freeSlug(story.communityId, story.title, attempt));
    try {
      await db.story.update({
        where: { id: storyId, authorId: me.id },
        data: { status: "PUBLISHED", slug, publishedAt: story.publishedAt ?? new Date() },
      });
      return { id: storyId, href: storyHref(community.slug, slug), authorHandle: me.handle, communitySlug: community.slug };
    } catch (error) {
      if (!isUniqueViolation(error) || story.slug || attempt >= 3) throw error; // another story took the slug first: pick again
    }
  }
}

async function freeSlug(communityId: string, title: string, attempt: number): Promise<string> {
  const base = slugify(title) || "story";
  const taken = await db.story.findMany({ where: { communityId, slug: { startsWith: base } }, select: { slug: true } });
  const slug = withNumericSuffix(base, new Set(taken.map((s) => s.slug ?? "")));
  return attempt === 0 ? slug : `${slug}-${Math.random().toString(36).slice(2, 6)}`;
}
