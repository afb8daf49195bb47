import { getViewer } from "@/lib/auth/session";
import { listMyActiveRestrictions } from "@/lib/data/restrictions";
import { countMyUnreadNotifications } from "@/lib/data/notifications";

/**
 * Who is signed in, for the per-viewer parts of otherwise static, shared pages: with the
 * restrictions in force on them (a suspended account still signs in, reads, and sees why) and
 * the bell's unread count.
 */
export async function GET() {
  const viewer = await getViewer();
  const [restrictions, unread] = viewer ? await Promise.all([viewer.restrictions.length ? listMyActiveRestrictions(viewer) : [], countMyUnreadNotifications(viewer)]) : [[], 0];
  return Response.json(
    {
      viewer: viewer ? { id: viewer.id, name: viewer.name, handle: viewer.handle, role: viewer.role, status: viewer.status, avatarUrl: viewer.avatarUrl, emailVerified: viewer.emailVerified !== false, moderates: [...(viewer.moderates ?? [])], restrictions, unread } : null,
    },
    { headers: { "cache-control": "private, no-store" } },
  );
}
