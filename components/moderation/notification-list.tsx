"use client";
import { IntentLink } from "@/components/intent-link";
import { useEffect } from "react";
import { LoadMoreButton, useLoadMore } from "@/components/load-more";
import { markNotificationsReadAction } from "@/lib/actions/accounts";
import { formatDateTime } from "@/components/format";
import { useViewer } from "@/components/viewer/viewer-provider";

export type NotificationDTO = { id: string; kind: string; message: string; href: string | null; read: boolean; createdAt: string };

/** Notifications newest first with "Load more"; whatever is shown unread is marked read (and the bell updates). */
export function NotificationList({ initial, cursor }: { initial: NotificationDTO[]; cursor: string | null }) {
  const list = useLoadMore<NotificationDTO>("/api/me/notifications", { items: initial, nextCursor: cursor });
  const { items } = list;
  const { refresh } = useViewer();

  useEffect(() => {
    const unread = items.filter((n) => !n.read).map((n) => n.id);
    if (unread.length === 0) return;
    // They stay highlighted on this visit; the badge clears once the server has them as read.
    markNotificationsReadAction(unread).then(refresh, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.length]);

  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
        <p className="font-semibold">No notifications yet.</p>
        <p className="mt-1 text-stone-600">Comments on your stories, replies to you and moderation decisions show up here.</p>
      </div>
    );
  }
  return (
    <>
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id} className={`flex gap-3 p-4 ${n.read ? "" : "bg-brand-50/60"}`}>
            <span aria-hidden="true" className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-brand-600"}`} />
            <div className="min-w-0 flex-1">
              <p className="break-words">
                {n.read ? null : <span className="sr-only">Unread: </span>}
                {n.href ? (
                  <IntentLink href={n.href} className="hover:underline">
                    {n.message}
                  </IntentLink>
                ) : (
                  n.message
                )}
              </p>
              <p className="mt-1 text-sm text-stone-500">{formatDateTime(new Date(n.createdAt))}</p>
            </div>
          </li>
        ))}
      </ul>
      <LoadMoreButton list={list} />
    </>
  );
}
