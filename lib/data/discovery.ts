import "server-only";
import { db, type Prisma } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { cardSelect, publicWhere, toCard, type StoryCard } from "@/lib/data/story-shapes";

export type FeaturedCard = StoryCard & { note: string };

/** Public: staff picks, most recently featured first. */
export async function listFeaturedStories(limit = 4): Promise<FeaturedCard[]> {
  const rows = await db.featuredStory.findMany({
    where: { story: publicWhere },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { note: true, story: { select: cardSelect } },
  });
  return rows.map(({ note, story }) => ({ ...toCard(story), note }));
}

/** Admins: features a published story on the home page (with an optional note), or stops featuring it. */
export async function setFeatured(viewer: Viewer | null, storyId: string, featured: boolean, note = ""): Promise<void> {
  const me = requirePermission(viewer, "story:feature");
  if (!featured) {
    await db.featuredStory.deleteMany({ where: { storyId } });
    return;
  }
  const story = await db.story.findFirst({ where: { id: storyId, ...publicWhere }, select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND", "Only published stories can be featured.");
  await db.featuredStory.upsert({ where: { storyId }, create: { storyId, note, featuredById: me.id }, update: { note, featuredById: me.id } });
}

/**
 * Public: stories with the most recent activity (hearts 3, comments 2, reads 1, over 7 days with
 * a two-day half-life), from the scores the sweep keeps (refreshDiscoveryRankings).
 */
export async function listTrendingStories(limit = 5): Promise<StoryCard[]> {
  const ranked = await db.$queryRaw<{ storyId: string }[]>`
    select t."storyId" from "TrendingScore" t
    join "Story" s on s.id = t."storyId" and s.status = 'PUBLISHED'
    join "User" u on u.id = s."authorId" and u.status = 'ACTIVE'
    order by t.score desc, s."publishedAt" desc
    limit ${limit}`;
  if (ranked.length === 0) return [];
  const rows = await db.story.findMany({ where: { id: { in: ranked.map((r) => r.storyId) } }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, toCard(row)]));
  return ranked.map((r) => byId.get(r.storyId)).filter((card): card is StoryCard => !!card);
}

export type TopCreator = { name: string; handle: string; avatarUrl: string | null; hearts: number; stories: number };

/** Public: a community's active creators with the most hearts on their published stories there (the sweep's totals). */
export async function listTopCreators(communitySlug: string, limit = 5): Promise<TopCreator[]> {
  if (!isSlug(communitySlug)) return [];
  return db.$queryRaw<TopCreator[]>`
    select u.name, u.handle, u."avatarUrl", t.hearts, t.stories from "CommunityCreatorTotals" t
    join "User" u on u.id = t."authorId" and u.status = 'ACTIVE'
    -- The community's id first (not a join), so its totals are read in order and the scan stops at the limit.
    where t."communityId" = (select id from "Community" where slug = ${communitySlug})
    order by t.hearts desc, t."authorId" asc
    limit ${limit}`;
}

/**
 * The system (the sweep, every minute): recomputes trending and the communities' creator totals
 * (migration discovery_rankings). Readers keep reading the previous figures meanwhile; when
 * several processes sweep at once, one refreshes and the others skip (false).
 */
export async function refreshDiscoveryRankings(): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('storyhouse:discovery-rankings')) as locked`;
      if (locked) await recomputeDiscoveryRankings(tx);
      return locked;
    },
    { timeout: 60_000 },
  );
}

/** The recomputation itself; the seed calls it with its own client (nothing else runs then). */
export async function recomputeDiscoveryRankings(client: Pick<Prisma.TransactionClient, "$executeRaw"> = db): Promise<void> {
  await client.$executeRaw`refresh materialized view concurrently "TrendingScore"`;
  await client.$executeRaw`refresh materialized view concurrently "CommunityCreatorTotals"`;
}
