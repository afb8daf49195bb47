import "server-only";
import { queueNotificationEmails } from "@/lib/data/email-notifications";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { afterKeyset } from "@/lib/data/keyset";

export type NotificationItem = { id: string; kind: NotificationKind; message: string; href: string | null; read: boolean; createdAt: Date };

export type NewNotification = { userId: string; kind: NotificationKind; message: string; href?: string | null; actorId?: string | null };

/** Inside the transaction that caused it: tells `userId` (never the actor themself) what happened. */
export async function notify(tx: Prisma.TransactionClient, userId: string, notification: Omit<NewNotification, "userId">) {
  await notifyMany(tx, [{ userId, ...notification }]);
}

/** The same for several at once, in one insert. */
export async function notifyMany(tx: Prisma.TransactionClient, notifications: NewNotification[]) {
  const data = notifications.filter((n) => !n.actorId || n.actorId !== n.userId).map((n) => ({ userId: n.userId, kind: n.kind, message: n.message, href: n.href ?? null }));
  if (!data.length) return;
  await tx.notification.createMany({ data });
  // And by email, for those who want it (batched: several in a short time share one).
  await queueNotificationEmails(tx, data);
}

function requireSignedIn(viewer: Viewer | null): Viewer {
  // Even a suspended account reads its notifications: that is where it learns why, and appeals.
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  return viewer;
}

/** The signed-in user only: their newest notifications (keyset by createdAt, id) and how many are unread. */
export async function listMyNotifications(viewer: Viewer | null, options: { cursor?: string; limit?: number } = {}): Promise<{ items: NotificationItem[]; unread: number; nextCursor: string | null }> {
  const me = requireSignedIn(viewer);
  const limit = Math.min(options.limit ?? 20, 50);
  const cursorRow = options.cursor ? await db.notification.findFirst({ where: { id: options.cursor, userId: me.id }, select: { id: true, createdAt: true } }) : null;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: me.id, ...(cursorRow ? afterKeyset(["createdAt", "id"], cursorRow) : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, kind: true, message: true, href: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId: me.id, readAt: null } }),
  ]);
  const items = rows.slice(0, limit).map(({ readAt, ...n }) => ({ ...n, read: readAt !== null }));
  return { items, unread, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** The signed-in user only: how many unread notifications they have (the bell's badge). */
export async function countMyUnreadNotifications(viewer: Viewer | null): Promise<number> {
  const me = requireSignedIn(viewer);
  return db.notification.count({ where: { userId: me.id, readAt: null } });
}

/** The signed-in user only: marks their own notifications read (all, or the given ids). */
export async function markMyNotificationsRead(viewer: Viewer | null, ids?: string[]): Promise<void> {
  const me = requireSignedIn(viewer);
  await db.notification.updateMany({ where: { userId: me.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
}

