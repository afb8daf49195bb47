import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, requirePermissionScope } from "@/lib/auth/guard";
import { can, type Viewer } from "@/lib/auth/permissions";
import type { CommentStatus, UserStatus } from "@/lib/generated/prisma/enums";
import { consumeRateLimit, RATE_RULES } from "@/lib/data/rate-limits";
import { isNewAccount } from "@/lib/data/trust";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { recordAction } from "@/lib/data/audit";
import { hideCommentInTx } from "@/lib/data/comment-moderation";
import { unpublishStoryInTx, type UnpublishedStory } from "@/lib/data/story-moderation";
import { storyHref } from "@/lib/data/story-shapes";
import type { ReportInput, ReportResolution } from "@/lib/validation/report";
import type { ReportReasonValue, ReportTargetTypeValue } from "@/lib/validation/limits";

export type ReportTarget = { targetType: ReportTargetTypeValue; targetId: string };

const alreadyReported = () => new AppError("CONFLICT", "You've already reported this. A moderator will look at it.");
const gone = () => new AppError("NOT_FOUND", "We couldn't find that. It may already have been taken down.");

/** The owner of a target the public can see (published story, visible comment, active user), or null. */
async function publicTargetOwner({ targetType, targetId }: ReportTarget): Promise<string | null> {
  const activeAuthor = { status: "ACTIVE" } as const;
  if (targetType === "STORY") {
    const story = await db.story.findFirst({ where: { id: targetId, status: "PUBLISHED", deletedAt: null, author: activeAuthor }, select: { authorId: true } });
    return story?.authorId ?? null;
  }
  if (targetType === "COMMENT") {
    const comment = await db.comment.findFirst({
      where: { id: targetId, status: "VISIBLE", author: activeAuthor, story: { status: "PUBLISHED", deletedAt: null, author: activeAuthor } },
      select: { authorId: true },
    });
    return comment?.authorId ?? null;
  }
  const user = await db.user.findFirst({ where: { id: targetId, status: "ACTIVE" }, select: { id: true } });
  return user?.id ?? null;
}

/**
 * Any signed-in user ("report:create"), rate limited: reports a public story, comment or account
 * that is not their own. One open report per reporter and target.
 */
export async function createReport(viewer: Viewer | null, input: ReportInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, "report:create");
  const ownerId = await publicTargetOwner(input);
  if (!ownerId) throw gone();
  if (ownerId === me.id) throw new AppError("INVALID", input.targetType === "USER" ? "You can't report yourself." : "You can't report your own content.");
  // A repeat costs no rate-limit slot; the unique index below still settles two at once.
  const open = await db.report.findFirst({ where: { reporterId: me.id, targetType: input.targetType, targetId: input.targetId, status: "OPEN" }, select: { id: true } });
  if (open) throw alreadyReported();
  await consumeRateLimit(`report:${me.id}`, RATE_RULES.report);
  if (await isNewAccount(db, me.id)) await consumeRateLimit(`report-new:${me.id}`, RATE_RULES.reportNewAccount);
  try {
    return await db.report.create({
      data: { reporterId: me.id, targetType: input.targetType, targetId: input.targetId, targetUserId: ownerId, reason: input.reason, details: input.details },
      select: { id: true },
    });
  } catch (error) {
    // The partial unique index allows one OPEN report per reporter and target.
    if (isUniqueViolation(error)) throw alreadyReported();
    throw error;
  }
}

export type ReportEntry = { id: string; reason: ReportReasonValue; details: string; createdAt: Date; reporter: { name: string; handle: string } };
type Person = { id: string; name: string; handle: string };
export type ReportedContent =
  | { kind: "COMMENT"; bodyHtml: string; status: CommentStatus; author: Person; story: { id: string; title: string; href: string | null } }
  | { kind: "STORY"; title: string; subtitle: string; status: string; href: string | null; author: Person }
  | { kind: "USER"; user: Person & { status: UserStatus } }
  /** Deleted since it was reported. */
  | { kind: "GONE" };
/** One card on /admin/reports: a target, its open reports oldest first, and what it is. */
export type ReportGroup = ReportTarget & { key: string; count: number; firstReportedAt: Date; reports: ReportEntry[]; content: ReportedContent };
export type ReportGroupPage = { groups: ReportGroup[]; nextCursor: string | null };

