import "server-only";
import { afterKeyset } from "@/lib/data/keyset";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { ACCOUNT_SELF_SERVICE_ACTIONS, recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { creatorPresenceChanges, restoreRemovedContent, syncUserStatus } from "@/lib/data/restrictions";
import { storyHref } from "@/lib/data/story-shapes";
import { transitionData, transitionWhere } from "@/lib/data/story-lifecycle";
import type { Changes } from "@/lib/cache/tags";
import { APPEAL_MAX, APPEAL_MIN, type AnswerAppealInput } from "@/lib/validation/moderation";
import type { AppealStatus, ModerationActionKind, ModerationTarget } from "@/lib/generated/prisma/enums";

/** Decisions about someone's content or account that they may ask an admin to look at again. */
export const APPEALABLE_ACTIONS: ReadonlySet<ModerationActionKind> = new Set(["RESTRICT", "COMMENT_HIDE", "COMMENT_DELETE", "STORY_UNPUBLISH", "REVIEW_REQUEST_CHANGES"]);

/** What the action was about, as its subject may see it: a link to a live story, or an excerpt. */
export type ActionTarget = { kind: ModerationTarget; label: string; href: string | null; excerpt: string | null };
export type AppealView = { id: string; status: AppealStatus; text: string; response: string | null; createdAt: Date; answeredAt: Date | null };
/** One moderation decision as the person it was about sees it: never who took it. */
export type MyModerationAction = {
  id: string;
  action: ModerationActionKind;
  reason: string;
  createdAt: Date;
  expiresAt: Date | null;
  restriction: { kind: string; liftedAt: Date | null; overturnedAt: Date | null } | null;
  target: ActionTarget;
  appeal: AppealView | null;
  appealable: boolean;
  /** Taken by the system (an expiry), not a person. Who the person was is never shown. */
  automatic: boolean;
};

const actionSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  subjectUserId: true,
  reason: true,
  details: true,
  createdAt: true,
  expiresAt: true,
  restrictionId: true,
  actorId: true,
  appeal: { select: { id: true, status: true, text: true, response: true, createdAt: true, answeredAt: true, answeredById: true } },
} as const satisfies Prisma.ModerationActionSelect;
type ActionRow = Prisma.ModerationActionGetPayload<{ select: typeof actionSelect }>;

function excerpt(text: string, length = 160) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** The action's target, described without anything its subject could not already see. */
async function describeTarget(row: Pick<ActionRow, "targetType" | "targetId">): Promise<ActionTarget> {
  if (row.targetType === "STORY") {
    const story = await db.story.findUnique({ where: { id: row.targetId }, select: { title: true, status: true, slug: true, community: { select: { slug: true } } } });
    if (!story) return { kind: "STORY", label: "A story that has since been deleted", href: null, excerpt: null };
    const live = story.status === "PUBLISHED" && story.slug;
    return { kind: "STORY", label: story.title || "Untitled", href: live ? storyHref(story.community.slug, story.slug!) : `/studio/stories/${row.targetId}/edit`, excerpt: null };
  }
  if (row.targetType === "COMMENT") {
    const comment = await db.comment.findUnique({ where: { id: row.targetId }, select: { body: true, story: { select: { title: true, status: true, slug: true, community: { select: { slug: true } } } } } });
    if (!comment) return { kind: "COMMENT", label: "A comment that has since been deleted", href: null, excerpt: null };
    const s = comment.story;
    return { kind: "COMMENT", label: `Your comment on “${s.title}”`, href: s.status === "PUBLISHED" && s.slug ? storyHref(s.community.slug, s.slug) : null, excerpt: excerpt(comment.body) };
  }
  return { kind: row.targetType, label: "Your account", href: null, excerpt: null };
}

async function toMyAction(row: ActionRow): Promise<MyModerationAction> {
  const [target, restriction] = await Promise.all([
    describeTarget(row),
    row.restrictionId ? db.restriction.findUnique({ where: { id: row.restrictionId }, select: { kind: true, liftedAt: true, overturnedAt: true } }) : null,
  ]);
  const { answeredById: _by, ...appeal } = row.appeal ?? { answeredById: null };
  return {
    id: row.id,
    action: row.action,
    reason: row.reason,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    restriction,
    target,
    appeal: row.appeal ? (appeal as AppealView) : null,
    appealable: APPEALABLE_ACTIONS.has(row.action),
    automatic: row.actorId === null,
  };
}

