import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { listDeadJobs, retryDeadJob, type DeadJob } from "@/lib/data/job-queue";
import { mailConfig } from "@/lib/mail/config";

export type MailFileSummary = { file: string; subject: string; to: string; date: Date | null };
export type MailFileDetail = MailFileSummary & { html: string | null; text: string; headers: [string, string][] };
export type MailOverview = {
  transport: "smtp" | "files";
  dir: string;
  files: MailFileSummary[];
  deadJobs: DeadJob[];
  counts: { queued: number; sent: number; skipped: number };
};

const FILE_NAME = /^[\w-]+\.eml$/;

/** Admins: how mail leaves the site, the messages written to the mail folder (newest first), and the dead-letter list. */
export async function getMailOverview(viewer: Viewer | null, { limit = 50 } = {}): Promise<MailOverview> {
  requirePermission(viewer, "settings:manage");
  const { smtpUrl, dir } = mailConfig();
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => FILE_NAME.test(n)).sort().reverse().slice(0, limit);
  const files = await Promise.all(names.map(async (file) => summary(file, await simpleParser(await readFile(path.join(dir, file))))));
  const [deadJobs, grouped] = await Promise.all([listDeadJobs(db), db.emailDelivery.groupBy({ by: ["status"], _count: { _all: true } })]);
  const count = (status: string) => grouped.find((g) => g.status === status)?._count._all ?? 0;
  return { transport: smtpUrl ? "smtp" : "files", dir, files, deadJobs, counts: { queued: count("QUEUED"), sent: count("SENT"), skipped: count("SKIPPED") } };
}

/** Admins: one message from the mail folder, parsed: both parts and every header. */
export async function getMailFile(viewer: Viewer | null, file: string): Promise<MailFileDetail> {
  requirePermission(viewer, "settings:manage");
  if (!FILE_NAME.test(file)) throw new AppError("NOT_FOUND");
  const raw = await readFile(path.join(mailConfig().dir, file)).catch(() => null);
  if (!raw) throw new AppError("NOT_FOUND");
  const mail = await simpleParser(raw);
  const headers = mail.headerLines.map(({ line }) => {
    const at = line.indexOf(":");
    return [line.slice(0, at), line.slice(at + 1).trim()] as [string, string];
  });
  return { ...summary(file, mail), html: typeof mail.html === "string" ? mail.html : null, text: mail.text ?? "", headers };
}

/** Admins: gives a job on the dead-letter list a fresh set of attempts. */
export async function retryDeadJobAsAdmin(viewer: Viewer | null, jobId: string): Promise<void> {
  requirePermission(viewer, "settings:manage");
  if (!/^\d{1,18}$/.test(jobId)) throw new AppError("NOT_FOUND");
  await retryDeadJob(db, jobId);
}

function summary(file: string, mail: Awaited<ReturnType<typeof simpleParser>>): MailFileSummary {
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
  return { file, subject: mail.subject ?? "(no subject)", to, date: mail.date ?? null };
}
