"use client";
import { useCallback, useState, useTransition } from "react";
import { setCommentsEnabledAction, setThreadLockedAction } from "@/lib/actions/moderation";
import { ReasonForm } from "@/components/moderation/reason-form";
import { useCommentModeration } from "@/components/viewer/comment-moderation-context";

/**
 * Above the thread, for those who run it: staff lock or unlock the conversation (with a reason),
 * the story's creator turns comments on or off. Nothing for anyone else. The server checks again.
 */
export function CommentSettings({ storyId, commentsEnabled, commentsLocked }: { storyId: string; commentsEnabled: boolean; commentsLocked: boolean }) {
  const { state, isStaff, refresh } = useCommentModeration();
  const [locking, setLocking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const closeLock = useCallback(() => setLocking(false), []);
  const isCreator = Boolean(state?.isCreator);
  if (!isStaff && !isCreator) return null;
  // The viewer's fresh copy wins over the cached page's.
  const enabled = state?.commentsEnabled ?? commentsEnabled;
  const locked = state?.commentsLocked ?? commentsLocked;

  const toggleComments = () =>
    startTransition(async () => {
      const result = await setCommentsEnabledAction(storyId, !enabled);
      setMessage(result.ok ? (enabled ? "Comments are now off." : "Comments are now on.") : (result.message ?? "Please try again."));
      refresh();
    });

  return (
    <div className="rounded-xl border border-stone-200 bg-stone-50 px-4 py-3" data-testid="comment-settings">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="font-semibold text-stone-700">{isStaff ? "Moderation" : "Your story"}:</span>
        {isCreator ? (
          <button type="button" className="btn-secondary py-1" disabled={pending} onClick={toggleComments}>
            {pending ? "Saving…" : enabled ? "Turn comments off" : "Turn comments on"}
          </button>
        ) : null}
        {isStaff ? (
          <button type="button" className="btn-secondary py-1" aria-expanded={locking} onClick={() => setLocking((l) => !l)}>
            {locked ? "Unlock conversation" : "Lock conversation"}
          </button>
        ) : null}
        {message ? (
          <span role="status" className="text-stone-600">
            {message}
          </span>
        ) : null}
      </div>
      {locking ? (
        <ReasonForm
          id={`lock-${storyId}`}
          action={setThreadLockedAction.bind(null, storyId, !locked)}
          prompt={locked ? "Unlock this conversation? Readers can comment again." : "Lock this conversation? Comments stay visible; nobody can add, reply or edit."}
          hint="Recorded in the moderation log; the story's creator can see it."
          submitLabel={locked ? "Unlock" : "Lock conversation"}
          pendingLabel={locked ? "Unlocking…" : "Locking…"}
          onClose={closeLock}
          onDone={refresh}
        />
      ) : null}
    </div>
  );
}
