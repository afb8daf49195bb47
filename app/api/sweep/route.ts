import { isSweepRequest } from "@/lib/sweep-token";
import { sweepRestrictions } from "@/lib/data/sweep";
import { publishDueStories } from "@/lib/data/stories";
import { refreshDiscoveryRankings } from "@/lib/data/discovery";
import { expireTagsFromRoute, storyTags } from "@/lib/cache/tags";

/**
 * Time-based work: restrictions that expired, the public pages of creators whose suspension
 * began or ended, approved stories whose scheduled time has come, and the trending and
 * top-creator rankings. Only this
 * process's own timer (instrumentation.ts) may call it; with several processes each sweeps, which
 * is safe.
 */
export async function POST(request: Request) {
  if (!isSweepRequest(request)) return Response.json({ error: "Not allowed" }, { status: 403 });
  const swept = await sweepRestrictions();
  expireTagsFromRoute(...swept.expire);
  const published = await publishDueStories();
  expireTagsFromRoute(...published.flatMap((story) => storyTags(story)));
  // Trending and top creators: the cached sections that show them refresh within minutes.
  await refreshDiscoveryRankings();
  return Response.json({ liftedRestrictions: swept.liftedRestrictions, changedCreators: swept.changedCreators.length, publishedStories: published.length }, { headers: { "cache-control": "no-store" } });
}
