import "server-only";
import { db } from "@/lib/db";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { activeRestrictionWhere } from "@/lib/data/users";
import { deleteOldRateLimits } from "@/lib/data/rate-limits";
import { creatorPresence, restrictionLabel } from "@/lib/data/restrictions";
import type { Changes } from "@/lib/cache/tags";

export type SweepResult = {
  liftedRestrictions: number;
  /** Creators whose public presence changed (suspension began or ended). */
  changedCreators: { id: string; handle: string }[];
  /** Every public page showing them (profile, stories, comment threads), for the route to expire. */
  changes: Changes;
};

/**
 * The system (the /api/sweep route, run every minute): lifts expired restrictions with an
 * audit entry and a notification, and keeps User.status (which public queries filter on) in step
 * with the suspensions in force. Safe to run from several processes at once.
 */
export async function sweepRestrictions(now = new Date()): Promise<SweepResult> {
  const expired = await db.restriction.findMany({
    where: { liftedAt: null, expiresAt: { lte: now } },
    select: { id: true, userId: true, kind: true },
    take: 500,
  });
  let lifted = 0;
  for (const restriction of expired) {
    await db.$transaction(async (tx) => {
      // The liftedAt condition makes a second sweep running at the same time lift it only once.
      const { count } = await tx.restriction.updateMany({ where: { id: restriction.id, liftedAt: null }, data: { liftedAt: now } });
      if (count === 0) return;
      lifted++;
      const actionId = await recordAction(tx, { actorId: null, action: "RESTRICTION_LIFT", targetType: "USER", targetId: restriction.userId, subjectUserId: restriction.userId, reason: "Expired", restrictionId: restriction.id, details: { kind: restriction.kind } });
      if (restriction.kind !== "WARNING" && restriction.kind !== "CONTENT_REMOVAL") {
        await notify(tx, restriction.userId, { kind: "RESTRICTED", message: `Your ${restrictionLabel(restriction.kind)} has ended.`, href: `/moderation/${actionId}` });
      }
    });
  }
  const changedCreators = await syncSuspendedStatus(now);
  const presences = await Promise.all(changedCreators.map((c) => creatorPresence(db, c.id)));
  const changes: Changes = { creators: presences.filter((p) => p !== null) };
  await deleteOldRateLimits();
  return { liftedRestrictions: lifted, changedCreators, changes };
}

/** Sets User.status from the suspensions in force; returns the users whose status changed. */
export async function syncSuspendedStatus(now = new Date()) {
  const suspendedNow = { restrictions: { some: { kind: "SUSPENSION" as const, ...activeRestrictionWhere(now) } } };
  const [toActivate, toSuspend] = await Promise.all([
    db.user.findMany({ where: { status: "SUSPENDED", NOT: suspendedNow }, select: { id: true, handle: true } }),
    db.user.findMany({ where: { status: "ACTIVE", ...suspendedNow }, select: { id: true, handle: true } }),
  ]);
  if (toActivate.length) await db.user.updateMany({ where: { id: { in: toActivate.map((u) => u.id) } }, data: { status: "ACTIVE" } });
  if (toSuspend.length) await db.user.updateMany({ where: { id: { in: toSuspend.map((u) => u.id) } }, data: { status: "SUSPENDED" } });
  return [...toActivate, ...toSuspend];
}
