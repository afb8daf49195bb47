import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { publicWhere, storyHref, type StoryLocation } from "@/lib/data/story-shapes";

type Tx = Prisma.TransactionClient;

/** What a comment moderation touched: the story whose thread (and page) must be expired. */
export type ModeratedComment = { storyId: string; actionId: string };

const notFound = () => new AppError("NOT_FOUND", "We couldn't find that comment.");

const commentContext = {
  id: true,
  status: true,
  authorId: true,
  hiddenByCreator: true,
  storyId: true,
  story: { select: { title: true, authorId: true, communityId: true } },
} as const satisfies Prisma.CommentSelect;

/**
 * Who may hide or restore a comment: moderators on any comment, a community moderator on comments
 * on their communities' stories; otherwise the story's creator (needs "story:write", so a
 * suspension stops them) on comments on their own story.
 */
async function moderatorOrCreator(tx: Tx, viewer: Viewer | null, commentId: string) {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: commentContext });
  if (!comment) throw notFound();
  const scope = { communityId: comment.story.communityId };
  const asModerator = can(viewer, "comment:moderate", scope);
  const me = requirePermission(viewer, asModerator ? "comment:moderate" : "story:write", scope);
  if (!asModerator && comment.story.authorId !== me.id) throw new AppError("FORBIDDEN", "Only the story's creator or a moderator can do that.");
  return { me, comment, asModerator };
}

/**
 * Inside a transaction: hides a visible comment (the status check makes a double hide count once),
 * takes it out of the story's count, records the audit entry and tells its author why.
 */
export async function hideCommentInTx(tx: Tx, actorId: string, comment: { id: string; authorId: string; storyId: string; story: { title: string } }, reason: string, byCreator: boolean): Promise<string | null> {
  const { count } = await tx.comment.updateMany({ where: { id: comment.id, status: "VISIBLE" }, data: { status: "HIDDEN", hiddenReason: reason, hiddenByCreator: byCreator } });
  if (count === 0) return null;
  await tx.story.update({ where: { id: comment.storyId }, data: { commentCount: { decrement: 1 } } });
  const actionId = await recordAction(tx, {
    actorId,
    action: "COMMENT_HIDE",
    targetType: "COMMENT",
    targetId: comment.id,
    subjectUserId: comment.authorId,
    reason,
    details: { storyId: comment.storyId, byCreator },
  });
  const who = byCreator ? "the story's creator" : "a moderator";
  await notify(tx, comment.authorId, { kind: "COMMENT_HIDDEN", message: `Your comment on "${comment.story.title}" was hidden by ${who}. Reason: ${reason}`, href: `/moderation/${actionId}`, actorId });
  return actionId;
}

/** Moderators on any comment (community moderators in their communities); the story's creator on comments on their own story. Hides it with a reason its author sees. */
export async function hideComment(viewer: Viewer | null, commentId: string, reason: string): Promise<ModeratedComment> {
  return db.$transaction(async (tx) => {
    const { me, comment, asModerator } = await moderatorOrCreator(tx, viewer, commentId);
    if (comment.status !== "VISIBLE") throw new AppError("CONFLICT", "That comment is already hidden or removed.");
    const actionId = await hideCommentInTx(tx, me.id, comment, reason, !asModerator);
    if (!actionId) throw new AppError("CONFLICT", "That comment is already hidden or removed.");
    return { storyId: comment.storyId, actionId };
  });
}

/** Moderators on any hidden comment (community moderators in their communities); the story's creator only on comments they hid themselves. Puts it back in the thread and the count. */
export async function restoreComment(viewer: Viewer | null, commentId: string, reason = "Restored"): Promise<ModeratedComment> {
  return db.$transaction(async (tx) => {
    const { me, comment, asModerator } = await moderatorOrCreator(tx, viewer, commentId);
    if (comment.status !== "HIDDEN") throw new AppError("CONFLICT", "That comment isn't hidden.");
    if (!asModerator && !comment.hiddenByCreator) throw new AppError("FORBIDDEN", "A moderator hid this comment, so only a moderator can restore it.");
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, status: "HIDDEN", ...(asModerator ? {} : { hiddenByCreator: true }) },
      data: { status: "VISIBLE", hiddenReason: null, hiddenByCreator: false },
    });
    if (count === 0) throw new AppError("CONFLICT", "That comment isn't hidden.");
    await tx.story.update({ where: { id: comment.storyId }, data: { commentCount: { increment: 1 } } });
    const actionId = await recordAction(tx, { actorId: me.id, action: "COMMENT_RESTORE", targetType: "COMMENT", targetId: commentId, subjectUserId: comment.authorId, reason, details: { storyId: comment.storyId } });
    await notify(tx, comment.authorId, { kind: "COMMENT_HIDDEN", message: `Your comment on "${comment.story.title}" is visible again.`, href: `/moderation/${actionId}`, actorId: me.id });
    return { storyId: comment.storyId, actionId };
  });
}

