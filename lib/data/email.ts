import "server-only";
import { db, type Prisma } from "@/lib/db";
import { deliver } from "@/lib/mail/transport";
import type { EmailTemplateName } from "@/lib/mail/messages";
import { siteUrl } from "@/lib/env";
import { getSiteBranding } from "@/lib/data/branding";
import { mintAuthToken } from "@/lib/data/auth-tokens";
import { notificationsForEmail } from "@/lib/data/email-notifications";
import { digestStoriesFor } from "@/lib/data/email-digest";
import { EMAIL_KINDS, isEmailKind, type EmailKind } from "@/lib/domain/email-preferences";
import { unsubscribeUrls } from "@/lib/mail/unsubscribe";
import { JOB_PRIORITY } from "@/lib/data/job-queue";

type Tx = Prisma.TransactionClient;

/** What an email needs at send time beyond what was stored when it was queued. */
type QueuedEmail = { key: string; userId: string | null; to: string; template: string; data: Prisma.JsonValue };

type NewEmail = { key: string; userId?: string; to: string; template: EmailTemplateName; data?: Record<string, string> };

/**
 * The data layer, inside the transaction of the event that causes the email: records the email
 * and queues the job that sends it. `key` names the event and the recipient ("reset:<request id>",
 * "new-story:<story id>:<user id>"): the same key twice queues one email.
 */
export async function queueEmail(tx: Tx, email: NewEmail) {
  await queueEmails(tx, [email]);
}

/** Emails many members get at once: they go after everything else that is due (JOB_PRIORITY). */
const BULK_TEMPLATES = new Set<EmailTemplateName>(["new-story", "weekly-digest"]);
/** Emails about the member's own account, which they are usually waiting for: first. */
const ACCOUNT_TEMPLATES = new Set<EmailTemplateName>(["verify-email", "password-reset", "signup-existing", "password-changed", "confirm-new-email", "email-changed", "account-deletion-scheduled", "account-deletion-cancelled", "account-deleted"]);

function emailPriority(template: EmailTemplateName): number {
  return ACCOUNT_TEMPLATES.has(template) ? JOB_PRIORITY.accountEmail : BULK_TEMPLATES.has(template) ? JOB_PRIORITY.bulkEmail : JOB_PRIORITY.normal;
}

/** The same for many at once (a story's followers): one insert and one statement adding the jobs. `runAt` delays sending (batching). */
export async function queueEmails(tx: Tx, emails: NewEmail[], { runAt }: { runAt?: Date } = {}) {
  if (!emails.length) return;
  await tx.emailDelivery.createMany({ data: emails.map((e) => ({ key: e.key, userId: e.userId, to: e.to, template: e.template, data: e.data ?? {} })), skipDuplicates: true });
  // A key already queued or sent adds no second job (its key is taken, or the job finds it SENT).
  const keys = emails.map((e) => e.key);
  const priorities = emails.map((e) => emailPriority(e.template));
  await tx.$executeRaw`select graphile_worker.add_job('send-email', json_build_object('key', e.k), run_at => ${runAt ?? null}::timestamptz, max_attempts => 8, job_key => 'email:' || e.k, job_key_mode => 'preserve_run_at', priority => e.p)
    from unnest(${keys}::text[], ${priorities}::int[]) as e(k, p)`;
}

/**
 * The system (the "send-email" job): sends the email recorded under `key`, once. A retried job
 * finds it SENT and does nothing; a failure is recorded and thrown, so the queue tries again later.
 */
export async function sendQueuedEmail(key: string): Promise<"sent" | "already-sent" | "skipped"> {
  const email = await db.emailDelivery.findUnique({ where: { key }, select: { key: true, userId: true, to: true, template: true, data: true, status: true } });
  if (!email || email.status !== "QUEUED") return "already-sent";
  if (await noLongerWanted(email)) {
    await db.emailDelivery.updateMany({ where: { key, status: "QUEUED" }, data: { status: "SKIPPED" } });
    return "skipped";
  }
  try {
    const message = await composeEmail(email);
    if (!message) {
      await db.emailDelivery.updateMany({ where: { key, status: "QUEUED" }, data: { status: "SKIPPED" } });
      return "skipped";
    }
    const { messageId } = await deliver({ to: email.to, ...message });
    // Only a QUEUED row becomes SENT: two workers can never both count it.
    await db.emailDelivery.updateMany({ where: { key, status: "QUEUED" }, data: { status: "SENT", sentAt: new Date(), messageId, attempts: { increment: 1 }, lastError: null } });
    return "sent";
  } catch (error) {
    await db.emailDelivery.update({ where: { key }, data: { attempts: { increment: 1 }, lastError: String((error as Error)?.message ?? error).slice(0, 1000) } });
    throw error;
  }
}

