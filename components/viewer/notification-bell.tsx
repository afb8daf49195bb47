"use client";
import { IntentLink } from "@/components/intent-link";
import { useViewer } from "@/components/viewer/viewer-provider";

/** The header's bell: unread count from /api/me, refreshed on every navigation. */
export function NotificationBell() {
  const { viewer } = useViewer();
  if (!viewer) return null;
  const unread = viewer.unread;
  const label = unread > 0 ? `Notifications (${unread} unread)` : "Notifications";
  return (
    <IntentLink href="/notifications" className="relative inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-ink" aria-label={label} title={label} data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 min-w-[1.15rem] rounded-full bg-brand-600 px-1 text-center text-[0.7rem] font-bold leading-[1.15rem] text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </IntentLink>
  );
}
