import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { EMAIL_KINDS, EMAIL_KIND_NAMES, type EmailKind } from "@/lib/domain/email-preferences";
import { isValidUnsubscribe } from "@/lib/mail/unsubscribe";

export type EmailPreferences = Record<EmailKind, boolean>;

const preferenceSelect = Object.fromEntries(EMAIL_KIND_NAMES.map((k) => [EMAIL_KINDS[k].column, true])) as Record<(typeof EMAIL_KINDS)[EmailKind]["column"], true>;

/** The signed-in member: which notification emails they get. */
export async function getMyEmailPreferences(viewer: Viewer | null): Promise<EmailPreferences & { email: string; confirmed: boolean; stopped: { at: Date; reason: string } | null }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { ...preferenceSelect, email: true, emailVerifiedAt: true, emailStoppedAt: true, emailStoppedReason: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const prefs = Object.fromEntries(EMAIL_KIND_NAMES.map((k) => [k, user[EMAIL_KINDS[k].column]])) as EmailPreferences;
  const stopped = user.emailStoppedAt ? { at: user.emailStoppedAt, reason: user.emailStoppedReason ?? "" } : null;
  return { ...prefs, email: user.email, confirmed: user.emailVerifiedAt !== null, stopped };
}

/** The signed-in member (even suspended: it only concerns their inbox): sets which notification emails they get. */
export async function updateMyEmailPreferences(viewer: Viewer | null, prefs: EmailPreferences): Promise<void> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  await db.user.update({ where: { id: viewer.id }, data: Object.fromEntries(EMAIL_KIND_NAMES.map((k) => [EMAIL_KINDS[k].column, prefs[k]])), select: { id: true } });
}

/** Anyone holding an unsubscribe link from an email (no sign-in): turns that kind of email off for its member. */
export async function unsubscribeByLink(userId: string, kind: EmailKind, signature: string): Promise<void> {
  if (!isValidUnsubscribe(userId, kind, signature)) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid.");
  await db.user.updateMany({ where: { id: userId }, data: { [EMAIL_KINDS[kind].column]: false } });
}