/** Keyset cursor for groups: the first report's time and the target, base64url. */
function encodeCursor(at: Date, targetType: string, targetId: string) {
  return Buffer.from(JSON.stringify([at.getTime(), targetType, targetId])).toString("base64url");
}
function decodeCursor(value: string | undefined): [Date, string, string] | null {
  if (!value) return null;
  try {
    const [at, type, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "number" || typeof type !== "string" || typeof id !== "string") return null;
    return [new Date(at), type, id];
  } catch {
    return null;
  }
}

const personSelect = { id: true, name: true, handle: true } as const;

/**
 * Only the reports a community moderator may handle: about stories in their communities and
 * comments on those stories (never accounts).
 */
function scopedReportsSql(communities: "all" | readonly string[]) {
  if (communities === "all") return Prisma.empty;
  const ids = Prisma.join([...communities]);
  return Prisma.sql`and (("targetType" = 'STORY' and "targetId" in (select s."id" from "Story" s where s."communityId" in (${ids})))
    or ("targetType" = 'COMMENT' and "targetId" in (select c."id" from "Comment" c join "Story" s on s."id" = c."storyId" where s."communityId" in (${ids}))))`;
}

/** The community a report's target belongs to (a story's, or a comment's story's); null for accounts and targets gone. */
async function targetCommunity(tx: Prisma.TransactionClient, { targetType, targetId }: ReportTarget): Promise<string | null> {
  if (targetType === "STORY") return (await tx.story.findUnique({ where: { id: targetId }, select: { communityId: true } }))?.communityId ?? null;
  if (targetType === "COMMENT") return (await tx.comment.findUnique({ where: { id: targetId }, select: { story: { select: { communityId: true } } } }))?.story.communityId ?? null;
  return null;
}

/**
 * Moderators and admins ("report:handle"), or a community moderator (reports about their
 * communities' stories and comments): open reports grouped by target, the longest-waiting target
 * first. Keyset-paginated.
 */