/** Moderators only (site-wide; not community moderators): removes a visible or hidden comment for good (status DELETED; a placeholder stays while it has replies). */
export async function removeComment(viewer: Viewer | null, commentId: string, reason: string): Promise<ModeratedComment> {
  const me = requirePermission(viewer, "comment:moderate");
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: commentContext });
    if (!comment) throw notFound();
    if (comment.status === "DELETED") throw new AppError("CONFLICT", "That comment has already been removed.");
    // Conditional on the status read above: a concurrent change makes this count nothing, and it fails.
    const { count } = await tx.comment.updateMany({ where: { id: commentId, status: comment.status }, data: { status: "DELETED", hiddenReason: reason } });
    if (count === 0) throw new AppError("CONFLICT", "That comment changed while you were looking. Please reload.");
    if (comment.status === "VISIBLE") await tx.story.update({ where: { id: comment.storyId }, data: { commentCount: { decrement: 1 } } });
    const actionId = await recordAction(tx, { actorId: me.id, action: "COMMENT_DELETE", targetType: "COMMENT", targetId: commentId, subjectUserId: comment.authorId, reason, details: { storyId: comment.storyId } });
    await notify(tx, comment.authorId, { kind: "COMMENT_HIDDEN", message: `Your comment on "${comment.story.title}" was removed by a moderator. Reason: ${reason}`, href: `/moderation/${actionId}`, actorId: me.id });
    return { storyId: comment.storyId, actionId };
  });
}

/** Moderators only (site-wide; not community moderators): locks (or unlocks) a story's thread. Comments stay visible; nobody can add or edit any. */
export async function setThreadLocked(viewer: Viewer | null, storyId: string, locked: boolean, reason: string): Promise<StoryLocation> {
  const me = requirePermission(viewer, "comment:moderate");
  return db.$transaction(async (tx) => {
    const story = await tx.story.findFirst({ where: { id: storyId, deletedAt: null }, select: { authorId: true, slug: true, status: true, author: { select: { handle: true } }, community: { select: { slug: true } } } });
    if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
    const { count } = await tx.story.updateMany({ where: { id: storyId, commentsLocked: !locked }, data: { commentsLocked: locked } });
    if (count === 0) throw new AppError("CONFLICT", locked ? "This conversation is already locked." : "This conversation isn't locked.");
    await recordAction(tx, { actorId: me.id, action: locked ? "THREAD_LOCK" : "THREAD_UNLOCK", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason });
    return { id: storyId, href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null, authorHandle: story.author.handle, communitySlug: story.community.slug };
  });
}

/** The story's creator only ("story:write"): turns comments on their own story on or off. Others' stories are NOT_FOUND. */
export async function setCommentsEnabled(viewer: Viewer | null, storyId: string, enabled: boolean): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: { id: storyId, authorId: me.id, deletedAt: null, status: { not: "REMOVED" } }, select: { slug: true, status: true, community: { select: { slug: true } } } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  await db.story.update({ where: { id: storyId, authorId: me.id }, data: { commentsEnabled: enabled } });
  return { id: storyId, href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null, authorHandle: me.handle, communitySlug: story.community.slug };
}

/** One of the viewer's own hidden comments, with the moderator's (or creator's) reason. */
export type MyModeratedComment = { id: string; bodyHtml: string; hiddenBy: "MODERATOR" | "CREATOR"; reason: string; actionId: string | null };
/** The per-viewer part of a story's comment section. */
export type MyCommentsState = {
  isCreator: boolean;
  /** May hide and restore any comment here: staff, or a moderator of the story's community. */
  mayModerate: boolean;
  commentsEnabled: boolean;
  commentsLocked: boolean;
  hidden: MyModeratedComment[];
};

/**
 * The signed-in viewer only: their own comments on the story that were hidden (text, reason and the
 * audit entry to appeal), whether they are its creator, and its comment switches (fresh, not cached).
 * Public stories only: any other story (a draft, someone's unpublished or removed one) is NOT_FOUND,
 * exactly like an id that doesn't exist, so the answer never tells that a draft is there.
 */
export async function getMyCommentsState(viewer: Viewer | null, storyId: string): Promise<MyCommentsState> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const [story, comments] = await Promise.all([
    db.story.findFirst({ where: { id: storyId, deletedAt: null, ...publicWhere }, select: { authorId: true, communityId: true, commentsEnabled: true, commentsLocked: true } }),
    db.comment.findMany({ where: { storyId, authorId: viewer.id, status: "HIDDEN" }, orderBy: { createdAt: "asc" }, select: { id: true, bodyHtml: true, hiddenReason: true, hiddenByCreator: true } }),
  ]);
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  const actions = comments.length
    ? await db.moderationAction.findMany({ where: { targetType: "COMMENT", action: "COMMENT_HIDE", targetId: { in: comments.map((c) => c.id) } }, orderBy: { createdAt: "asc" }, select: { id: true, targetId: true } })
    : [];
  // The newest hide of each comment (later ones overwrite earlier).
  const actionOf = new Map(actions.map((a) => [a.targetId, a.id]));
  return {
    isCreator: story.authorId === viewer.id,
    mayModerate: can(viewer, "comment:moderate", { communityId: story.communityId }),
    commentsEnabled: story.commentsEnabled,
    commentsLocked: story.commentsLocked,
    hidden: comments.map((c) => ({ id: c.id, bodyHtml: c.bodyHtml, hiddenBy: c.hiddenByCreator ? "CREATOR" : "MODERATOR", reason: c.hiddenReason ?? "", actionId: actionOf.get(c.id) ?? null })),
  };
}
