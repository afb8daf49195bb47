import "server-only";
import { afterKeyset } from "@/lib/data/keyset";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { cardSelect, publicWhere, toCard, type Page, type StoryCard } from "@/lib/data/story-shapes";
import { listPublishedStories } from "@/lib/data/public-stories";

// Hearts, bookmarks and follows: one row per pair (the primary key makes a double click or a
// race harmless), with the counters changed in the same transaction as the rows they count.

const publicStory = (storyId: string) => ({ id: storyId, ...publicWhere });

async function requirePublicStory(storyId: string) {
  const story = await db.story.findFirst({ where: publicStory(storyId), select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
}

/** Signed-in readers: hearts (or un-hearts) a published story. Returns the new state and count. */
export async function setHeart(viewer: Viewer | null, storyId: string, hearted: boolean): Promise<{ hearted: boolean; heartCount: number }> {
  const me = requirePermission(viewer, "story:react");
  await requirePublicStory(storyId);
  return db.$transaction(async (tx) => {
    const changed = hearted
      ? (await tx.heart.createMany({ data: [{ userId: me.id, storyId }], skipDuplicates: true })).count
      : (await tx.heart.deleteMany({ where: { userId: me.id, storyId } })).count;
    const story = changed
      ? await tx.story.update({ where: { id: storyId }, data: { heartCount: { increment: hearted ? 1 : -1 } }, select: { heartCount: true } })
      : await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { heartCount: true } });
    return { hearted, heartCount: story.heartCount };
  });
}

/** Signed-in readers: saves (or un-saves) a published story to their bookmarks. */
export async function setBookmark(viewer: Viewer | null, storyId: string, bookmarked: boolean): Promise<{ bookmarked: boolean }> {
  const me = requirePermission(viewer, "story:react");
  await requirePublicStory(storyId);
  if (bookmarked) await db.bookmark.createMany({ data: [{ userId: me.id, storyId }], skipDuplicates: true });
  else await db.bookmark.deleteMany({ where: { userId: me.id, storyId } });
  return { bookmarked };
}

/** Signed-in readers: follows (or unfollows) another active creator. Returns the new follower count. */
export async function setFollow(viewer: Viewer | null, creatorId: string, following: boolean): Promise<{ following: boolean; followerCount: number }> {
  const me = requirePermission(viewer, "story:react");
  if (creatorId === me.id) throw new AppError("INVALID", "You can't follow yourself.");
  const creator = await db.user.findFirst({ where: { id: creatorId, status: "ACTIVE", deletedAt: null }, select: { id: true } });
  if (!creator) throw new AppError("NOT_FOUND", "We couldn't find that creator.");
  return db.$transaction(async (tx) => {
    const changed = following
      ? (await tx.follow.createMany({ data: [{ followerId: me.id, creatorId }], skipDuplicates: true })).count
      : (await tx.follow.deleteMany({ where: { followerId: me.id, creatorId } })).count;
    const user = changed
      ? await tx.user.update({ where: { id: creatorId }, data: { followerCount: { increment: following ? 1 : -1 } }, select: { followerCount: true } })
      : await tx.user.findUniqueOrThrow({ where: { id: creatorId }, select: { followerCount: true } });
    return { following, followerCount: user.followerCount };
  });
}

export type ViewerState = { hearted: boolean; bookmarked: boolean; following: boolean; heartCount: number | null; followerCount: number | null };

/** Anyone: the viewer's own relation to a story and/or creator (all false when signed out), with fresh counts. */
export async function getViewerState(viewer: Viewer | null, ids: { storyId?: string; creatorId?: string }): Promise<ViewerState> {
  const me = viewer?.status === "ACTIVE" ? viewer : null;
  const [heart, bookmark, follow, story, creator] = await Promise.all([
    me && ids.storyId ? db.heart.findUnique({ where: { userId_storyId: { userId: me.id, storyId: ids.storyId } }, select: { storyId: true } }) : null,
    me && ids.storyId ? db.bookmark.findUnique({ where: { userId_storyId: { userId: me.id, storyId: ids.storyId } }, select: { storyId: true } }) : null,
    me && ids.creatorId ? db.follow.findUnique({ where: { followerId_creatorId: { followerId: me.id, creatorId: ids.creatorId } }, select: { creatorId: true } }) : null,
    ids.storyId ? db.story.findFirst({ where: publicStory(ids.storyId), select: { heartCount: true } }) : null,
    ids.creatorId ? db.user.findUnique({ where: { id: ids.creatorId }, select: { followerCount: true } }) : null,
  ]);
  return { hearted: !!heart, bookmarked: !!bookmark, following: !!follow, heartCount: story?.heartCount ?? null, followerCount: creator?.followerCount ?? null };
}

export type StoryCounts = { heartCount: number; readCount: number; commentCount: number };

/** Public: a published story's counters. */
export async function getStoryCounts(storyId: string): Promise<StoryCounts> {
  const story = await db.story.findFirst({ where: publicStory(storyId), select: { heartCount: true, readCount: true, commentCount: true } });
  return story ?? { heartCount: 0, readCount: 0, commentCount: 0 };
}

/** The signed-in reader: their bookmarked stories, most recently saved first. */
export async function listMyBookmarks(viewer: Viewer | null, cursor?: string, limit = 20): Promise<Page<StoryCard>> {
  const me = requirePermission(viewer, "story:react");
  const cursorRow = cursor ? await db.bookmark.findUnique({ where: { userId_storyId: { userId: me.id, storyId: cursor } }, select: { createdAt: true, storyId: true } }) : null;
  const rows = await db.bookmark.findMany({
    where: { userId: me.id, story: publicWhere, ...(cursorRow ? afterKeyset(["createdAt", "storyId"], cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { storyId: "desc" }],
    take: limit + 1,
    select: { story: { select: cardSelect } },
  });
  const items = rows.slice(0, limit).map((row) => toCard(row.story));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** The signed-in reader: stories by the creators they follow, newest first. */
export async function listFollowingStories(viewer: Viewer | null, cursor?: string): Promise<Page<StoryCard>> {
  const me = requirePermission(viewer, "story:react");
  return listPublishedStories({ followedBy: me.id, cursor });
}