export async function listOpenReportGroups(viewer: Viewer | null, options: { cursor?: string; limit?: number } = {}): Promise<ReportGroupPage> {
  const { communities } = requirePermissionScope(viewer, "report:handle");
  const limit = Math.min(options.limit ?? 20, 50);
  const after = decodeCursor(options.cursor);
  const rows = await db.$queryRaw<{ targetType: ReportTargetTypeValue; targetId: string; first: Date; count: number }[]>`
    select "targetType"::text as "targetType", "targetId", min("createdAt") as "first", count(*)::int as "count"
    from "Report" where "status" = 'OPEN' ${scopedReportsSql(communities)}
    group by "targetType", "targetId"
    ${after ? Prisma.sql`having (min("createdAt"), "targetType"::text, "targetId") > (${after[0].toISOString()}::timestamp, ${after[1]}, ${after[2]})` : Prisma.empty}
    order by "first", "targetType", "targetId"
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const idsOf = (type: ReportTargetTypeValue) => page.filter((r) => r.targetType === type).map((r) => r.targetId);
  const [reports, comments, stories, users] = await Promise.all([
    db.report.findMany({
      where: { status: "OPEN", OR: page.map((r) => ({ targetType: r.targetType, targetId: r.targetId })) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true, reporter: { select: { name: true, handle: true } } },
    }),
    db.comment.findMany({
      where: { id: { in: idsOf("COMMENT") } },
      select: { id: true, bodyHtml: true, status: true, author: { select: personSelect }, story: { select: { id: true, title: true, slug: true, status: true, community: { select: { slug: true } } } } },
    }),
    db.story.findMany({
      where: { id: { in: idsOf("STORY") }, deletedAt: null },
      select: { id: true, title: true, subtitle: true, status: true, slug: true, community: { select: { slug: true } }, author: { select: personSelect } },
    }),
    db.user.findMany({ where: { id: { in: idsOf("USER") } }, select: { ...personSelect, status: true } }),
  ]);
  const hrefOf = (s: { status: string; slug: string | null; community: { slug: string } }) => (s.status === "PUBLISHED" && s.slug ? storyHref(s.community.slug, s.slug) : null);
  const content = new Map<string, ReportedContent>();
  for (const c of comments) content.set(`COMMENT:${c.id}`, { kind: "COMMENT", bodyHtml: c.bodyHtml, status: c.status, author: c.author, story: { id: c.story.id, title: c.story.title, href: hrefOf(c.story) } });
  for (const s of stories) content.set(`STORY:${s.id}`, { kind: "STORY", title: s.title, subtitle: s.subtitle, status: s.status, href: hrefOf(s), author: s.author });
  for (const u of users) content.set(`USER:${u.id}`, { kind: "USER", user: u });
  const groups = page.map((row): ReportGroup => {
    const key = `${row.targetType}:${row.targetId}`;
    return {
      key,
      targetType: row.targetType,
      targetId: row.targetId,
      count: row.count,
      firstReportedAt: row.first,
      reports: reports.filter((r) => r.targetType === row.targetType && r.targetId === row.targetId).map(({ targetType: _t, targetId: _i, ...r }) => r),
      content: content.get(key) ?? { kind: "GONE" },
    };
  });
  const last = page[page.length - 1];
  return { groups, nextCursor: rows.length > limit && last ? encodeCursor(last.first, last.targetType, last.targetId) : null };
}

/** What resolving touched, so the action can expire the right cache tags. */
export type ResolvedReports = { resolved: number; commentStoryIds: string[]; unpublished: UnpublishedStory[] };

/**
 * Moderators and admins ("report:handle"): resolves each target's open reports at once, in one
 * transaction: DISMISS (REPORT_DISMISS), HIDE_COMMENT (COMMENT_HIDE) or UNPUBLISH_STORY
 * (STORY_UNPUBLISH). Targets with no open report left (another moderator got there) are skipped.
 * A community moderator resolves only reports about their communities' stories and comments:
 * any other target refuses the whole batch (NOT_FOUND), so nothing is half done.
 */
export async function resolveReports(viewer: Viewer | null, input: { resolution: ReportResolution; reason: string; targets: ReportTarget[] }): Promise<ResolvedReports> {
  const { me, communities } = requirePermissionScope(viewer, "report:handle");
  const { resolution, reason } = input;
  if (resolution === "HIDE_COMMENT" && communities === "all") requirePermission(viewer, "comment:moderate");
  const wrongKind = resolution === "HIDE_COMMENT" ? "COMMENT" : resolution === "UNPUBLISH_STORY" ? "STORY" : null;
  if (wrongKind && input.targets.some((t) => t.targetType !== wrongKind)) {
    throw new AppError("INVALID", resolution === "HIDE_COMMENT" ? "Only comments can be hidden." : "Only stories can be unpublished.");
  }
  return db.$transaction(async (tx) => {
    const result: ResolvedReports = { resolved: 0, commentStoryIds: [], unpublished: [] };
    for (const target of input.targets) {
      if (communities !== "all") {
        const communityId = await targetCommunity(tx, target);
        const scope = communityId ? { communityId } : undefined;
        if (!scope || !can(me, "report:handle", scope)) throw new AppError("NOT_FOUND", "We couldn't find that report.");
        if (resolution === "HIDE_COMMENT") requirePermission(me, "comment:moderate", scope);
      }
      const open = await tx.report.findMany({ where: { ...target, status: "OPEN" }, select: { id: true } });
      if (!open.length) continue;
      let status: "DISMISSED" | "ACTIONED" = "ACTIONED";
      if (resolution === "DISMISS") {
        status = "DISMISSED";
        // A dismissal judges the reports, not the content: no subject, nothing to appeal.
        await recordAction(tx, { actorId: me.id, action: "REPORT_DISMISS", targetType: target.targetType, targetId: target.targetId, reason, details: { reportIds: open.map((r) => r.id) } });
      } else if (resolution === "HIDE_COMMENT") {
        const comment = await tx.comment.findUnique({ where: { id: target.targetId }, select: { id: true, authorId: true, storyId: true, story: { select: { title: true } } } });
        if (!comment) throw gone();
        // Already hidden or removed (by its creator, say): the reports are answered all the same.
        await hideCommentInTx(tx, me.id, comment, reason, false);
        result.commentStoryIds.push(comment.storyId);
      } else {
        const story = await unpublishStoryInTx(tx, me.id, target.targetId, reason);
        if (story) result.unpublished.push(story);
      }
      const { count } = await tx.report.updateMany({
        where: { id: { in: open.map((r) => r.id) }, status: "OPEN" },
        data: { status, resolvedById: me.id, resolvedAt: new Date(), resolution: reason },
      });
      result.resolved += count;
    }
    return result;
  });
}
