"use client";
import { restoreRevisionAction } from "@/lib/actions/stories";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Restores one revision (the restore is kept as a revision too, so it can be undone). */
export function RestoreRevisionForm({ revisionId }: { revisionId: string }) {
  const { state, formAction, formRef } = useActionForm(restoreRevisionAction.bind(null, revisionId));
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel="Restoring…">Restore this revision</SubmitButton>
    </form>
  );
}
