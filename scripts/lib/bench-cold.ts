// The uncached ("cold") half of `npm run bench:scale`: the data work each page does when Next's
// cache misses, timed by calling the data layer directly, with varied arguments (different
// stories, communities, creators, tags and queries) so PostgreSQL's cache is not trivially hot.
// Runs in its own process because lib/db binds DATABASE_URL when it first loads:
//   DATABASE_URL=... node --conditions=react-server --import tsx scripts/lib/bench-cold.ts [runs]
// Prints one JSON line: { rows: [{ name, runs, p50, p99, mean }] } (milliseconds).
import pg from "pg";

/** `background`: not a page (the sweep's work), so no ratio target. */
export type ColdRow = { name: string; background?: boolean; runs: number; p50: number; p99: number; mean: number };

// Words that occur in the generated stories (they come from the demo stories' vocabulary).
const SEARCH_WORDS = ["council", "budget", "kitchen", "night", "garden", "bus", "notebook", "harbor", "library", "bridge", "morning", "water", "letter", "window", "market"];

const BACKGROUND = "(background)";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
}

async function main() {
  const runs = Number(process.argv[2] ?? 50);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench-cold: DATABASE_URL is required");
  const sampler = new pg.Client({ connectionString: url });
  await sampler.connect();
  const pick = async <T,>(sql: string) => (await sampler.query(sql)).rows as T[];
  // Samples drawn at random, once per run: the same page type with different arguments.
  const stories = await pick<{ id: string; community: string; slug: string }>(
    `select s.id, c.slug community, s.slug from "Story" s join "Community" c on c.id = s."communityId" where s.status = 'PUBLISHED' order by random() limit ${runs}`,
  );
  const communities = await pick<{ slug: string }>(`select slug from "Community" order by slug`);
  const creators = await pick<{ id: string; handle: string }>(
    `select u.id, u.handle from "User" u where exists (select 1 from "Story" s where s."authorId" = u.id and s.status = 'PUBLISHED') order by random() limit ${runs}`,
  );
  const tags = await pick<{ slug: string }>(`select t.slug from "Tag" t where exists (select 1 from "StoryTag" st where st."tagId" = t.id) order by random() limit ${runs}`);
  await sampler.end();

  const { listPublishedStories, getPublishedStory } = await import("../../lib/data/public-stories");
  const { listMyStories } = await import("../../lib/data/studio-stories");
  const { listStoryComments } = await import("../../lib/data/comments");
  const { searchStories } = await import("../../lib/data/search");
  const { listFeaturedStories, listTrendingStories, listTopCreators, refreshDiscoveryRankings } = await import("../../lib/data/discovery");
  const { listCommunities, getCommunity } = await import("../../lib/data/communities");
  const { getCreatorProfile, findViewer } = await import("../../lib/data/users");
  const { getTag } = await import("../../lib/data/tags");
  const { getStoryCounts } = await import("../../lib/data/engagement");
  const { db } = await import("../../lib/db");

  const at = <T,>(list: T[], i: number) => list[i % list.length];
  const viewers = await Promise.all(creators.slice(0, Math.min(creators.length, runs)).map((c) => findViewer(c.id)));

  // Each entry: the data a page needs when its cache entry is missing (see the page's source).
  const pages: [string, (i: number) => Promise<unknown>][] = [
    [
      "story page (getPublishedStory + counts + listStoryComments)",
      async (i) => {
        const s = at(stories, i);
        const story = await getPublishedStory(s.community, s.slug);
        if (!story) throw new Error(`story ${s.community}/${s.slug} not found`);
        await Promise.all([getStoryCounts(s.id), listStoryComments(s.id)]);
      },
    ],
    [
      "home (latest, staff picks, trending, 3 per community)",
      async () => {
        const [, , , list] = await Promise.all([listFeaturedStories(), listPublishedStories({ limit: 10 }), listTrendingStories(), listCommunities()]);
        await Promise.all(list.map((c) => listPublishedStories({ communitySlug: c.slug, limit: 3 })));
      },
    ],
    ["home, a later page (keyset cursor)", (i) => listPublishedStories({ cursor: at(stories, i).id })],
    [
      "community page (latest + most hearted + top creators)",
      async (i) => {
        const slug = at(communities, i).slug;
        await getCommunity(slug);
        await Promise.all([listPublishedStories({ communitySlug: slug }), listPublishedStories({ communitySlug: slug, sort: "top", limit: 5 }), listTopCreators(slug)]);
      },
    ],
    ["community: latest only", (i) => listPublishedStories({ communitySlug: at(communities, i).slug })],
    ["community: top creators only", (i) => listTopCreators(at(communities, i).slug)],
    [
      "profile (getCreatorProfile + their stories)",
      async (i) => {
        const handle = at(creators, i).handle;
        await Promise.all([getCreatorProfile(handle), listPublishedStories({ authorHandle: handle })]);
      },
    ],
    [
      "tag page (getTag + tagged stories)",
      async (i) => {
        const slug = at(tags, i).slug;
        await Promise.all([getTag(slug), listPublishedStories({ tagSlug: slug })]);
      },
    ],
    ["search (searchStories, two words)", (i) => searchStories({ q: `${at(SEARCH_WORDS, i)} ${at(SEARCH_WORDS, Math.floor(i / SEARCH_WORDS.length) + 3)}` })],
    ["search (searchStories, one word)", (i) => searchStories({ q: at(SEARCH_WORDS, i + 7) })],
    ["studio list (listMyStories)", (i) => listMyStories(at(viewers, i))],
  ];

  // Not a page: the sweep's once-a-minute recomputation behind trending and top creators. It
  // grows with the site by nature; reported so its cost is known, outside the ratio target.
  pages.push([`${BACKGROUND} discovery rankings refresh`, () => refreshDiscoveryRankings()]);

  const rows: ColdRow[] = [];
  for (const [name, work] of pages) {
    const runsHere = name.startsWith(BACKGROUND) ? Math.min(runs, 5) : runs;
    for (let i = 0; i < 3; i++) await work(runs + i); // warm the connection pool and plan caches
    const times: number[] = [];
    for (let i = 0; i < runsHere; i++) {
      const t0 = performance.now();
      await work(i);
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    rows.push({ name, background: name.startsWith(BACKGROUND), runs: runsHere, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean: times.reduce((a, b) => a + b, 0) / times.length });
  }
  await db.$disconnect();
  console.log(JSON.stringify({ rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
