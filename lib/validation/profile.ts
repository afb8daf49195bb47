import { z } from "@/lib/zod";
import { singleLineText, storableText } from "@/lib/validation/form";
import { BIO_MAX, HANDLE_MAX, HANDLE_MIN, PROFILE_LINKS, linkField, type ProfileLink } from "@/lib/validation/limits";

/** Handles that read like the site's own pages or staff, so nobody can pose as them. */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  "about", "account", "admin", "administrator", "api", "app", "authors", "bookmarks", "edit", "feed", "feed-xml", "following",
  "help", "home", "login", "logout", "me", "media", "moderation", "moderator", "new", "notifications", "null", "privacy", "robots", "root", "search",
  "settings", "signin", "signout", "signup", "sitemap", "sitemaps", "staff", "static", "storyhouse", "studio", "support",
  "tags", "terms", "undefined", "uploads",
]);

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(HANDLE_MIN, `Use at least ${HANDLE_MIN} characters`)
  .max(HANDLE_MAX, `Keep your handle to ${HANDLE_MAX} characters or fewer`)
  .regex(/^[a-z0-9-]+$/, "Use only lower-case letters, digits and hyphens")
  .regex(/^[a-z0-9](?:.*[a-z0-9])?$/, "Start and end with a letter or digit")
  .refine((handle) => !handle.includes("--"), "Use single hyphens between words")
  .refine((handle) => !RESERVED_HANDLES.has(handle), "That handle is reserved; please choose another");

function linkUrlSchema(link: (typeof PROFILE_LINKS)[number]) {
  const hosts: readonly string[] | undefined = "hosts" in link ? link.hosts : undefined;
  return z
    .string()
    .trim()
    .max(300, "Keep the link under 300 characters")
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" && !url.username && !url.password && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, "Enter a full https:// address")
    .refine((value) => {
      if (!hosts || !URL.canParse(value)) return true;
      const host = new URL(value).hostname.replace(/^(www|m|mobile)\./, "");
      return hosts.includes(host);
    }, `Enter a link to your ${link.label} page${hosts ? ` (${hosts[0]})` : ""}`)
    .transform((value) => new URL(value).href);
}

const linkFields = Object.fromEntries(PROFILE_LINKS.map((link) => [linkField(link.kind), z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), linkUrlSchema(link).optional())])) as Record<string, z.ZodType<string | undefined, unknown>>;

/** The profile form. `handle` and the links are optional so callers that only change name and bio can leave them out. */
export const profileInputSchema = z
  .object({
    name: z.string().overwrite(singleLineText).trim().min(1, "Tell readers your name").max(80, "Keep your name under 80 characters"),
    handle: handleSchema.optional(),
    bio: z.string().overwrite(storableText).trim().max(BIO_MAX, `Keep your bio under ${BIO_MAX} characters`).default(""),
    ...linkFields,
  })
  .transform(({ name, handle, bio, ...rest }) => {
    const fields = rest as Record<string, string | undefined>;
    const hasLinks = PROFILE_LINKS.some((link) => linkField(link.kind) in fields);
    const links: ProfileLink[] = PROFILE_LINKS.flatMap((link) => {
      const url = fields[linkField(link.kind)];
      return url ? [{ kind: link.kind, url }] : [];
    });
    return { name, handle, bio, links: hasLinks ? links : undefined };
  });
/** What the data layer takes: a missing handle or links leaves them as they are. */
export type ProfileInput = { name: string; handle?: string; bio: string; links?: ProfileLink[] };

/** Links as stored (JSON): only known kinds with https URLs survive, so a bad row can't reach a page. */
export function readProfileLinks(value: unknown): ProfileLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const kind = PROFILE_LINKS.find((link) => link.kind === item?.kind)?.kind;
    const url = typeof item?.url === "string" && item.url.startsWith("https://") ? item.url : null;
    return kind && url ? [{ kind, url }] : [];
  });
}

export const avatarMediaSchema = z.object({ mediaId: z.string().trim().min(1).max(40) });
