import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/permissions";
import { consumeAuthToken } from "@/lib/data/auth-tokens";
import { queueEmail } from "@/lib/data/email";
import { consumeRateLimit, consumeRateLimits, RATE_RULES } from "@/lib/data/rate-limits";
import { siteUrl } from "@/lib/env";

/**
 * Anyone ("Forgot password?"): emails a reset link if an account has this address. Answers the
 * same whether or not one does (the caller shows one message either way); a flood of requests for
 * one account is dropped silently for the same reason.
 */
export async function requestPasswordReset(email: string, { ip }: { ip?: string } = {}): Promise<void> {
  if (ip) await consumeRateLimit(`reset-ip:${ip}`, RATE_RULES.passwordResetPerIp);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const [limited] = await consumeRateLimits([{ key: `reset-account:${user.id}`, rule: RATE_RULES.passwordResetPerAccount }]);
  if (limited) return;
  await db.$transaction((tx) => queueEmail(tx, { key: `reset:${randomUUID()}`, userId: user.id, to: user.email, template: "password-reset", data: { name: user.name } }));
}

/**
 * Anyone holding a reset link: sets a new password, once per link, and ends every session signed
 * in before (the caller signs this browser in again). Following the link also proves the address,
 * so an unconfirmed account becomes confirmed. Returns the email, for signing in.
 */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, token, "PASSWORD_RESET");
    if (!userId) throw new AppError("INVALID", "This reset link has expired or was already used. Ask for a new one.");
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true, name: true, emailVerifiedAt: true } });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { id: true } });
    await queueEmail(tx, { key: `password-changed:${randomUUID()}`, userId, to: user.email, template: "password-changed", data: { name: user.name, resetUrl: `${siteUrl()}/forgot-password` } });
    return { email: user.email };
  });
}

/** Anyone holding a confirmation link: confirms the address it was sent to. Returns false for a used or expired link. */
export async function confirmEmailWithToken(token: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, token, "VERIFY_EMAIL");
    if (!userId) return false;
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return true;
  });
}

/** The signed-in member, unconfirmed: sends the confirmation link again (a few an hour). */
export async function resendEmailConfirmation(viewer: Viewer | null): Promise<{ email: string }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { id: true, name: true, email: true, emailVerifiedAt: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (user.emailVerifiedAt) throw new AppError("CONFLICT", "Your email address is already confirmed.");
  await consumeRateLimit(`verify-resend:${user.id}`, RATE_RULES.verificationResend);
  await db.$transaction((tx) => queueEmail(tx, { key: `verify:${user.id}:${randomUUID()}`, userId: user.id, to: user.email, template: "verify-email", data: { name: user.name } }));
  return { email: user.email };
}
