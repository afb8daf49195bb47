import "server-only";
import { afterKeyset } from "@/lib/data/keyset";
import { db, type Prisma } from "@/lib/db";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditLogFilter } from "@/lib/validation/moderation";
import type { ModerationActionKind, ModerationTarget } from "@/lib/generated/prisma/enums";

type Person = { id: string; name: string; handle: string };
export type AuditLogEntry = {
  id: string;
  action: ModerationActionKind;
  targetType: ModerationTarget;
  targetId: string;
  reason: string;
  details: unknown;
  createdAt: Date;
  expiresAt: Date | null;
  /** null: the system (an expiry) */
  actor: Person | null;
  subject: Person | null;
};

/** Staff (log:view): every moderation action newest first, filtered by kind, target type, actor or subject handle; keyset by id. */
export async function listAuditLog(viewer: Viewer | null, filter: AuditLogFilter, limit = 30): Promise<{ items: AuditLogEntry[]; nextCursor: string | null }> {
  requirePermission(viewer, "log:view");
  const [actor, subject] = await Promise.all([
    filter.actor ? db.user.findUnique({ where: { handle: filter.actor }, select: { id: true } }) : undefined,
    filter.subject ? db.user.findUnique({ where: { handle: filter.subject }, select: { id: true } }) : undefined,
  ]);
  // An unknown handle matches nothing rather than everything.
  if (actor === null || subject === null) return { items: [], nextCursor: null };
  const where: Prisma.ModerationActionWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.target ? { targetType: filter.target } : {}),
    ...(actor ? { actorId: actor.id } : {}),
    ...(subject ? { subjectUserId: subject.id } : {}),
  };
  const cursorRow = filter.cursor ? await db.moderationAction.findUnique({ where: { id: filter.cursor }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.moderationAction.findMany({
    where: { ...where, ...(cursorRow ? afterKeyset(["createdAt", "id"], cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true, expiresAt: true, actorId: true, subjectUserId: true },
  });
  const page = rows.slice(0, limit);
  const ids = [...new Set(page.flatMap((r) => [r.actorId, r.subjectUserId]).filter((id): id is string => Boolean(id)))];
  const people = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, handle: true } })).map((u) => [u.id, u]));
  const items = page.map(({ actorId, subjectUserId, ...r }) => ({ ...r, actor: actorId ? (people.get(actorId) ?? null) : null, subject: subjectUserId ? (people.get(subjectUserId) ?? null) : null }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
