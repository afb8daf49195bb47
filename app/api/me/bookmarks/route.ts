import { listMyBookmarks } from "@/lib/data/engagement";
import { viewerListRoute } from "@/lib/api/responses";

/** The next page of the signed-in reader's saved stories ("Load more" on /bookmarks). */
export const GET = viewerListRoute(listMyBookmarks);
