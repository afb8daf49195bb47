import { isSweepRequest } from "@/lib/sweep-token";
import { sweepRestrictions } from "@/lib/data/sweep";
import { publishDueStories } from "@/lib/data/stories";
import { expireTagsFromRoute, storyTags } from "@/lib/cache/tags";

/**
 * Time-based moderation work: restrictions that expired, the public pages of creators whose
 * suspension began or ended, and approved stories whose scheduled time has come. Only this
 * process's own timer (instrumentation.ts) may call it; with several processes each sweeps, which
 * is safe.
 */
export async function POST(request: Request) {
  if (!isSweepRequest(request)) return Response.json({ error: "Not allowed" }, { status: 403 });
  const swept = await sweepRestrictions();
  expireTagsFromRoute(...swept.expire);
  const published = await publishDueStories();
  expireTagsFromRoute(...published.flatMap((story) => storyTags(story)));
  return Response.json({ liftedRestrictions: swept.liftedRestrictions, changedCreators: swept.changedCreators.length, publishedStories: published.length }, { headers: { "cache-control": "no-store" } });
}
