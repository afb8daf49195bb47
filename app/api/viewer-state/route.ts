import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { getViewerState } from "@/lib/data/engagement";
import { optionalIdSchema } from "@/lib/validation/ids";

const querySchema = z.object({ story: optionalIdSchema, creator: optionalIdSchema });

/** The reader's own heart, bookmark and follow state for a story and/or creator, with fresh counts. */
export async function GET(request: Request) {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "Bad query" }, { status: 400 });
  const state = await getViewerState(await getViewer(), { storyId: query.data.story, creatorId: query.data.creator });
  return Response.json(state, { headers: { "cache-control": "private, no-store" } });
}
