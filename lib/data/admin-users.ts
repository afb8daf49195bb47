import "server-only";
import { afterKeyset } from "@/lib/data/keyset";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import { isStaff, type Role, type Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { isTrusted } from "@/lib/data/trust";
import type { UserListFilter } from "@/lib/validation/moderation";
import type { ModerationActionKind, RestrictionKind, UserStatus } from "@/lib/generated/prisma/enums";

export type UserRow = { id: string; name: string; handle: string; email: string; role: Role; status: UserStatus; trustOverride: boolean | null; createdAt: Date; storyCount: number };

function requireStaff(viewer: Viewer | null): Viewer {
  // Any staff member may look people up; what they may change is checked per change.
  const me = requirePermission(viewer, "user:restrict");
  if (!isStaff(me)) throw new AppError("FORBIDDEN");
  return me;
}

/** Staff (user:restrict): accounts newest first, searchable by name, handle or email; keyset by id. */
export async function listUsersForStaff(viewer: Viewer | null, filter: UserListFilter, limit = 25): Promise<{ items: UserRow[]; nextCursor: string | null }> {
  requireStaff(viewer);
  const q = filter.q?.replace(/^@/, "");
  const where: Prisma.UserWhereInput = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { handle: { contains: q.toLowerCase() } }, { email: { contains: q.toLowerCase() } }] }
      : {}),
  };
  const cursorRow = filter.cursor ? await db.user.findUnique({ where: { id: filter.cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.user.findMany({
    where: { ...where, ...(cursorRow ? afterKeyset(["createdAt", "id"], cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, name: true, handle: true, email: true, role: true, status: true, trustOverride: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  // Counted for this page's users only (on the author/status index): a _count here would aggregate every story.
  const counts = await db.story.groupBy({ by: ["authorId"], where: { authorId: { in: page.map((u) => u.id) }, status: "PUBLISHED" }, _count: { _all: true } });
  const storyCounts = new Map(counts.map((c) => [c.authorId, c._count._all]));
  const items = page.map((u) => ({ ...u, storyCount: storyCounts.get(u.id) ?? 0 }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export type RestrictionRow = { id: string; kind: RestrictionKind; reason: string; createdAt: Date; expiresAt: Date | null; liftedAt: Date | null; overturnedAt: Date | null; active: boolean; createdBy: { name: string; handle: string } | null };
export type AuditRow = { id: string; action: ModerationActionKind; reason: string; createdAt: Date; actor: { name: string; handle: string } | null };
export type StaffUserDetail = UserRow & {
  bio: string;
  avatarUrl: string | null;
  commentCount: number;
  trusted: boolean;
  restrictions: RestrictionRow[];
  audit: AuditRow[];
  /** Whether the address is confirmed, and whether mail to it was stopped by a bounce or complaint (lib/data/email-events.ts). */
  emailVerified: boolean;
  emailStopped: { at: Date; reason: string } | null;
  /** The member asked to delete their account: when it happens (lib/data/account-deletion.ts); `deletedAt`: it did. */
  deletionDueAt: Date | null;
  deletedAt: Date | null;
};

/** Staff (user:restrict): one account with its restriction history and the audit entries about it. */
export async function getUserForStaff(viewer: Viewer | null, userId: string): Promise<StaffUserDetail> {
  requireStaff(viewer);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, handle: true, email: true, role: true, status: true, trustOverride: true, createdAt: true, bio: true, avatarUrl: true,
      emailVerifiedAt: true, emailStoppedAt: true, emailStoppedReason: true, deletionDueAt: true, deletedAt: true,
      restrictions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: { id: true, kind: true, reason: true, createdAt: true, expiresAt: true, liftedAt: true, overturnedAt: true, createdById: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "We couldn't find that user.");
  // Separate counts (on the author indexes): a _count in the query above aggregates every row.
  const [audit, trusted, storyCount, commentCount] = await Promise.all([
    db.moderationAction.findMany({ where: { subjectUserId: userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: { id: true, action: true, reason: true, createdAt: true, actorId: true } }),
    isTrusted(db, userId),
    db.story.count({ where: { authorId: userId, status: "PUBLISHED" } }),
    db.comment.count({ where: { authorId: userId, status: "VISIBLE" } }),
  ]);
  const peopleIds = [...new Set([...user.restrictions.map((r) => r.createdById), ...audit.map((a) => a.actorId)].filter((id): id is string => Boolean(id)))];
  const people = new Map((await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true, handle: true } })).map((u) => [u.id, { name: u.name, handle: u.handle }]));
  const now = Date.now();
  const { restrictions, emailVerifiedAt, emailStoppedAt, emailStoppedReason, ...profile } = user;
  return {
    ...profile,
    emailVerified: emailVerifiedAt !== null,
    emailStopped: emailStoppedAt ? { at: emailStoppedAt, reason: emailStoppedReason ?? "" } : null,
    storyCount,
    commentCount,
    trusted,
    restrictions: restrictions.map(({ createdById, ...r }) => ({ ...r, active: !r.liftedAt && (!r.expiresAt || r.expiresAt.getTime() > now), createdBy: people.get(createdById) ?? null })),
    audit: audit.map(({ actorId, ...a }) => ({ ...a, actor: actorId ? (people.get(actorId) ?? null) : null })),
  };
}

/**
 * Admins (role:manage): changes someone's role, with an audit entry, and ends their sessions. The last admin cannot be
 * demoted: the admin rows are locked inside the transaction, so two demotions at once cannot both
 * see another admin left.
 */
export async function setUserRole(viewer: Viewer | null, userId: string, role: Role, reason = ""): Promise<{ id: string; role: Role }> {
  const me = requirePermission(viewer, "role:manage");
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND", "We couldn't find that user.");
    if (target.role === role) return { id: userId, role };
    if (target.role === "ADMIN" && admins.length <= 1) throw new AppError("CONFLICT", "This is the last admin. Make someone else an admin first.", { role: ["The last admin can't be demoted"] });
    // Ends their sessions too: whoever holds one signs in again under the new role.
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await recordAction(tx, { actorId: me.id, action: "ROLE_CHANGE", targetType: "USER", targetId: userId, subjectUserId: userId, reason: reason.trim() || `Role set to ${role.toLowerCase()}`, details: { from: target.role, to: role } });
    return { id: userId, role };
  });
}

/** Admins (user:trust): overrides whether a creator publishes without review (null: the automatic rule). */
export async function setUserTrust(viewer: Viewer | null, userId: string, trustOverride: boolean | null, reason = ""): Promise<{ id: string; trustOverride: boolean | null }> {
  const me = requirePermission(viewer, "user:trust");
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { trustOverride: true } });
    if (!target) throw new AppError("NOT_FOUND", "We couldn't find that user.");
    if (target.trustOverride === trustOverride) return { id: userId, trustOverride };
    await tx.user.update({ where: { id: userId }, data: { trustOverride } });
    const label = trustOverride === null ? "automatic" : trustOverride ? "trusted" : "untrusted";
    await recordAction(tx, { actorId: me.id, action: "TRUST_CHANGE", targetType: "USER", targetId: userId, subjectUserId: userId, reason: reason.trim() || `Trust set to ${label}`, details: { from: target.trustOverride, to: trustOverride } });
    return { id: userId, trustOverride };
  });
}
