import "server-only";
import { db, type Prisma } from "@/lib/db";

export type SiteSettingsView = { trustApprovedStories: number; trustCleanDays: number; blockedWords: string[]; blockedEmailDomains: string[] };

const settingsSelect = { trustApprovedStories: true, trustCleanDays: true, blockedWords: true, blockedEmailDomains: true } as const;

/** Internal (data layer): the site's settings; the defaults if the row is missing. */
export async function getSiteSettings(client: Prisma.TransactionClient | typeof db = db): Promise<SiteSettingsView> {
  const row = await client.siteSettings.findUnique({ where: { id: 1 }, select: settingsSelect });
  return row ?? { trustApprovedStories: 3, trustCleanDays: 90, blockedWords: [], blockedEmailDomains: [] };
}
