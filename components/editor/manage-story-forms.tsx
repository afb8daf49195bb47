"use client";
import { useState } from "react";
import { deleteStoryAction, unpublishStoryAction, withdrawSubmissionAction } from "@/lib/actions/stories";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Takes a published story off the site; it stays in the studio and can be published again. */
export function UnpublishStoryForm({ storyId }: { storyId: string }) {
  const { state, formAction, formRef } = useActionForm(unpublishStoryAction.bind(null, storyId));
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <FormMessage message={state.message} />
      <p className="text-sm text-stone-600">Unpublishing takes the story off the site. It stays here as a draft, and publishing it again brings it back at the same address.</p>
      <SubmitButton variant="secondary" pendingLabel="Unpublishing…">
        Unpublish
      </SubmitButton>
    </form>
  );
}

/** Takes a story out of review (or off its schedule) so the creator can edit it again. */
export function WithdrawSubmissionForm({ storyId }: { storyId: string }) {
  const { state, formAction, formRef } = useActionForm(withdrawSubmissionAction.bind(null, storyId));
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <FormMessage message={state.message} />
      <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
        Withdraw
      </SubmitButton>
    </form>
  );
}

/** Deletes a story after the creator types "delete"; the form opens only when asked. */
export function DeleteStoryForm({ storyId, published }: { storyId: string; published: boolean }) {
  const { state, formAction, formKey, formRef } = useActionForm(deleteStoryAction.bind(null, storyId));
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" onClick={() => setOpen(true)}>
        Delete story…
      </button>
    );
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3 rounded-lg border border-red-200 bg-red-50/50 p-4">
      <FormMessage message={state.message} />
      <p className="text-sm text-stone-700">
        Deleting can&apos;t be undone: the story, its revisions{published ? ", comments and hearts leave the site, and its address will say the story is gone" : " go away"}.
      </p>
      <Field name="confirm" label="Type delete to confirm" errors={state.fieldErrors?.confirm}>
        {(props) => <input {...props} type="text" autoComplete="off" autoFocus className="input max-w-xs" />}
      </Field>
      <div className="flex gap-3">
        <SubmitButton pendingLabel="Deleting…">Delete story</SubmitButton>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
