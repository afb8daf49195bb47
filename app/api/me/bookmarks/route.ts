import { getViewer } from "@/lib/auth/session";
import { listMyBookmarks } from "@/lib/data/engagement";
import { errorResponse } from "@/lib/api/responses";

/** The next page of the signed-in reader's saved stories ("Load more" on /bookmarks). */
export async function GET(request: Request) {
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 64) || undefined;
  try {
    return Response.json(await listMyBookmarks(await getViewer(), cursor), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
