import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/data/notifications";
import { NotificationList } from "@/components/moderation/notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");
  const { items, nextCursor } = await listMyNotifications(viewer);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="mb-6 font-serif text-3xl font-bold">Notifications</h1>
      <NotificationList initial={items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))} cursor={nextCursor} />
    </div>
  );
}
