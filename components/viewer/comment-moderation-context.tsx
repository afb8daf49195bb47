"use client";
import { createContext, use, useCallback, useEffect, useState, type ReactNode } from "react";
import type { MyCommentsState } from "@/lib/data/comment-moderation";
import { useViewer } from "@/components/viewer/viewer-provider";
import { isStaff } from "@/lib/auth/permissions";

type CommentModerationValue = {
  /** Fresh from the server for the signed-in viewer; null while loading and for signed-out readers. */
  state: MyCommentsState | null;
  isStaff: boolean;
  /** The story page's path, for sign-in links that come back. */
  storyPath: string;
  /** Asks again after a change this viewer made (comments off, a restore). */
  refresh: () => void;
};

const CommentModerationContext = createContext<CommentModerationValue>({ state: null, isStaff: false, storyPath: "/", refresh: () => {} });

/**
 * The per-viewer side of a story's comments: whether the viewer is its creator, its comment
 * switches as they are now, and the viewer's own hidden comments with the reasons. The thread
 * itself stays cached and shared; this comes from /api/stories/<id>/comments, never cached.
 */
export function CommentModerationProvider({ storyId, storyPath, children }: { storyId: string; storyPath: string; children: ReactNode }) {
  const { viewer } = useViewer();
  const [state, setState] = useState<MyCommentsState | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!viewer) return;
    const controller = new AbortController();
    fetch(`/api/stories/${encodeURIComponent(storyId)}/comments`, { cache: "no-store", signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then(setState)
      .catch(() => {});
    return () => controller.abort();
  }, [viewer, storyId, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return <CommentModerationContext value={{ state: viewer ? state : null, isStaff: isStaff(viewer), storyPath, refresh }}>{children}</CommentModerationContext>;
}

export function useCommentModeration(): CommentModerationValue {
  return use(CommentModerationContext);
}
