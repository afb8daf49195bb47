import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { storyHref, type StoryLocation } from "@/lib/data/stories";

/** What a moderator's unpublish touched: the story's public places, and its creator (whose profile counts it). */
export type UnpublishedStory = StoryLocation & { authorId: string; actionId: string };

/**
 * Inside a transaction: takes a published story off the site (PUBLISHED → UNPUBLISHED), records
 * STORY_UNPUBLISH and tells the creator why. Null when it was not published (nothing changed).
 */
export async function unpublishStoryInTx(tx: Prisma.TransactionClient, actorId: string, storyId: string, reason: string): Promise<UnpublishedStory | null> {
  const story = await tx.story.findFirst({
    where: { id: storyId, status: "PUBLISHED", deletedAt: null },
    select: { title: true, slug: true, authorId: true, author: { select: { handle: true } }, community: { select: { slug: true } } },
  });
  if (!story) return null;
  // The status check in the update makes two moderators' clicks count once.
  const { count } = await tx.story.updateMany({ where: { id: storyId, status: "PUBLISHED" }, data: { status: "UNPUBLISHED" } });
  if (count === 0) return null;
  const actionId = await recordAction(tx, { actorId, action: "STORY_UNPUBLISH", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason });
  await notify(tx, story.authorId, { kind: "STORY_UNPUBLISHED", message: `A moderator unpublished your story "${story.title}". Reason: ${reason}`, href: `/moderation/${actionId}`, actorId });
  return {
    id: storyId,
    href: story.slug ? storyHref(story.community.slug, story.slug) : null,
    authorHandle: story.author.handle,
    communitySlug: story.community.slug,
    authorId: story.authorId,
    actionId,
  };
}

/** Moderators and admins ("report:handle"): unpublishes anyone's published story with a reason the creator sees. */
export async function moderatorUnpublishStory(viewer: Viewer | null, storyId: string, reason: string): Promise<UnpublishedStory> {
  const me = requirePermission(viewer, "report:handle");
  return db.$transaction(async (tx) => {
    const story = await unpublishStoryInTx(tx, me.id, storyId, reason);
    if (!story) throw new AppError("NOT_FOUND", "That story isn't published.");
    return story;
  });
}
