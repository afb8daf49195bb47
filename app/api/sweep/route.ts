import { isSweepRequest } from "@/lib/sweep-token";
import { sweepRestrictions } from "@/lib/data/sweep";
import { creatorTags, expireTagsFromRoute } from "@/lib/cache/tags";

/**
 * Time-based moderation work: restrictions that expired, and the public pages of creators whose
 * suspension began or ended. Only this process's own timer (instrumentation.ts) may call it; with
 * several processes each sweeps, which is safe.
 */
export async function POST(request: Request) {
  if (!isSweepRequest(request)) return Response.json({ error: "Not allowed" }, { status: 403 });
  const swept = await sweepRestrictions();
  expireTagsFromRoute(...swept.changedCreators.flatMap((c) => creatorTags(c)));
  return Response.json({ liftedRestrictions: swept.liftedRestrictions, changedCreators: swept.changedCreators.length }, { headers: { "cache-control": "no-store" } });
}
