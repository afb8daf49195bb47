import "server-only";
import { db, type Prisma } from "@/lib/db";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";

export type SiteSettingsView = {
  trustApprovedStories: number;
  trustCleanDays: number;
  blockedWords: string[];
  blockedEmailDomains: string[];
  /** Images one account may upload per hour and per day (lib/data/media.ts). */
  uploadsPerHour: number;
  uploadsPerDay: number;
};

const settingsSelect = { trustApprovedStories: true, trustCleanDays: true, blockedWords: true, blockedEmailDomains: true, uploadsPerHour: true, uploadsPerDay: true } as const;

/** The schema's defaults, for a database whose settings row was never written. */
const DEFAULT_SETTINGS: SiteSettingsView = { trustApprovedStories: 3, trustCleanDays: 90, blockedWords: [], blockedEmailDomains: [], uploadsPerHour: 30, uploadsPerDay: 200 };

/** Internal (data layer): the site's settings; the defaults if the row is missing. */
export async function getSiteSettings(client: Prisma.TransactionClient | typeof db = db): Promise<SiteSettingsView> {
  const row = await client.siteSettings.findUnique({ where: { id: 1 }, select: settingsSelect });
  return row ?? DEFAULT_SETTINGS;
}

/** Admins (`settings:manage`): the settings as the form edits them. */
export async function getSettingsForEditing(viewer: Viewer | null): Promise<SiteSettingsView> {
  requirePermission(viewer, "settings:manage");
  return getSiteSettings();
}

/** Admins (`settings:manage`): saves the trust threshold, the blocklists and the upload quota, with an audit entry of what changed. */
export async function updateSiteSettings(viewer: Viewer | null, input: SiteSettingsView, reason: string): Promise<void> {
  const me = requirePermission(viewer, "settings:manage");
  await db.$transaction(async (tx) => {
    const before = await getSiteSettings(tx);
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordAction(tx, { actorId: me.id, action: "SETTINGS_CHANGE", targetType: "SETTINGS", targetId: "site", reason, details: changedFields(before, input) });
  });
}

/** Internal (data layer): the audit entry's details for a settings change, `{ field: { from, to } }` for each field that changed. */
export function changedFields<T extends object>(before: T, after: T): Prisma.InputJsonObject {
  return Object.fromEntries(
    (Object.keys(after) as (keyof T & string)[])
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => [key, { from: before[key] ?? null, to: after[key] ?? null } as Prisma.InputJsonValue]),
  );
}
