import "server-only";
import { db } from "@/lib/db";
import { isId } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import type { CommunityModeratorAddInput } from "@/lib/validation/community";

/**
 * Community moderators: members who review, handle reports and hide comments in one community only
 * (what they may do is `communityScopedPermissions` in lib/auth/permissions.ts; the session reads
 * their communities on every request, so adding or removing one takes effect at once).
 */
export type CommunityModeratorRow = { userId: string; name: string; handle: string; addedAt: Date };

const notFound = () => new AppError("NOT_FOUND", "We couldn't find that community.");

/** Admins (`community:manage`): a community's moderators, longest-serving first. */
export async function listCommunityModerators(viewer: Viewer | null, communityId: string): Promise<CommunityModeratorRow[]> {
  requirePermission(viewer, "community:manage");
  if (!isId(communityId)) throw notFound();
  const rows = await db.communityModerator.findMany({
    where: { communityId },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: { createdAt: true, user: { select: { id: true, name: true, handle: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, handle: r.user.handle, addedAt: r.createdAt }));
}

/**
 * Admins (`community:manage`): makes the member with this handle a moderator of the community,
 * with an audit entry (COMMUNITY_MODERATOR_ADD) in the same transaction. Their account menu shows
 * Moderation from their next page load.
 */
export async function addCommunityModerator(viewer: Viewer | null, communityId: string, input: CommunityModeratorAddInput): Promise<CommunityModeratorRow> {
  const me = requirePermission(viewer, "community:manage");
  if (!isId(communityId)) throw notFound();
  // As the form's schema leaves it, for callers that skip it: no "@", lower case.
  const handle = input.handle.trim().replace(/^@/, "").toLowerCase();
  const already = () => new AppError("CONFLICT", `@${handle} already moderates this community.`, { handle: ["Already a moderator here"] });
  try {
    return await db.$transaction(async (tx) => {
      const community = await tx.community.findUnique({ where: { id: communityId }, select: { id: true } });
      if (!community) throw notFound();
      const user = await tx.user.findUnique({ where: { handle }, select: { id: true, name: true, handle: true } });
      if (!user) throw new AppError("INVALID", "Check the handle.", { handle: [`No member has the handle @${handle}`] });
      const existing = await tx.communityModerator.findUnique({ where: { communityId_userId: { communityId, userId: user.id } }, select: { userId: true } });
      if (existing) throw already();
      const row = await tx.communityModerator.create({ data: { communityId, userId: user.id, addedById: me.id }, select: { createdAt: true } });
      await recordAction(tx, { actorId: me.id, action: "COMMUNITY_MODERATOR_ADD", targetType: "COMMUNITY", targetId: communityId, subjectUserId: user.id, reason: input.reason, details: { userId: user.id, handle: user.handle } });
      return { userId: user.id, name: user.name, handle: user.handle, addedAt: row.createdAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw already();
    throw error;
  }
}

/** Admins (`community:manage`): takes a member's moderation of the community away, with an audit entry (COMMUNITY_MODERATOR_REMOVE). */
export async function removeCommunityModerator(viewer: Viewer | null, communityId: string, userId: string, reason: string): Promise<{ userId: string }> {
  const me = requirePermission(viewer, "community:manage");
  if (!isId(communityId) || !isId(userId)) throw notFound();
  return db.$transaction(async (tx) => {
    const { count } = await tx.communityModerator.deleteMany({ where: { communityId, userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "That member doesn't moderate this community (any more).");
    await recordAction(tx, { actorId: me.id, action: "COMMUNITY_MODERATOR_REMOVE", targetType: "COMMUNITY", targetId: communityId, subjectUserId: userId, reason });
    return { userId };
  });
}