/** The preference an email comes under (none: account email, always sent). */
function emailKindOf(email: QueuedEmail): EmailKind | null {
  if (email.template === "new-story") return "followed";
  if (email.template === "weekly-digest") return "digest";
  if (email.template === "notification-digest") {
    const group = (email.data as Record<string, string>).group;
    return isEmailKind(group) ? group : null;
  }
  return null;
}

/**
 * Whether something since queueing made the email pointless or unwelcome: the address bounced or
 * complained (lib/data/email-events.ts), a confirmation for an address already confirmed, a kind
 * turned off.
 */
async function noLongerWanted(email: QueuedEmail): Promise<boolean> {
  if (!email.userId) return false;
  const kind = emailKindOf(email);
  const user = await db.user.findUnique({ where: { id: email.userId } });
  if (!user || user.deletedAt) return true;
  // Goes to the new address, which the stop (about the current one) does not cover; a newer request replaced it.
  if (email.template === "confirm-new-email") return user.pendingEmail !== email.to;
  if (user.emailStoppedAt) return true;
  if (email.template === "verify-email") return user.emailVerifiedAt !== null;
  return kind !== null && !user[EMAIL_KINDS[kind].column];
}

/** Templates carrying a single-use link: the token's kind and the page it opens. */
const linkRoutes = {
  "verify-email": { kind: "VERIFY_EMAIL", route: "verify-email" },
  "password-reset": { kind: "PASSWORD_RESET", route: "reset-password" },
  "confirm-new-email": { kind: "CHANGE_EMAIL", route: "confirm-email-change" },
} as const;

async function composeEmail(email: QueuedEmail) {
  // The templates and React Email's renderer load with the first email sent, not with every module
  // that queues one (most of the data layer does): ~0.5 s of start-up per process otherwise.
  const { emailTemplates, renderEmail } = await import("@/lib/mail/messages");
  const site = siteUrl();
  // The name as it is when the email goes out (a rename shows in the next email, not only in new ones).
  const { siteName } = await getSiteBranding();
  const data: Record<string, string> = { siteUrl: site, siteName, ...(email.data as Record<string, string>) };
  const template = email.template as EmailTemplateName;
  // Links that sign someone in are made now, not when queued, so no usable token is stored.
  if (template in linkRoutes) {
    const { kind, route } = linkRoutes[template as keyof typeof linkRoutes];
    const token = await mintAuthToken(email.userId!, kind, kind === "CHANGE_EMAIL" ? email.to : undefined);
    data.url = `${site}/${route}/${token}`;
  }
  const kind = emailKindOf(email);
  const headers: Record<string, string> = {};
  if (kind && email.userId) {
    // RFC 8058 one-click unsubscribe (mail clients' own button), and the footer link to a page.
    const urls = unsubscribeUrls(email.userId, kind);
    data.unsubscribeUrl = urls.page;
    data.settingsUrl = `${site}/settings/notifications`;
    data.reason = `You get these because of your email settings (${EMAIL_KINDS[kind].label.toLowerCase()}).`;
    headers["List-Unsubscribe"] = `<${urls.oneClick}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  if (template === "notification-digest") {
    const items = await notificationsForEmail(email.userId!, data.group, new Date(data.since));
    if (!items.length) return null;
    const { subject, element } = emailTemplates[template]({ ...data, items, alwaysSent: data.group === "sanction" } as never);
    return { subject, headers, ...(await renderEmail(element)) };
  }
  if (template === "weekly-digest") {
    const stories = await digestStoriesFor(email.userId!, new Date(data.since));
    if (!stories.length) return null;
    const { subject, element } = emailTemplates[template]({ ...data, stories } as never);
    return { subject, headers, ...(await renderEmail(element)) };
  }
  const { subject, element } = emailTemplates[template](data as never);
  return { subject, headers, ...(await renderEmail(element)) };
}

