import { listMyNotifications } from "@/lib/data/notifications";
import { viewerListRoute } from "@/lib/api/responses";

/** The next page of the signed-in user's notifications ("Load more" on /notifications). */
export const GET = viewerListRoute((viewer, cursor) => listMyNotifications(viewer, { cursor }));