function requireSignedIn(viewer: Viewer | null): Viewer {
  // A suspended account still reads what happened to it: that is where it learns why, and appeals.
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  return viewer;
}

/** The subject of the action only (even while suspended); anyone else gets NOT_FOUND. */
export async function getMyModerationAction(viewer: Viewer | null, actionId: string): Promise<MyModerationAction> {
  const me = requireSignedIn(viewer);
  const row = await db.moderationAction.findFirst({ where: { id: actionId, subjectUserId: me.id }, select: actionSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return toMyAction(row);
}

export type MyModerationEntry = { id: string; action: ModerationActionKind; reason: string; createdAt: Date; appealStatus: AppealStatus | null };

/** The signed-in user only: the audit entries about their own content and account, newest first. */
export async function listMyModerationActions(viewer: Viewer | null, options: { cursor?: string; limit?: number } = {}): Promise<{ items: MyModerationEntry[]; nextCursor: string | null }> {
  const me = requireSignedIn(viewer);
  const limit = Math.min(options.limit ?? 20, 50);
  const cursorRow = options.cursor ? await db.moderationAction.findFirst({ where: { id: options.cursor, subjectUserId: me.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.moderationAction.findMany({
    where: { subjectUserId: me.id, action: { notIn: ACCOUNT_SELF_SERVICE_ACTIONS }, ...(cursorRow ? afterKeyset(["createdAt", "id"], cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, reason: true, createdAt: true, appeal: { select: { status: true } } },
  });
  const items = rows.slice(0, limit).map(({ appeal, ...r }) => ({ ...r, appealStatus: appeal?.status ?? null }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/**
 * The subject of an appealable action only (a suspended account may): asks an admin to look at the
 * decision again. One appeal per action; a second is a CONFLICT.
 */
export async function createAppeal(viewer: Viewer | null, actionId: string, text: string): Promise<{ id: string }> {
  const me = requirePermission(viewer, "appeal:create");
  const body = text.trim();
  if (body.length < APPEAL_MIN || body.length > APPEAL_MAX) {
    throw new AppError("INVALID", `Write between ${APPEAL_MIN} and ${APPEAL_MAX} characters.`, { text: [`Write between ${APPEAL_MIN} and ${APPEAL_MAX} characters`] });
  }
  const action = await db.moderationAction.findFirst({ where: { id: actionId, subjectUserId: me.id }, select: { action: true } });
  if (!action) throw new AppError("NOT_FOUND");
  if (!APPEALABLE_ACTIONS.has(action.action)) throw new AppError("FORBIDDEN", "This decision can't be appealed.");
  try {
    return await db.appeal.create({ data: { actionId, userId: me.id, text: body }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error, "actionId")) throw new AppError("CONFLICT", "You have already appealed this decision. An admin will answer it.");
    throw error;
  }
}

export type OpenAppeal = {
  id: string;
  text: string;
  createdAt: Date;
  user: { id: string; name: string; handle: string };
  action: { id: string; action: ModerationActionKind; reason: string; createdAt: Date; expiresAt: Date | null; actor: { name: string; handle: string } | null; target: ActionTarget; restrictionKind: string | null };
};

/** Admins (appeal:decide): open appeals, oldest first, each with the decision it is about and who took it. */
export async function listOpenAppeals(viewer: Viewer | null, options: { limit?: number } = {}): Promise<OpenAppeal[]> {
  requirePermission(viewer, "appeal:decide");
  const rows = await db.appeal.findMany({
    where: { status: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(options.limit ?? 50, 100),
    select: { id: true, text: true, createdAt: true, user: { select: { id: true, name: true, handle: true } }, action: { select: actionSelect } },
  });
  const actorIds = [...new Set(rows.map((r) => r.action.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, handle: true } })).map((u) => [u.id, u]));
  return Promise.all(
    rows.map(async (r) => {
      const [target, restriction] = await Promise.all([
        describeTarget(r.action),
        r.action.restrictionId ? db.restriction.findUnique({ where: { id: r.action.restrictionId }, select: { kind: true } }) : null,
      ]);
      const actor = r.action.actorId ? actors.get(r.action.actorId) : undefined;
      if (target.kind === "USER") target.label = `${r.user.name}'s account`;
      else if (target.kind === "COMMENT") target.label = target.label.replace(/^Your comment/, `${r.user.name}'s comment`);
      return {
        id: r.id,
        text: r.text,
        createdAt: r.createdAt,
        user: r.user,
        action: { id: r.action.id, action: r.action.action, reason: r.action.reason, createdAt: r.action.createdAt, expiresAt: r.action.expiresAt, actor: actor ? { name: actor.name, handle: actor.handle } : null, target, restrictionKind: restriction?.kind ?? null },
      };
    }),
  );
}

/**
 * Admins (appeal:decide): answers an open appeal. OVERTURN undoes the decision (lifts the
 * restriction, shows the comment, republishes the story); the answer, audit entry and
 * notification commit with it. Returns what the undoing changed, for the action to expire.
 */
export async function answerAppeal(viewer: Viewer | null, appealId: string, input: AnswerAppealInput): Promise<{ actionId: string; changes: Changes }> {
  const me = requirePermission(viewer, "appeal:decide");
  const response = input.response.trim();
  if (!response) throw new AppError("INVALID", "Write an answer: the user sees it.", { response: ["Write an answer: the user sees it"] });
  const overturn = input.decision === "OVERTURN";
  return db.$transaction(async (tx) => {
    // The status condition makes two admins answering at once count once.
    const { count } = await tx.appeal.updateMany({
      where: { id: appealId, status: "OPEN" },
      data: { status: overturn ? "OVERTURNED" : "UPHELD", response, answeredById: me.id, answeredAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.appeal.findUnique({ where: { id: appealId }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", "This appeal has already been answered.") : new AppError("NOT_FOUND");
    }
    const appeal = await tx.appeal.findUniqueOrThrow({ where: { id: appealId }, select: { userId: true, action: { select: actionSelect } } });
    const changes = overturn ? await undoAction(tx, appeal.action) : {};
    await recordAction(tx, {
      actorId: me.id,
      action: overturn ? "APPEAL_OVERTURN" : "APPEAL_UPHOLD",
      targetType: "APPEAL",
      targetId: appealId,
      subjectUserId: appeal.userId,
      reason: response,
      details: { actionId: appeal.action.id, originalAction: appeal.action.action },
    });
    await notify(tx, appeal.userId, {
      kind: "APPEAL_ANSWERED",
      message: overturn ? `Your appeal was accepted and the decision reversed: ${response}` : `Your appeal was reviewed and the decision stands: ${response}`,
      href: `/moderation/${appeal.action.id}`,
      actorId: me.id,
    });
    return { actionId: appeal.action.id, changes };
  });
}

/** Reverses a decision overturned on appeal; returns what it changed in public. */
async function undoAction(tx: Prisma.TransactionClient, action: ActionRow): Promise<Changes> {
  const now = new Date();
  switch (action.action) {
    case "RESTRICT": {
      if (!action.restrictionId) return {};
      const restriction = await tx.restriction.findUnique({ where: { id: action.restrictionId }, select: { userId: true, kind: true, liftedAt: true } });
      if (!restriction) return {};
      await tx.restriction.update({ where: { id: action.restrictionId }, data: { liftedAt: restriction.liftedAt ?? now, overturnedAt: now } });
      await syncUserStatus(tx, restriction.userId);
      const storyIds = restriction.kind === "CONTENT_REMOVAL" ? await restoreRemovedContent(tx, action.details) : [];
      return { ...(await creatorPresenceChanges(tx, restriction.userId)), threads: storyIds };
    }
    case "COMMENT_HIDE":
    case "COMMENT_DELETE": {
      const { count } = await tx.comment.updateMany({ where: { id: action.targetId, status: { not: "VISIBLE" } }, data: { status: "VISIBLE", hiddenReason: null, hiddenByCreator: false } });
      const comment = await tx.comment.findUnique({ where: { id: action.targetId }, select: { storyId: true } });
      if (!comment) return {};
      if (count > 0) await tx.story.update({ where: { id: comment.storyId }, data: { commentCount: { increment: 1 } } });
      return { threads: [comment.storyId] };
    }
    case "STORY_UNPUBLISH": {
      await tx.story.updateMany({ where: transitionWhere("overturn", "admin", action.targetId, { deletedAt: null }), data: transitionData("overturn") });
      const story = await tx.story.findUnique({ where: { id: action.targetId }, select: { id: true, status: true, slug: true, community: { select: { slug: true } } } });
      if (!story) return {};
      return { stories: [{ id: story.id, href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null }] };
    }
    default:
      // Requested changes: the answer is the outcome; the creator edits and resubmits.
      return {};
  }
}
