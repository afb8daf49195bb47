-- Trending and a community's top creators are aggregates over every recent event or every story:
-- their cost grows with the site. They are kept here, computed in the background by the sweep
-- (lib/data/discovery.ts refreshDiscoveryRankings), so a page reads a few index rows at any size.
-- Materialized views are not in schema.prisma (Prisma does not model them), and are read with raw SQL.

-- Hearts weigh 3, comments 2, reads 1, and each decays with a two-day half-life inside a 7-day
-- window. The 200 best, public or not: pages filter for published stories by active creators.
CREATE MATERIALIZED VIEW "TrendingScore" AS
WITH events AS (
  SELECT "storyId", 3.0 AS weight, "createdAt" AS at FROM "Heart" WHERE "createdAt" > now() - interval '7 days'
  UNION ALL
  SELECT "storyId", 2.0, "createdAt" FROM "Comment" WHERE "createdAt" > now() - interval '7 days' AND status = 'VISIBLE'
  UNION ALL
  SELECT "storyId", 1.0, day + interval '12 hours' FROM "StoryRead" WHERE day > current_date - 7
)
-- In float8: numeric power() is slow (docs/performance.md).
SELECT "storyId", sum(weight::float8 * power(0.5::float8, extract(epoch FROM now() - at)::float8 / 3600 / 48)) AS score
FROM events GROUP BY "storyId" ORDER BY score DESC LIMIT 200;

CREATE UNIQUE INDEX "TrendingScore_storyId_key" ON "TrendingScore" ("storyId");
CREATE INDEX "TrendingScore_score_idx" ON "TrendingScore" (score DESC);

-- Hearts and stories per creator per community, over published stories.
CREATE MATERIALIZED VIEW "CommunityCreatorTotals" AS
SELECT "communityId", "authorId", sum("heartCount")::int AS hearts, count(*)::int AS stories
FROM "Story" WHERE status = 'PUBLISHED' GROUP BY "communityId", "authorId";

CREATE UNIQUE INDEX "CommunityCreatorTotals_communityId_authorId_key" ON "CommunityCreatorTotals" ("communityId", "authorId");
CREATE INDEX "CommunityCreatorTotals_communityId_hearts_idx" ON "CommunityCreatorTotals" ("communityId", hearts DESC, "authorId");
