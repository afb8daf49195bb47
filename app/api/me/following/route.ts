import { getViewer } from "@/lib/auth/session";
import { listFollowingStories } from "@/lib/data/engagement";
import { errorResponse } from "@/lib/api/responses";

/** The next page of stories by creators the signed-in reader follows ("Load more" on /following). */
export async function GET(request: Request) {
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 64) || undefined;
  try {
    return Response.json(await listFollowingStories(await getViewer(), cursor), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
