"use client";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { editCommentAction } from "@/lib/actions/comments";
import { CommentForm } from "@/components/comment-form";
import { DeleteCommentForm } from "@/components/delete-comment-form";
import { useCommentThread, usePostCommentAction } from "@/components/viewer/comment-thread-context";
import { useViewer } from "@/components/viewer/viewer-provider";
import { useCommentModeration } from "@/components/viewer/comment-moderation-context";
import { ReasonForm } from "@/components/moderation/reason-form";
import { ReportButton } from "@/components/reports/report-button";
import { hideCommentAction, removeCommentAction } from "@/lib/actions/moderation";

const MODES = ["reply", "edit", "delete", "hide", "remove"] as const;
type Mode = (typeof MODES)[number];
const labels: Record<Mode, string> = { reply: "Reply", edit: "Edit", delete: "Delete", hide: "Hide", remove: "Remove" };
type CommentControlsProps = {
  comment: { id: string; authorId: string; authorName: string; body: string };
  /** The top-level comment a reply joins. */
  threadId: string;
  /** The comment's rendered text, swapped for the edit form while editing. */
  children: ReactNode;
};

/**
 * What the viewer may do with a comment, decided in the browser so the thread itself stays
 * cached and shared: reply when signed in, edit and delete when the comment is theirs.
 */
export function CommentControls({ comment, threadId, children }: CommentControlsProps) {
  const { viewer } = useViewer();
  const { open } = useCommentThread();
  const postReply = usePostCommentAction(threadId);
  const [mode, setMode] = useState<Mode | null>(null);
  const buttons = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  const focusAfterClose = useRef<Mode | null>(null);

  // Closing an inline form puts focus back on the button that opened it.
  useEffect(() => {
    if (mode || !focusAfterClose.current) return;
    buttons.current[focusAfterClose.current]?.focus();
    focusAfterClose.current = null;
  }, [mode]);
  const close = useCallback(() => {
    focusAfterClose.current = mode;
    setMode(null);
  }, [mode]);

  const moderation = useCommentModeration();
  const mine = viewer?.id === comment.authorId;
  // A closed story keeps its thread: authors may still delete, nobody replies or edits. Staff hide
  // or remove any comment; the story's creator hides comments on their story (the server checks).
  const may: Record<Mode, boolean> = {
    reply: Boolean(viewer) && open,
    edit: mine && open,
    delete: mine,
    hide: moderation.isStaff || Boolean(moderation.state?.mayModerate) || Boolean(moderation.state?.isCreator),
    remove: moderation.isStaff,
  };
  const allowed = MODES.filter((action) => may[action]);

  return (
    <>
      {mode === "edit" ? (
        <div className="mt-2">
          <CommentForm
            id={`edit-${comment.id}`}
            action={editCommentAction.bind(null, comment.id)}
            label="Edit your comment"
            submitLabel="Save changes"
            pendingLabel="Saving…"
            initialBody={comment.body}
            onClose={close}
          />
        </div>
      ) : (
        children
      )}
      {mode !== "edit" ? (
        <div className="flex flex-wrap gap-x-4 text-sm empty:hidden">
          {allowed.map((action) => (
            <button
              key={action}
              ref={(button) => {
                buttons.current[action] = button;
              }}
              type="button"
              aria-expanded={action === "edit" ? undefined : mode === action}
              onClick={() => setMode(mode === action ? null : action)}
              className="py-1 font-semibold text-stone-500 hover:text-ink"
            >
              {labels[action]}
            </button>
          ))}
          <ReportButton
            targetType="COMMENT"
            targetId={comment.id}
            ownerId={comment.authorId}
            what="comment"
            returnTo={`${moderation.storyPath}#comment-${comment.id}`}
            className="inline-flex items-center gap-1 py-1 font-semibold text-stone-500 hover:text-ink"
          />
        </div>
      ) : null}
      {mode === "hide" ? (
        <ReasonForm
          id={`hide-${comment.id}`}
          action={hideCommentAction.bind(null, comment.id)}
          prompt={`Hide ${comment.authorName}'s comment? Readers will see a placeholder instead.`}
          hint={`${comment.authorName} sees this reason.`}
          submitLabel="Hide comment"
          pendingLabel="Hiding…"
          onClose={close}
        />
      ) : null}
      {mode === "remove" ? (
        <ReasonForm
          id={`remove-${comment.id}`}
          action={removeCommentAction.bind(null, comment.id)}
          prompt={`Remove ${comment.authorName}'s comment for good?`}
          hint={`${comment.authorName} sees this reason.`}
          submitLabel="Remove comment"
          pendingLabel="Removing…"
          onClose={close}
        />
      ) : null}
      {mode === "delete" ? <DeleteCommentForm commentId={comment.id} onClose={close} /> : null}
      {mode === "reply" ? (
        <div className="mt-3">
          <CommentForm id={`reply-${comment.id}`} action={postReply} label={`Reply to ${comment.authorName}`} submitLabel="Post reply" pendingLabel="Posting…" parentId={comment.id} onClose={close} />
        </div>
      ) : null}
    </>
  );
}
