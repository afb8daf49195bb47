import { firstSweepDone, isSweepRequest, markFirstSweepDone } from "@/lib/sweep-token";
import { sweepRestrictions } from "@/lib/data/sweep";
import { publishDueStories } from "@/lib/data/stories";
import { refreshDiscoveryRankings } from "@/lib/data/discovery";
import { cacheTags, changeTags, expireTagsFromRoute } from "@/lib/cache/tags";

/**
 * Time-based work: restrictions that expired, the public pages of creators whose suspension
 * began or ended, approved stories whose scheduled time has come, and the trending and
 * top-creator rankings. Only this
 * process's own timer (instrumentation.ts) may call it; with several processes each sweeps, which
 * is safe.
 *
 * The first sweep after the process starts also expires the site-wide lists (home, communities,
 * feeds, sitemap). Those were prerendered by `next build` or cached by an earlier process, and the
 * database may have changed since without this process seeing a write: a restore, an import, rows
 * added with SQL (`npm run seed:scale`), or a test run on a copy of a build made from other data.
 */
export async function POST(request: Request) {
  if (!isSweepRequest(request)) return Response.json({ error: "Not allowed" }, { status: 403 });
  if (!firstSweepDone()) {
    expireTagsFromRoute(cacheTags.communities, cacheTags.storyLists);
    markFirstSweepDone();
  }
  const swept = await sweepRestrictions();
  const published = await publishDueStories();
  expireTagsFromRoute(...changeTags(swept.changes), ...changeTags({ stories: published }));
  // Trending and top creators: the cached sections that show them refresh within minutes.
  await refreshDiscoveryRankings();
  return Response.json({ liftedRestrictions: swept.liftedRestrictions, changedCreators: swept.changedCreators.length, publishedStories: published.length }, { headers: { "cache-control": "no-store" } });
}
