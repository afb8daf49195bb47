import "server-only";
import { db } from "@/lib/db";
import { publicWhere, storyHref } from "@/lib/data/story-shapes";

/** A public URL's path, and when what it shows last changed (when known). */
export type SitemapEntry = { path: string; lastModified?: Date };
export type SitemapCounts = { communities: number; creators: number; stories: number };

/** Creators whose profile lists something: active, with at least one published story. */
const listedCreatorWhere = { status: "ACTIVE", stories: { some: { status: "PUBLISHED" } } } as const;
const newestStory = { where: publicWhere, orderBy: { publishedAt: "desc" }, take: 1, select: { publishedAt: true } } as const;

// Every list is in a stable order (oldest first), so a chunk of the sitemap keeps its URLs as new ones arrive.

/** Public: how many communities, listed creators and published stories the sitemap has. */
export async function countSitemapEntries(): Promise<SitemapCounts> {
  const [communities, creators, stories] = await Promise.all([db.community.count(), db.user.count({ where: listedCreatorWhere }), db.story.count({ where: publicWhere })]);
  return { communities, creators, stories };
}

/** Public: community pages, dated by their newest story. */
export async function listSitemapCommunities(skip: number, take: number): Promise<SitemapEntry[]> {
  const rows = await db.community.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take, select: { slug: true, stories: newestStory } });
  return rows.map((row) => ({ path: `/${row.slug}`, lastModified: row.stories[0]?.publishedAt ?? undefined }));
}

/** Public: profiles of active creators with a published story, dated by their newest story. */
export async function listSitemapCreators(skip: number, take: number): Promise<SitemapEntry[]> {
  const rows = await db.user.findMany({ where: listedCreatorWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take, select: { handle: true, stories: newestStory } });
  return rows.map((row) => ({ path: `/authors/${row.handle}`, lastModified: row.stories[0]?.publishedAt ?? undefined }));
}

/** Public: published stories by active creators, dated by their last save. */
export async function listSitemapStories(skip: number, take: number): Promise<SitemapEntry[]> {
  const rows = await db.story.findMany({
    where: publicWhere,
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: { slug: true, updatedAt: true, community: { select: { slug: true } } },
  });
  return rows.map((row) => ({ path: storyHref(row.community.slug, row.slug ?? ""), lastModified: row.updatedAt }));
}
