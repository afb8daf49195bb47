import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Transporter } from "nodemailer";
import { mailConfig } from "@/lib/mail/config";

export type OutgoingMessage = { to: string; subject: string; html: string; text: string; headers?: Record<string, string> };

let smtp: { url: string; transporter: Transporter } | undefined;

/**
 * Sends one message: over SMTP when SMTP_URL is set; otherwise it is written as an .eml file to
 * MAIL_DIR (.data/mail), named so that newest sorts last, and listed for admins at /admin/mail.
 * Throws when the server refuses it (the job is then retried).
 */
export async function deliver(message: OutgoingMessage): Promise<{ messageId: string; file?: string }> {
  const { smtpUrl, from, dir } = mailConfig();
  const mail = { from, ...message };
  // Loaded when the first email goes out, not with every module that can queue one.
  const { default: nodemailer } = await import("nodemailer");
  if (smtpUrl) {
    if (smtp?.url !== smtpUrl) smtp = { url: smtpUrl, transporter: nodemailer.createTransport(smtpUrl) };
    const info = await smtp.transporter.sendMail(mail);
    return { messageId: info.messageId };
  }
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(mail);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`);
  await writeFile(file, info.message as Buffer);
  console.log(`[mail] "${message.subject}" to ${message.to}: no SMTP_URL, written to ${path.relative(process.cwd(), file)} (admins: /admin/mail)`);
  return { messageId: info.messageId, file };
}
