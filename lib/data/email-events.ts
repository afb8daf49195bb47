import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

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
