"use client";
import { useEffect, useState } from "react";
import { setBookmarkAction, setHeartAction } from "@/lib/actions/engagement";
import { useViewerState } from "@/components/viewer/use-viewer-state";
import { ToggleButton } from "@/components/engagement/toggle-button";
import { FeatureControl } from "@/components/engagement/feature-control";
import { ShareLinks } from "@/components/engagement/share-links";
import { ReportButton } from "@/components/reports/report-button";

function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2">
      <path d="M12 21s-7.5-4.6-9.5-9.2C1.2 8.6 3.3 5 6.8 5c2 0 3.4 1.1 4.2 2.4.8-1.3 2.2-2.4 4.2-2.4 3.5 0 5.6 3.6 4.3 6.8C19.5 16.4 12 21 12 21z" />
    </svg>
  );
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2">
      <path d="M6 3h12v18l-6-4-6 4z" />
    </svg>
  );
}

/** Hearts, bookmark, share, report and (for admins) featuring, under a story. Counts may lag a minute for signed-out readers. */
export function StoryActions({ storyId, authorId, storyPath, title, heartCount }: { storyId: string; authorId: string; storyPath: string; title: string; heartCount: number }) {
  const server = useViewerState({ storyId });
  const [mine, setMine] = useState<{ hearted?: boolean; bookmarked?: boolean; heartCount?: number }>({});
  useEffect(() => setMine({}), [server]);
  useReadBeacon(storyId);

  return (
    <div className="flex flex-wrap items-center gap-3 border-y border-stone-200 py-4">
      <ToggleButton
        on={mine.hearted ?? server?.hearted ?? null}
        count={mine.heartCount ?? server?.heartCount ?? heartCount}
        send={async (next) => {
          const result = await setHeartAction(storyId, next);
          return result.ok ? { ok: true, count: result.heartCount } : result;
        }}
        onSettled={(hearted, count) => setMine((m) => ({ ...m, hearted, heartCount: count }))}
        label={(on) => (on ? "Hearted" : "Heart")}
        icon={(on) => <HeartIcon filled={on} />}
        signInPrompt="Sign in to heart this story"
        returnTo={storyPath}
      />
      <ToggleButton
        on={mine.bookmarked ?? server?.bookmarked ?? null}
        send={async (next) => setBookmarkAction(storyId, next)}
        onSettled={(bookmarked) => setMine((m) => ({ ...m, bookmarked }))}
        label={(on) => (on ? "Saved" : "Save")}
        icon={(on) => <BookmarkIcon filled={on} />}
        signInPrompt="Sign in to save this story"
        returnTo={storyPath}
      />
      <ShareLinks path={storyPath} title={title} />
      <ReportButton
        targetType="STORY"
        targetId={storyId}
        ownerId={authorId}
        what="story"
        returnTo={storyPath}
        className="inline-flex items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100"
      />
      <FeatureControl storyId={storyId} />
    </div>
  );
}

/** Counts the read once the page has loaded, without delaying it (one beacon per page view). */
function useReadBeacon(storyId: string) {
  useEffect(() => {
    const url = `/api/stories/${encodeURIComponent(storyId)}/read`;
    if (!navigator.sendBeacon?.(url)) fetch(url, { method: "POST", keepalive: true }).catch(() => {});
  }, [storyId]);
}
