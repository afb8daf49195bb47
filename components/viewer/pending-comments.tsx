"use client";
import type { ReactNode } from "react";
import { CommentBody, CommentCard } from "@/components/comment-card";
import { useCommentThread } from "@/components/viewer/comment-thread-context";
import { useViewer } from "@/components/viewer/viewer-provider";

/** The viewer's comments in `threadId` (null: new top-level comments), shown greyed while they save. */
export function PendingComments({ threadId, className }: { threadId: string | null; className?: string }) {
  const { pending } = useCommentThread();
  const { viewer } = useViewer();
  const mine = pending.filter((comment) => comment.threadId === threadId);
  if (!viewer || mine.length === 0) return null;
  return (
    <ol className={className}>
      {mine.map((comment) => (
        <li key={comment.key}>
          <CommentCard author={viewer}>
            <CommentBody text={comment.body} />
          </CommentCard>
        </li>
      ))}
    </ol>
  );
}

/** Hides its children (the "no comments yet" note) while the viewer's first comment is on its way. */
export function HiddenWhilePosting({ children }: { children: ReactNode }) {
  const { pending } = useCommentThread();
  return pending.some((comment) => comment.threadId === null) ? null : children;
}
