import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { consumeAuthTokenFor } from "@/lib/data/auth-tokens";
import { recordAction } from "@/lib/data/audit";
import { queueEmail } from "@/lib/data/email";
import { checkMyPassword } from "@/lib/data/users";
import { getSiteSettings } from "@/lib/data/settings";
import { consumeRateLimit, RATE_RULES } from "@/lib/data/rate-limits";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { isEmailDomainBlocked } from "@/lib/content/spam";
import { siteUrl } from "@/lib/env";
import type { ChangeEmailInput } from "@/lib/validation/auth";

// Changing the address an account signs in with and gets mail at. The change takes effect only
// when the member follows the link sent to the new address (so nobody can move an account to an
// address they do not read), and the old address is told once it has.

export type MyEmail = { email: string; pendingEmail: string | null; stopped: { at: Date; reason: string } | null };

/** The signed-in member: their address, the one waiting for confirmation, and whether mail to it stopped (bounce, complaint). */
export async function getMyEmail(viewer: Viewer | null): Promise<MyEmail> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { email: true, pendingEmail: true, emailStoppedAt: true, emailStoppedReason: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return { email: user.email, pendingEmail: user.pendingEmail, stopped: user.emailStoppedAt ? { at: user.emailStoppedAt, reason: user.emailStoppedReason ?? "" } : null };
}

/**
 * The signed-in member, with their current password: sends a confirmation link to `newEmail`.
 * Nothing changes until it is followed. An address another account uses gets no link and the
 * answer is the same (the form must not tell who has an account); asking again replaces the
 * waiting address, and the earlier link stops working.
 */
export async function requestEmailChange(viewer: Viewer | null, input: ChangeEmailInput, { ip }: { ip?: string } = {}): Promise<{ pendingEmail: string }> {
  const me = await checkMyPassword(viewer, input.currentPassword, { ip });
  if (input.newEmail === me.email) throw new AppError("INVALID", "That's already your address.", { newEmail: ["That's already your email address"] });
  const { blockedEmailDomains } = await getSiteSettings();
  if (isEmailDomainBlocked(input.newEmail, blockedEmailDomains)) {
    throw new AppError("INVALID", "We can't use that email address.", { newEmail: ["Addresses from this email domain aren't accepted. Please use another."] });
  }
  await consumeRateLimit(`email-change:${me.id}`, RATE_RULES.emailChange);
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { pendingEmail: input.newEmail }, select: { id: true } });
    if (!taken) {
      await queueEmail(tx, { key: `change-email:${me.id}:${randomUUID()}`, userId: me.id, to: input.newEmail, template: "confirm-new-email", data: { name: me.name, newEmail: input.newEmail } });
    }
  });
  return { pendingEmail: input.newEmail };
}

/** The signed-in member: forgets the address waiting for confirmation (its link stops working). */
export async function cancelEmailChange(viewer: Viewer | null): Promise<void> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  await db.user.update({ where: { id: viewer.id }, data: { pendingEmail: null }, select: { id: true } });
}

const LINK_USED = "This link has expired, was already used, or a newer change replaced it. Ask again from your account settings.";

/**
 * Anyone holding the link sent to the new address: makes it the account's address (confirmed, and
 * mail to it not stopped: a bounce was about the old one), records it in the audit log, and tells
 * the old address. Only the link of the latest request works.
 */
export async function confirmEmailChange(token: string): Promise<{ email: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const found = await consumeAuthTokenFor(tx, token, "CHANGE_EMAIL");
      if (!found?.email) throw new AppError("INVALID", LINK_USED);
      const user = await tx.user.findFirst({ where: { id: found.userId, pendingEmail: found.email, deletedAt: null }, select: { id: true, name: true, email: true } });
      if (!user) throw new AppError("INVALID", LINK_USED);
      await tx.user.update({
        where: { id: user.id },
        data: { email: found.email, pendingEmail: null, emailVerifiedAt: new Date(), emailStoppedAt: null, emailStoppedReason: null },
        select: { id: true },
      });
      await recordAction(tx, { actorId: user.id, action: "EMAIL_CHANGE", targetType: "USER", targetId: user.id, subjectUserId: user.id, reason: "Changed their email address (confirmed from the new address)", details: { from: user.email, to: found.email } });
      // The old address, not the account: the row's address is the new one by the time it is sent.
      await queueEmail(tx, { key: `email-changed:${user.id}:${randomUUID()}`, to: user.email, template: "email-changed", data: { name: user.name, newEmail: found.email, resetUrl: `${siteUrl()}/forgot-password` } });
      return { email: found.email };
    });
  } catch (error) {
    // Another account took the address since the link was sent.
    if (isUniqueViolation(error, "email")) throw new AppError("CONFLICT", "Another account uses that address now. Choose a different one from your account settings.");
    throw error;
  }
}
