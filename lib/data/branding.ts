import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { changedFields } from "@/lib/data/settings";
import { parseMediaPath } from "@/lib/media/widths";
import { navLinkSchema, type BrandingInput, type NavLink } from "@/lib/validation/branding";

/** The site's name, words and look: the header and footer, titles, feeds, emails, JSON-LD and social images use it. */
export type SiteBranding = {
  siteName: string;
  siteDescription: string;
  /** An uploaded image's /media/… path, or null. */
  logoUrl: string | null;
  faviconUrl: string | null;
  /** #rrggbb, or null for the built-in brand colour. */
  accentColor: string | null;
  navLinks: NavLink[];
  footerText: string;
};

const brandingSelect = { siteName: true, siteDescription: true, logoUrl: true, faviconUrl: true, accentColor: true, navLinks: true, footerText: true } as const;

/** The schema's defaults, for a database whose settings row was never written. */
export const DEFAULT_BRANDING: SiteBranding = {
  siteName: "Storyhouse",
  siteDescription: "Stories from creators, in communities you care about.",
  logoUrl: null,
  faviconUrl: null,
  accentColor: null,
  navLinks: [],
  footerText: "open-source stories, self-hosted.",
};

/** Public: the site's branding (cached by lib/cache/public.ts, expired when an admin saves it). */
export async function getSiteBranding(): Promise<SiteBranding> {
  const row = await db.siteSettings.findUnique({ where: { id: 1 }, select: brandingSelect });
  if (!row) return DEFAULT_BRANDING;
  // Json column: keep only well-formed links, so a hand-edited row can't break every page.
  const links = navLinkSchema.array().safeParse(row.navLinks);
  return { ...row, navLinks: links.success ? links.data : [] };
}

/** Admins (`settings:manage`): the branding as the form edits it. */
export async function getBrandingForEditing(viewer: Viewer | null): Promise<SiteBranding> {
  requirePermission(viewer, "settings:manage");
  return getSiteBranding();
}

/** Admins (`settings:manage`): saves the site's name, words, images, colour and links, with an audit entry of what changed. */
export async function updateBranding(viewer: Viewer | null, { reason, ...input }: BrandingInput): Promise<void> {
  const me = requirePermission(viewer, "settings:manage");
  const next: SiteBranding = { ...input, logoUrl: input.logoUrl || null, faviconUrl: input.faviconUrl || null, accentColor: input.accentColor || null };
  await assertUploaded({ logoUrl: next.logoUrl, faviconUrl: next.faviconUrl });
  await db.$transaction(async (tx) => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 }, select: brandingSelect });
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...next }, update: next });
    await recordAction(tx, { actorId: me.id, action: "SETTINGS_CHANGE", targetType: "SETTINGS", targetId: "branding", reason, details: changedFields(before ?? DEFAULT_BRANDING, next) });
  });
}

/** The logo and icon must be images uploaded here (the schema checks the shape; this, that the upload exists). */
async function assertUploaded(images: Record<"logoUrl" | "faviconUrl", string | null>) {
  for (const [field, url] of Object.entries(images)) {
    if (!url) continue;
    const media = parseMediaPath(url);
    const found = media && (await db.media.findFirst({ where: { key: media.key, widths: { has: media.width } }, select: { id: true } }));
    if (!found) throw new AppError("INVALID", "That image isn't on this site any more.", { [field]: ["Upload the image again"] });
  }
}
