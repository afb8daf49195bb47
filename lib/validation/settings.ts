import { z } from "@/lib/zod";
import { parseList } from "@/lib/content/spam";

const list = (label: string, max: number) =>
  z
    .string()
    .max(20_000, `The ${label} list is too long`)
    .transform(parseList)
    .pipe(z.array(z.string().max(100, `Each ${label.replace(/s$/, "")} must be under 100 characters`)).max(max, `Keep the ${label} list under ${max} entries`));

export const siteSettingsSchema = z.object({
  trustApprovedStories: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(1, "At least 1").max(100, "At most 100"),
  trustCleanDays: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(0, "At least 0").max(3650, "At most 3650"),
  blockedWords: list("words", 1000),
  blockedEmailDomains: z
    .string()
    .max(20_000, "The domain list is too long")
    .transform((text) => parseList(text).map((d) => d.toLowerCase().replace(/^@/, "")))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "Each entry must be a domain like spam.example")).max(1000, "Keep the domain list under 1000 entries")),
  uploadsPerHour: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(1, "At least 1").max(10_000, "At most 10000"),
  uploadsPerDay: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(1, "At least 1").max(100_000, "At most 100000"),
  reason: z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters"),
});

/** An unsubscribe link's query (lib/mail/unsubscribe.ts). */
export const unsubscribeSchema = z.object({
  u: z.string().min(1).max(64),
  k: z.enum(["reply", "comment", "review", "followed", "digest"]),
  s: z.string().regex(/^[A-Za-z0-9_-]{32}$/),
});

/** The notification email settings: a checkbox per kind, present when ticked. */
export const emailPreferencesSchema = z.object({
  reply: z.literal("on").optional(),
  comment: z.literal("on").optional(),
  review: z.literal("on").optional(),
  followed: z.literal("on").optional(),
  digest: z.literal("on").optional(),
}).transform((v) => ({ reply: !!v.reply, comment: !!v.comment, review: !!v.review, followed: !!v.followed, digest: !!v.digest }));
