import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import { mayRestrictAccount, type RestrictionKind, type Role, type Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { activeRestrictionWhere } from "@/lib/data/users";
import { storyHref } from "@/lib/data/story-shapes";
import { transitionData, transitionWhere } from "@/lib/data/story-lifecycle";
import type { Changes, CreatorPresence } from "@/lib/cache/tags";
import type { RestrictInput } from "@/lib/validation/moderation";

type Client = Prisma.TransactionClient | typeof db;

/** What a restriction or its lifting changed, for the action to expire. */
export type RestrictionResult = { restrictionId: string; actionId: string; changes: Changes };

/**
 * Every public page showing this creator: profile, their published stories, and the comment
 * threads they wrote in (a suspension hides their comments). Read before content is removed.
 */
export async function creatorPresence(client: Client, userId: string): Promise<CreatorPresence | null> {
  const [user, stories, commented] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { id: true, handle: true } }),
    client.story.findMany({ where: { authorId: userId, status: "PUBLISHED" }, select: { id: true, slug: true, community: { select: { slug: true } } } }),
    client.comment.findMany({ where: { authorId: userId, status: "VISIBLE" }, select: { storyId: true }, distinct: ["storyId"] }),
  ]);
  if (!user) return null;
  return {
    id: user.id,
    handle: user.handle,
    stories: stories.map((s) => ({ id: s.id, href: s.slug ? storyHref(s.community.slug, s.slug) : null })),
    commentedStoryIds: commented.map((c) => c.storyId),
  };
}

/** The changes a creator's presence makes: nothing if they are gone. */
export async function creatorPresenceChanges(client: Client, userId: string): Promise<Changes> {
  const presence = await creatorPresence(client, userId);
  return { creators: presence ? [presence] : [] };
}

/** Inside a transaction: User.status follows the suspensions in force for this user. */
export async function syncUserStatus(tx: Prisma.TransactionClient, userId: string) {
  const suspended = await tx.restriction.count({ where: { userId, kind: "SUSPENSION", ...activeRestrictionWhere() } });
  await tx.user.update({ where: { id: userId }, data: { status: suspended > 0 ? "SUSPENDED" : "ACTIVE" } });
}

/** Moderators restrict readers; admins restrict anyone but themselves. */
function assertMayRestrict(me: Viewer, target: { id: string; role: Role }) {
  if (target.id === me.id) throw new AppError("FORBIDDEN", "You can't restrict your own account.");
  if (!mayRestrictAccount(me, target)) throw new AppError("FORBIDDEN", "Only an admin can restrict a moderator or admin.");
}

const restrictionMessages: Record<RestrictionKind, string> = {
  WARNING: "You received a warning from the moderators.",
  COMMENT_BAN: "You can't comment for now.",
  PUBLISH_BAN: "You can't submit or publish stories for now.",
  SUSPENSION: "Your account is suspended.",
  CONTENT_REMOVAL: "Your published stories and comments were removed.",
};

/**
 * Moderators (readers only) and admins (anyone but themselves): restricts an account, with the
 * reason the user sees and an optional expiry. A content removal also takes down their published
 * stories and visible comments; a suspension ends their sessions. Change, audit entry and
 * notification commit together.
 */
export async function restrictUser(viewer: Viewer | null, userId: string, input: RestrictInput): Promise<RestrictionResult> {
  const me = requirePermission(viewer, "user:restrict");
  const reason = input.reason.trim();
  if (!reason) throw new AppError("INVALID", "Give a reason: the user sees it.", { reason: ["Give a reason: the user sees it"] });
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new AppError("INVALID", "Choose an expiry in the future.", { expiresAtCustom: ["Choose a time in the future"] });
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND", "We couldn't find that user.");
    assertMayRestrict(me, target);
    const changesPublicPages = input.kind === "SUSPENSION" || input.kind === "CONTENT_REMOVAL";
    const changes = changesPublicPages ? await creatorPresenceChanges(tx, userId) : {};
    const restriction = await tx.restriction.create({ data: { userId, kind: input.kind, reason, expiresAt, createdById: me.id }, select: { id: true } });
    let details: Prisma.InputJsonValue = { kind: input.kind };
    // A suspension also ends every session the member has (they sign in again to appeal).
    if (input.kind === "SUSPENSION") await tx.user.update({ where: { id: userId }, data: { status: "SUSPENDED", sessionVersion: { increment: 1 } } });
    if (input.kind === "CONTENT_REMOVAL") details = { kind: input.kind, ...(await removeContent(tx, userId, reason)) };
    const actionId = await recordAction(tx, {
      actorId: me.id,
      action: "RESTRICT",
      targetType: "USER",
      targetId: userId,
      subjectUserId: userId,
      reason,
      details,
      expiresAt,
      restrictionId: restriction.id,
    });
    await notify(tx, userId, { kind: "RESTRICTED", message: `${restrictionMessages[input.kind]} Reason: ${reason}`, href: `/moderation/${actionId}`, actorId: me.id });
    return { restrictionId: restriction.id, actionId, changes };
  });
}

