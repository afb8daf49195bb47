import "server-only";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";

export type CommunityOption = { slug: string; name: string };
export type CommunityPage = { id: string; slug: string; name: string; description: string; requireSubtitle: boolean; requireHero: boolean; minWords: number };

/** Public: every community, for pickers and navigation. */
export async function listCommunities(): Promise<CommunityOption[]> {
  return db.community.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** Public: one community with its rules, or null. */
export async function getCommunity(slug: string): Promise<CommunityPage | null> {
  if (!isSlug(slug)) return null;
  return db.community.findUnique({
    where: { slug: slug.toLowerCase() },
    select: { id: true, slug: true, name: true, description: true, requireSubtitle: true, requireHero: true, minWords: true },
  });
}

export type CommunityRules = CommunityOption & { requireSubtitle: boolean; requireHero: boolean; minWords: number };

/** Public: every community with its publishing rules, for the editor's picker and checks. */
export async function listCommunityRules(): Promise<CommunityRules[]> {
  return db.community.findMany({ select: { slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true }, orderBy: { name: "asc" } });
}
