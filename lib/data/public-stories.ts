import "server-only";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";
import { afterKeyset } from "@/lib/data/keyset";
import { cardSelect, publicWhere, toCard, type Page, type StoryCard, type StoryPage } from "@/lib/data/story-shapes";

// Public reads: published stories by active creators, for lists and the story page.

export type StoryListOptions = { communitySlug?: string; authorHandle?: string; tagSlug?: string; followedBy?: string; sort?: "latest" | "top"; cursor?: string; limit?: number };

/**
 * Public: published stories newest first, optionally in one community, by one creator, with one
 * tag, or by the creators a user follows; or most-hearted first ("top"). Keyset-paginated.
 */
export async function listPublishedStories(options: StoryListOptions = {}): Promise<Page<StoryCard>> {
  // A filter or cursor no row could match (from a URL): nothing, without asking the database.
  if ([options.cursor, options.communitySlug, options.authorHandle, options.tagSlug].some((key) => key !== undefined && !isSlug(key))) return { items: [], nextCursor: null };
  const limit = Math.min(options.limit ?? 20, 50);
  const sortKeys = options.sort === "top" ? (["heartCount", "publishedAt", "id"] as const) : (["publishedAt", "id"] as const);
  // The cursor is the last story's id; its sort values make the keyset condition (lib/data/keyset.ts).
  const cursorRow = options.cursor ? await db.story.findUnique({ where: { id: options.cursor }, select: { id: true, publishedAt: true, heartCount: true } }) : null;
  if (options.cursor && !cursorRow) return { items: [], nextCursor: null };
  // A tag's newest stories come from StoryTag's own copy of publishedAt (kept by triggers), one
  // index range at any size; left to itself PostgreSQL walks every story newest first checking
  // each one's tags (a rare tag at 100,000 stories: 370 ms; docs/performance.md).
  // (Tag pages list newest first; most-hearted with a tag, which no page asks for, filters by relation.)
  const tagged = options.tagSlug && options.sort !== "top" ? await newestTaggedStoryIds(options.tagSlug, cursorRow, limit) : null;
  const author = {
    ...publicWhere.author,
    ...(options.authorHandle ? { handle: options.authorHandle } : {}),
    ...(options.followedBy ? { followers: { some: { followerId: options.followedBy } } } : {}),
  };
  const rows = await db.story.findMany({
    where: {
      ...publicWhere,
      author,
      ...(options.communitySlug ? { community: { slug: options.communitySlug } } : {}),
      ...(tagged ? { id: { in: tagged.ids } } : options.tagSlug ? { tags: { some: { tag: { slug: options.tagSlug } } } } : {}),
      ...(cursorRow ? afterKeyset(sortKeys, cursorRow) : {}),
    },
    orderBy: sortKeys.map((key) => ({ [key]: "desc" as const })),
    take: limit + 1,
    select: cardSelect,
  });
  const items = rows.slice(0, limit).map(toCard);
  // A tag's window may hold stories hidden from the public (a suspended creator's): while the
  // window was full there may be more after the last story shown.
  const more = rows.length > limit || (tagged?.full === true && items.length > 0);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

/**
 * The newest published stories with a tag after the cursor: twice the page and some, so a page
 * fills even when some belong to creators hidden from the public. `full`: there may be more.
 */
async function newestTaggedStoryIds(tagSlug: string, cursorRow: { id: string; publishedAt: Date | null } | null, limit: number): Promise<{ ids: string[]; full: boolean }> {
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true } });
  if (!tag || (cursorRow && !cursorRow.publishedAt)) return { ids: [], full: false };
  const take = limit * 2 + 10;
  const rows = await db.storyTag.findMany({
    where: { tagId: tag.id, publishedAt: { not: null }, ...(cursorRow ? afterKeyset(["publishedAt", "storyId"], { publishedAt: cursorRow.publishedAt, storyId: cursorRow.id }) : {}) },
    orderBy: [{ publishedAt: "desc" }, { storyId: "desc" }],
    take,
    select: { storyId: true },
  });
  return { ids: rows.map((row) => row.storyId), full: rows.length === take };
}

/** Public: a published story by its URL, or null. */
export async function getPublishedStory(communitySlug: string, slug: string): Promise<StoryPage | null> {
  if (!isSlug(communitySlug) || !isSlug(slug)) return null;
  const row = await db.story.findFirst({
    where: { ...publicWhere, slug, community: { slug: communitySlug } },
    select: {
      ...cardSelect,
      bodyHtml: true,
      aiAssisted: true,
      heroImageUrl: true,
      heroImageAlt: true,
      updatedAt: true,
      commentCount: true,
      commentsEnabled: true,
      commentsLocked: true,
      author: { select: { id: true, name: true, handle: true, bio: true, avatarUrl: true } },
    },
  });
  return row ? toCard(row) : null;
}
