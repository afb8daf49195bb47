"use client";
import { scoreEntryAction, shortlistEntryAction } from "@/lib/actions/challenges";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** A judge's scores for one entry (1–10 per criterion) and their note to the creator. */
export function ScoreForm({ entryId, label, criteria, scores, note }: { entryId: string; label: string; criteria: string[]; scores: number[] | null; note: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(scoreEntryAction.bind(null, entryId));
  const typed = state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate aria-label={`Scores for ${label}`}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <div className="grid gap-3 sm:grid-cols-3">
        {criteria.map((criterion, i) => (
          <Field key={criterion} name={`score-${i}`} id={`score-${entryId}-${i}`} label={criterion} errors={errors[`score-${i}`]}>
            {(props) => (
              <select {...props} defaultValue={typed?.[`score-${i}`] ?? (scores?.[i] ? String(scores[i]) : "")} className="input">
                <option value="">Score…</option>
                {Array.from({ length: 10 }, (_, k) => k + 1).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <Field name="note" id={`note-${entryId}`} label="Note to the creator" errors={errors.note} hint="They see it with the results.">
        {(props) => <textarea {...props} rows={2} maxLength={2000} defaultValue={typed?.note ?? note} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Saving…">{scores ? "Update scores" : "Save scores"}</SubmitButton>
    </form>
  );
}

/** Put an entry on the shortlist, or take it off. */
export function ShortlistForm({ entryId, label, shortlisted }: { entryId: string; label: string; shortlisted: boolean }) {
  const { state, formAction, formKey, formRef } = useActionForm(shortlistEntryAction.bind(null, entryId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="flex flex-wrap items-center gap-3" aria-label={`Shortlist ${label}`}>
      <input type="hidden" name="shortlisted" value={shortlisted ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel={shortlisted ? "Removing…" : "Shortlisting…"}>
        {shortlisted ? "Take off the shortlist" : "Add to the shortlist"}
      </SubmitButton>
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
