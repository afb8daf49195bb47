import { z } from "@/lib/zod";
import { imageAltSchema, imageUrlSchema, singleLineText, storableText } from "@/lib/validation/form";

/**
 * First path segments the site uses itself: a community slug is the first segment of its URL
 * (/{community}), so it can't be one of these.
 */
export const RESERVED_COMMUNITY_SLUGS: ReadonlySet<string> = new Set([
  "admin", "api", "authors", "bookmarks", "communities", "following", "media", "moderation", "notifications", "search", "settings",
  "signin", "signup", "sitemaps", "studio", "tags", "feed", "icon", "apple-icon", "manifest", "robots", "favicon", "challenges", "about", "_next",
  // The pages reached from emails and the account's own pages (proxy.ts lists them too).
  "forgot-password", "reset-password", "verify-email", "unsubscribe", "confirm-email-change", "account-deletion",
]);

const checkbox = z
  .union([z.boolean(), z.string()])
  .transform((value) => value === true || value === "on" || value === "true")
  .default(false);

/** A community as the admin form edits it. `reason` goes in the audit log. */
export const communityInputSchema = z.object({
  name: z.string().overwrite(singleLineText).trim().min(2, "Give the community a name").max(60, "Keep the name under 60 characters"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "The address needs at least 2 characters")
    .max(40, "Keep the address under 40 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like true-crime")
    .refine((slug) => !RESERVED_COMMUNITY_SLUGS.has(slug), "That address is used by the site itself; choose another"),
  description: z.string().overwrite(storableText).trim().max(500, "Keep the description under 500 characters").default(""),
  guidelines: z.string().overwrite(storableText).trim().max(5000, "Keep the guidelines under 5,000 characters").default(""),
  coverImageUrl: imageUrlSchema("Choose the cover image again"),
  coverImageAlt: imageAltSchema,
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(#[0-9a-f]{6})?$/, "Use a colour like #c2410c")
    .default(""),
  requireSubtitle: checkbox,
  requireHero: checkbox,
  allowAiAssisted: checkbox,
  minWords: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(0, "At least 0").max(20_000, "At most 20,000"),
  reason: z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters"),
}).refine((input) => !input.coverImageUrl || input.coverImageAlt, { path: ["coverImageAlt"], message: "Describe the cover image for readers who can't see it" });
export type CommunityInput = z.infer<typeof communityInputSchema>;

export const communityArchiveSchema = z.object({
  archived: checkbox,
  reason: z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters"),
});

const auditReason = z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters");

/** Adding a community moderator: the member's handle (an @ in front is fine) and why. */
export const communityModeratorAddSchema = z.object({
  handle: z
    .string()
    .trim()
    .transform((handle) => handle.replace(/^@/, "").toLowerCase())
    .pipe(z.string().min(1, "Enter the member's handle").max(60, "That's longer than any handle")),
  reason: auditReason,
});
export type CommunityModeratorAddInput = z.infer<typeof communityModeratorAddSchema>;

/** Removing a community moderator: why. */
export const communityModeratorRemoveSchema = z.object({ reason: auditReason });
