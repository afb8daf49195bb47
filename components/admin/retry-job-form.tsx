"use client";
import { retryDeadJobAction } from "@/lib/actions/admin-mail";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/forms/submit-button";

export function RetryJobForm({ jobId }: { jobId: string }) {
  const { state, formAction, formKey } = useActionForm(retryDeadJobAction);
  return (
    <form key={formKey} action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      {state.message ? <span role={state.ok ? "status" : "alert"} className="text-sm">{state.message}</span> : null}
      {state.ok ? null : (
        <SubmitButton variant="secondary" pendingLabel="Retrying…">
          Retry
        </SubmitButton>
      )}
    </form>
  );
}
