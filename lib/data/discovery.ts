import "server-only";
import { db } from "@/lib/db";
import { isSlug } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { cardSelect, publicWhere, toCard, type StoryCard } from "@/lib/data/stories";

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

// Hearts weigh 3, comments 2, reads 1; each decays with a two-day half-life inside a 7-day window.
const TRENDING_HALF_LIFE_HOURS = 48;

/** Public: stories with the most recent activity (hearts, comments, reads over 7 days, decayed). */
export async function listTrendingStories(limit = 5): Promise<StoryCard[]> {
  const ranked = await db.$queryRaw<{ storyId: string }[]>`
    with events as (
      select "storyId", 3.0 as weight, "createdAt" as at from "Heart" where "createdAt" > now() - interval '7 days'
      union all
      select "storyId", 2.0, "createdAt" from "Comment" where "createdAt" > now() - interval '7 days' and status = 'VISIBLE'
      union all
      select "storyId", 1.0, day + interval '12 hours' from "StoryRead" where day > current_date - 7
    ), scores as (
      -- In float8: extract() returns numeric, and numeric power() is slow (100 ms for 18,000
      -- events at 100,000 stories, against ~3 ms in float8; docs/performance.md).
      select "storyId", sum(weight::float8 * power(0.5::float8, extract(epoch from now() - at)::float8 / 3600 / ${TRENDING_HALF_LIFE_HOURS})) as score
      from events group by "storyId"
    ), candidates as materialized (
      -- A short list first, so the public check below is a few primary-key lookups, not a scan
      -- of every story (the planner cannot estimate how few rows the grouping returns).
      select "storyId", score from scores order by score desc limit ${limit * 10}
    )
    select c."storyId" from candidates c
    join "Story" s on s.id = c."storyId" and s.status = 'PUBLISHED'
    join "User" u on u.id = s."authorId" and u.status = 'ACTIVE'
    order by c.score desc, s."publishedAt" desc
    limit ${limit}`;
  if (ranked.length === 0) return [];
  const rows = await db.story.findMany({ where: { id: { in: ranked.map((r) => r.storyId) } }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, toCard(row)]));
  return ranked.map((r) => byId.get(r.storyId)).filter((card): card is StoryCard => !!card);
}

export type TopCreator = { name: string; handle: string; avatarUrl: string | null; hearts: number; stories: number };

/** Public: a community's creators with the most hearts on their published stories there. */
export async function listTopCreators(communitySlug: string, limit = 5): Promise<TopCreator[]> {
  if (!isSlug(communitySlug)) return [];
  const ranked = await db.story.groupBy({
    by: ["authorId"],
    where: { ...publicWhere, community: { slug: communitySlug } },
    _sum: { heartCount: true },
    _count: { _all: true },
    orderBy: [{ _sum: { heartCount: "desc" } }, { authorId: "asc" }],
    take: limit,
  });
  const users = await db.user.findMany({ where: { id: { in: ranked.map((r) => r.authorId) } }, select: { id: true, name: true, handle: true, avatarUrl: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return ranked.flatMap((r) => {
    const user = byId.get(r.authorId);
    return user ? [{ name: user.name, handle: user.handle, avatarUrl: user.avatarUrl, hearts: r._sum.heartCount ?? 0, stories: r._count._all }] : [];
  });
}
