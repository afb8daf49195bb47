"use client";
import { IntentLink } from "@/components/intent-link";
import { useCallback, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { removeCommentAction, restoreCommentAction } from "@/lib/actions/moderation";
import { CommentBody, RemovedCommentCard } from "@/components/comment-card";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { ReasonForm } from "@/components/moderation/reason-form";
import { useCommentModeration } from "@/components/viewer/comment-moderation-context";

/**
 * A hidden comment's place in the thread. Everyone sees who hid it; its author also sees their
 * text and the reason (fetched for them alone); staff may restore or remove it, and the story's
 * creator may restore what they hid themselves.
 */
export function HiddenComment({ id, hiddenBy }: { id: string; hiddenBy: "MODERATOR" | "CREATOR" }) {
  const { state, isStaff, refresh } = useCommentModeration();
  const [removing, setRemoving] = useState(false);
  const close = useCallback(() => setRemoving(false), []);
  const mine = state?.hidden.find((c) => c.id === id);
  const mayRestore = isStaff || Boolean(state?.mayModerate) || (hiddenBy === "CREATOR" && Boolean(state?.isCreator));
  const by = hiddenBy === "CREATOR" ? "the story's creator" : "a moderator";
  return (
    <RemovedCommentCard status="HIDDEN" hiddenBy={hiddenBy}>
      {mine ? (
        <div className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3" data-testid="my-hidden-comment">
          <p className="text-sm text-amber-900">
            <span className="font-semibold">Hidden by {by}:</span> {mine.reason || "no reason given"}
          </p>
          <p className="mt-0.5 text-xs text-amber-800">Only you can see your comment&apos;s text below.</p>
          <div className="opacity-80">
            <CommentBody html={mine.bodyHtml} />
          </div>
          {mine.actionId ? (
            <IntentLink href={`/moderation/${mine.actionId}`} className="link mt-1 inline-block text-sm font-semibold text-amber-950">
              What this means and how to appeal
            </IntentLink>
          ) : null}
        </div>
      ) : null}
      {mayRestore || isStaff ? (
        <div className="flex flex-wrap items-center gap-x-4 text-sm">
          {mayRestore ? <RestoreButton id={id} onDone={refresh} /> : null}
          {isStaff ? (
            <button type="button" aria-expanded={removing} onClick={() => setRemoving((r) => !r)} className="py-1 font-semibold text-stone-500 hover:text-ink">
              Remove
            </button>
          ) : null}
        </div>
      ) : null}
      {removing ? (
        <ReasonForm id={`remove-${id}`} action={removeCommentAction.bind(null, id)} prompt="Remove this hidden comment for good?" hint="Its author sees this reason." submitLabel="Remove comment" pendingLabel="Removing…" onClose={close} />
      ) : null}
    </RemovedCommentCard>
  );
}

function RestoreButton({ id, onDone }: { id: string; onDone: () => void }) {
  const { state, formAction } = useActionForm(restoreCommentAction.bind(null, id));
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <RestoreSubmit />
      <FormMessage message={state.message} />
    </form>
  );
}

function RestoreSubmit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="py-1 font-semibold text-stone-500 hover:text-ink disabled:opacity-60">
      {pending ? "Restoring…" : "Restore"}
    </button>
  );
}
