"use client";
import { deleteCommentAction } from "@/lib/actions/comments";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { closeOnEscape } from "@/components/forms/close-on-escape";

/** Asks before deleting: the comment goes (or leaves a placeholder for its replies). */
export function DeleteCommentForm({ commentId, onClose }: { commentId: string; onClose: () => void }) {
  const { state, formAction, formRef } = useActionForm(deleteCommentAction.bind(null, commentId));
  return (
    <form ref={formRef} action={formAction} onKeyDown={closeOnEscape(onClose)} className="mt-3 space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-3">
      <FormMessage message={state.message} />
      <p className="text-sm text-stone-700">Delete this comment? This can&apos;t be undone.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Deleting…">Delete comment</SubmitButton>
        {/* Focus starts on the safe choice. */}
        <button type="button" onClick={onClose} autoFocus className="btn-secondary">
          Cancel
        </button>
      </div>
    </form>
  );
}
