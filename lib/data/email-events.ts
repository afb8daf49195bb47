import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";

export const emailEventSchema = z.object({
  type: z.enum(["bounce", "complaint"]),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  reason: z.string().max(500).optional(),
});

/** The webhook's shared secret; unset: the webhook is off. */
export function emailWebhookSecret(): string | undefined {
  return process.env.EMAIL_WEBHOOK_SECRET || undefined;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as the provider (or a relay in front of it) sends in `x-storyhouse-signature`. */
export function signEmailEvent(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function isSignedEmailEvent(body: string, signature: string | null, secret: string): boolean {
  const expected = Buffer.from(signEmailEvent(body, secret));
  const given = Buffer.from(signature ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The mail provider (a signed webhook, app/api/email-events): an address bounced or its owner
 * marked mail as spam. No more email goes to that account; its admin page says why. Unknown
 * addresses are NOT_FOUND.
 */
export async function recordEmailEvent(event: z.infer<typeof emailEventSchema>): Promise<void> {
  const reason = `${event.type === "bounce" ? "Bounced" : "Marked as spam"}${event.reason ? `: ${event.reason}` : ""}`;
  const { count } = await db.user.updateMany({ where: { email: event.email }, data: { emailStoppedAt: new Date(), emailStoppedReason: reason } });
  if (count === 0) throw new AppError("NOT_FOUND");
}

/**
 * Admins (email:manage), from the member's admin page: mail goes to the account's address again
 * (the member fixed their mailbox, or the complaint was a mistake). Recorded in the audit log.
 * Unknown accounts are NOT_FOUND; an address that is not stopped is a CONFLICT.
 */
export async function clearEmailStop(viewer: Viewer | null, userId: string, reason: string): Promise<void> {
  const me = requirePermission(viewer, "email:manage");
  await clearStop(me.id, userId, reason);
}

/**
 * The signed-in member, from /settings/notifications: they fixed their address (or did not mean to
 * mark mail as spam), so mail goes to it again. A new bounce or complaint stops it again.
 */
export async function clearMyEmailStop(viewer: Viewer | null): Promise<void> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  await clearStop(viewer.id, viewer.id, "The member says their address works again");
}

async function clearStop(actorId: string, userId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { emailStoppedAt: true, emailStoppedReason: true } });
    if (!user) throw new AppError("NOT_FOUND", "We couldn't find that account.");
    const { count } = await tx.user.updateMany({ where: { id: userId, emailStoppedAt: { not: null } }, data: { emailStoppedAt: null, emailStoppedReason: null } });
    if (count === 0) throw new AppError("CONFLICT", "Email to this address isn't stopped.");
    await recordAction(tx, { actorId, action: "EMAIL_STOP_CLEAR", targetType: "USER", targetId: userId, subjectUserId: userId, reason, details: { stoppedAt: user.emailStoppedAt?.toISOString() ?? null, stoppedReason: user.emailStoppedReason } });
  });
}
