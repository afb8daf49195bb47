import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { storyHref, type StoryLocation } from "@/lib/data/story-shapes";
import { transitionData, transitionWhere } from "@/lib/data/story-lifecycle";

/** What a moderator's unpublish touched: the story's public places, and its creator (whose profile counts it). */
export type UnpublishedStory = StoryLocation & { authorId: string; actionId: string };

/**
 * Inside a transaction: takes a story that has been live down (takeDown: → REMOVED, which its
 * creator can't publish again; lib/domain/story-status.ts), records STORY_UNPUBLISH and tells the
 * creator why. A story its creator took off the site meanwhile is taken down all the same, so
 * unpublishing ahead of a decision doesn't dodge it. Null when it was already taken down or never
 * live (nothing changed).
 */
export async function unpublishStoryInTx(tx: Prisma.TransactionClient, actorId: string, storyId: string, reason: string): Promise<UnpublishedStory | null> {
  const story = await tx.story.findFirst({
    where: { id: storyId, deletedAt: null },
    select: { title: true, slug: true, authorId: true, author: { select: { handle: true } }, community: { select: { slug: true } } },
  });
  if (!story) return null;
  // The status check in the update makes two moderators' clicks count once.
  const { count } = await tx.story.updateMany({ where: transitionWhere("takeDown", "moderator", storyId, { deletedAt: null }), data: transitionData("takeDown") });
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

/** Moderators and admins ("report:handle"): takes down anyone's story that has been live, with a reason the creator sees. */
export async function moderatorUnpublishStory(viewer: Viewer | null, storyId: string, reason: string): Promise<UnpublishedStory> {
  const me = requirePermission(viewer, "report:handle");
  return db.$transaction(async (tx) => {
    const story = await unpublishStoryInTx(tx, me.id, storyId, reason);
    if (!story) throw new AppError("NOT_FOUND", "That story isn't published.");
    return story;
  });
}

/**
 * Moderators and admins ("report:handle"): reverses a takedown (reinstate: REMOVED → PUBLISHED),
 * with a reason for the log and the creator. The only way back besides an appeal an admin accepts.
 */
export async function reinstateStory(viewer: Viewer | null, storyId: string, reason: string): Promise<StoryLocation & { href: string }> {
  const me = requirePermission(viewer, "report:handle");
  const why = reason.trim();
  if (!why) throw new AppError("INVALID", "Give a reason: the creator sees it.", { reason: ["Give a reason: the creator sees it"] });
  return db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: transitionWhere("reinstate", "moderator", storyId, { deletedAt: null }), data: transitionData("reinstate") });
    if (count === 0) throw new AppError("CONFLICT", "That story isn't taken down (or was deleted), so there is nothing to reinstate.");
    const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { title: true, slug: true, authorId: true, author: { select: { handle: true } }, community: { select: { slug: true } } } });
    const href = storyHref(story.community.slug, story.slug!);
    await recordAction(tx, { actorId: me.id, action: "STORY_RESTORE", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason: why });
    await notify(tx, story.authorId, { kind: "STORY_APPROVED", message: `A moderator put your story “${story.title}” back on the site: ${why}`, href, actorId: me.id });
    return { id: storyId, href, authorHandle: story.author.handle, communitySlug: story.community.slug };
  });
}
