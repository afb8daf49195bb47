import { listFollowingStories } from "@/lib/data/engagement";
import { viewerListRoute } from "@/lib/api/responses";

/** The next page of stories by creators the signed-in reader follows ("Load more" on /following). */
export const GET = viewerListRoute(listFollowingStories);
