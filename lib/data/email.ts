import "server-only";
import { db, type Prisma } from "@/lib/db";
import { addJob } from "@/lib/jobs/queue";
import { deliver } from "@/lib/mail/transport";
import { emailTemplates, renderEmail, type EmailTemplateName } from "@/lib/mail/messages";
import { siteUrl } from "@/lib/env";
import { mintAuthToken } from "@/lib/data/auth-tokens";

type Tx = Prisma.TransactionClient;

/** What an email needs at send time beyond what was stored when it was queued. */
type QueuedEmail = { key: string; userId: string | null; to: string; template: string; data: Prisma.JsonValue };

/**
 * The data layer, inside the transaction of the event that causes the email: records the email
 * and queues the job that sends it. `key` names the event and the recipient ("reset:<request id>",
 * "reply:<comment id>:<user id>"): the same key twice queues one email.
 */
export async function queueEmail(tx: Tx, email: { key: string; userId?: string; to: string; template: EmailTemplateName; data?: Record<string, string> }) {
  const { count } = await tx.emailDelivery.createMany({ data: [{ key: email.key, userId: email.userId, to: email.to, template: email.template, data: email.data ?? {} }], skipDuplicates: true });
  if (count === 0) return;
  await addJob(tx, "send-email", { key: email.key }, { jobKey: `email:${email.key}`, maxAttempts: 8 });
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
    const { messageId } = await deliver({ to: email.to, ...message });
    // Only a QUEUED row becomes SENT: two workers can never both count it.
    await db.emailDelivery.updateMany({ where: { key, status: "QUEUED" }, data: { status: "SENT", sentAt: new Date(), messageId, attempts: { increment: 1 }, lastError: null } });
    return "sent";
  } catch (error) {
    await db.emailDelivery.update({ where: { key }, data: { attempts: { increment: 1 }, lastError: String((error as Error)?.message ?? error).slice(0, 1000) } });
    throw error;
  }
}

/** Whether something since queueing made the email pointless: a confirmation for an address already confirmed. */
async function noLongerWanted(email: QueuedEmail): Promise<boolean> {
  if (email.template !== "verify-email" || !email.userId) return false;
  const user = await db.user.findUnique({ where: { id: email.userId }, select: { emailVerifiedAt: true } });
  return !user || user.emailVerifiedAt !== null;
}

async function composeEmail(email: QueuedEmail) {
  const site = siteUrl();
  const data: Record<string, string> = { siteUrl: site, ...(email.data as Record<string, string>) };
  const template = email.template as EmailTemplateName;
  // Links that sign someone in are made now, not when queued, so no usable token is stored.
  if (template === "verify-email" || template === "password-reset") {
    const token = await mintAuthToken(email.userId!, template === "verify-email" ? "VERIFY_EMAIL" : "PASSWORD_RESET");
    data.url = `${site}/${template === "verify-email" ? "verify-email" : "reset-password"}/${token}`;
  }
  const { subject, element } = emailTemplates[template](data as never);
  return { subject, ...(await renderEmail(element)) };
}

