import "server-only";
import { db } from "@/lib/db";
import { listPublishedStories, type StoryListOptions } from "@/lib/data/public-stories";
import { publicWhere, type StoryCard } from "@/lib/data/story-shapes";

export type FeedStory = StoryCard & { bodyHtml: string; updatedAt: Date };
export type FeedFilter = Pick<StoryListOptions, "communitySlug" | "authorHandle" | "tagSlug">;

/** How many stories a feed carries: readers poll often, so the newest are enough. */
export const FEED_SIZE = 20;

/** Public: the newest published stories with their full (sanitized) text, optionally in one community, by one creator or with one tag. */
export async function listFeedStories(filter: FeedFilter = {}): Promise<FeedStory[]> {
  const { items } = await listPublishedStories({ ...filter, limit: FEED_SIZE });
  if (items.length === 0) return [];
  // Bodies are large, so they are read for this page of stories only (and only if still public).
  const bodies = await db.story.findMany({
    where: { ...publicWhere, id: { in: items.map((story) => story.id) } },
    select: { id: true, bodyHtml: true, updatedAt: true },
  });
  const byId = new Map(bodies.map(({ id, ...body }) => [id, body]));
  return items.flatMap((story) => {
    const body = byId.get(story.id);
    return body ? [{ ...story, ...body }] : [];
  });
}
