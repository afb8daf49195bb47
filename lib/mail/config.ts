import "server-only";
import path from "node:path";
import { z } from "zod";
import { siteUrl } from "@/lib/env";

// Reads only the mail settings, so sending works wherever the data layer does (tests, scripts).
const mailEnvSchema = z.object({
  // smtp:// or smtps:// (user and password in the URL); unset: every message is written to MAIL_DIR.
  SMTP_URL: z.string().url({ message: "SMTP_URL must look like smtps://user:password@smtp.example.com:465" }).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_DIR: z.string().min(1).default(".data/mail"),
});

export type MailConfig = { smtpUrl?: string; from: string; dir: string };

export function mailConfig(): MailConfig {
  const parsed = mailEnvSchema.parse({ SMTP_URL: process.env.SMTP_URL || undefined, MAIL_FROM: process.env.MAIL_FROM || undefined, MAIL_DIR: process.env.MAIL_DIR || undefined });
  const host = new URL(siteUrl()).hostname;
  return {
    smtpUrl: parsed.SMTP_URL,
    from: parsed.MAIL_FROM ?? `Storyhouse <no-reply@${host.includes(".") ? host : `${host}.localdomain`}>`,
    dir: path.resolve(process.cwd(), parsed.MAIL_DIR),
  };
}
