"use client";
import { useEffect, useState } from "react";
import { useViewer } from "@/components/viewer/viewer-provider";

export type ViewerRelation = { hearted: boolean; bookmarked: boolean; following: boolean; heartCount: number | null; followerCount: number | null };

/**
 * The signed-in reader's heart/bookmark/follow state for a story or creator, with fresh counts.
 * Null while loading and for signed-out readers (nothing to ask).
 */
export function useViewerState(ids: { storyId?: string; creatorId?: string }): ViewerRelation | null {
  const { viewer } = useViewer();
  const [state, setState] = useState<ViewerRelation | null>(null);
  const query = new URLSearchParams({ ...(ids.storyId ? { story: ids.storyId } : {}), ...(ids.creatorId ? { creator: ids.creatorId } : {}) }).toString();
  useEffect(() => {
    if (!viewer) return;
    const controller = new AbortController();
    fetch(`/api/viewer-state?${query}`, { cache: "no-store", signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then(setState)
      .catch(() => {});
    return () => controller.abort();
  }, [viewer, query]);
  return viewer ? state : null;
}