/** Takes down a user's published stories and visible comments, keeping each story's comment count exact. */
async function removeContent(tx: Prisma.TransactionClient, userId: string, reason: string) {
  const stories = await tx.story.findMany({ where: { authorId: userId, status: "PUBLISHED" }, select: { id: true } });
  const comments = await tx.comment.findMany({ where: { authorId: userId, status: "VISIBLE" }, select: { id: true, storyId: true } });
  const removedStoryIds = stories.map((s) => s.id);
  const hiddenCommentIds = comments.map((c) => c.id);
  // takeDown, for every live story at once (lib/domain/story-status.ts).
  await tx.story.updateMany({ where: transitionWhere("takeDown", "moderator", { in: removedStoryIds }, { status: "PUBLISHED" }), data: transitionData("takeDown") });
  await tx.comment.updateMany({ where: { id: { in: hiddenCommentIds } }, data: { status: "HIDDEN", hiddenReason: reason } });
  for (const [storyId, count] of countBy(comments.map((c) => c.storyId))) {
    await tx.story.update({ where: { id: storyId }, data: { commentCount: { decrement: count } } });
  }
  return { removedStoryIds, hiddenCommentIds };
}

/** Overturning a content removal: what it took down comes back (only what is still as it left it). */
export async function restoreRemovedContent(tx: Prisma.TransactionClient, details: unknown): Promise<string[]> {
  const { removedStoryIds = [], hiddenCommentIds = [] } = (details ?? {}) as { removedStoryIds?: string[]; hiddenCommentIds?: string[] };
  await tx.story.updateMany({ where: transitionWhere("overturn", "admin", { in: removedStoryIds }, { deletedAt: null }), data: transitionData("overturn") });
  const comments = await tx.comment.findMany({ where: { id: { in: hiddenCommentIds }, status: "HIDDEN" }, select: { id: true, storyId: true } });
  await tx.comment.updateMany({ where: { id: { in: comments.map((c) => c.id) } }, data: { status: "VISIBLE", hiddenReason: null } });
  for (const [storyId, count] of countBy(comments.map((c) => c.storyId))) {
    await tx.story.update({ where: { id: storyId }, data: { commentCount: { increment: count } } });
  }
  return [...new Set([...removedStoryIds, ...comments.map((c) => c.storyId)])];
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Moderators (on readers) and admins (on anyone but themselves): ends a restriction early, with a
 * reason. A lifted suspension makes the account active again at once.
 */
export async function liftRestriction(viewer: Viewer | null, restrictionId: string, reason: string): Promise<RestrictionResult> {
  const me = requirePermission(viewer, "user:restrict");
  const why = reason.trim();
  if (!why) throw new AppError("INVALID", "Give a reason for lifting it.", { reason: ["Give a reason for lifting it"] });
  return db.$transaction(async (tx) => {
    const restriction = await tx.restriction.findUnique({ where: { id: restrictionId }, select: { id: true, userId: true, kind: true, user: { select: { id: true, role: true } } } });
    if (!restriction) throw new AppError("NOT_FOUND", "We couldn't find that restriction.");
    assertMayRestrict(me, restriction.user);
    // The liftedAt condition makes two lifts at once (or a lift racing the sweep) count once.
    const { count } = await tx.restriction.updateMany({ where: { id: restrictionId, ...activeRestrictionWhere() }, data: { liftedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "That restriction has already ended.");
    await syncUserStatus(tx, restriction.userId);
    const actionId = await recordAction(tx, { actorId: me.id, action: "RESTRICTION_LIFT", targetType: "USER", targetId: restriction.userId, subjectUserId: restriction.userId, reason: why, restrictionId, details: { kind: restriction.kind } });
    await notify(tx, restriction.userId, { kind: "RESTRICTED", message: `Your ${restrictionLabel(restriction.kind)} was lifted.`, href: `/moderation/${actionId}`, actorId: me.id });
    const changes = restriction.kind === "SUSPENSION" ? await creatorPresenceChanges(tx, restriction.userId) : {};
    return { restrictionId, actionId, changes };
  });
}

export type MyRestriction = { kind: RestrictionKind; reason: string; expiresAt: Date | null; actionId: string | null };

/** The signed-in user only (even suspended): the restrictions in force on them, each with its audit entry for /moderation. */
export async function listMyActiveRestrictions(viewer: Viewer | null): Promise<MyRestriction[]> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const rows = await db.restriction.findMany({ where: { userId: viewer.id, ...activeRestrictionWhere() }, orderBy: { createdAt: "desc" }, select: { id: true, kind: true, reason: true, expiresAt: true } });
  if (rows.length === 0) return [];
  const actions = await db.moderationAction.findMany({ where: { restrictionId: { in: rows.map((r) => r.id) }, action: "RESTRICT" }, select: { id: true, restrictionId: true } });
  const actionOf = new Map(actions.map((a) => [a.restrictionId, a.id]));
  return rows.map(({ id, ...r }) => ({ ...r, actionId: actionOf.get(id) ?? null }));
}

/** A restriction kind in words, for messages. */
export function restrictionLabel(kind: string): string {
  return { WARNING: "warning", COMMENT_BAN: "comment ban", PUBLISH_BAN: "publishing ban", SUSPENSION: "suspension", CONTENT_REMOVAL: "content removal" }[kind] ?? kind.toLowerCase();
}
