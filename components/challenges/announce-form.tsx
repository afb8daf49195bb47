"use client";
import { announceResultsAction } from "@/lib/actions/challenges";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export type AnnounceCandidate = { id: string; label: string; title: string; author: string | null; shortlisted: boolean; average: number | null; judgeCount: number };

/** Staff: one winner, any runners-up, a note for each, and why; then every entrant is told. */
export function AnnounceForm({ challengeId, entries }: { challengeId: string; entries: AnnounceCandidate[] }) {
  const { state, formAction, formKey, formRef } = useActionForm(announceResultsAction.bind(null, challengeId));
  const typed = state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      {errors.placements ? (
        <p id="placements-error" role="alert" className="text-sm font-medium text-red-700">
          {errors.placements.join(" ")}
        </p>
      ) : null}
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200">
        {entries.map((e) => (
          <li key={e.id} className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
            <div className="min-w-0">
              <p className="font-semibold">
                {e.title}
                {e.shortlisted ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Shortlisted</span> : null}
              </p>
              <p className="text-sm text-stone-600">
                {e.label}
                {e.author ? ` · ${e.author}` : ""} · {e.average === null ? "not scored yet" : `average ${e.average} from ${e.judgeCount} judge${e.judgeCount === 1 ? "" : "s"}`}
              </p>
              <label htmlFor={`note-${e.id}`} className="mt-2 block text-sm font-semibold text-stone-800">
                Judges’ note (shown with the results)
              </label>
              <input id={`note-${e.id}`} name={`note-${e.id}`} maxLength={1000} defaultValue={typed?.[`note-${e.id}`] ?? ""} className="input mt-1" />
            </div>
            <div>
              <label htmlFor={`placement-${e.id}`} className="block text-sm font-semibold text-stone-800">
                Place
              </label>
              <select id={`placement-${e.id}`} name={`placement-${e.id}`} defaultValue={typed?.[`placement-${e.id}`] ?? ""} aria-describedby={errors.placements ? "placements-error" : undefined} className="input mt-1">
                <option value="">—</option>
                <option value="WINNER">Winner</option>
                <option value="RUNNER_UP">Runner-up</option>
              </select>
            </div>
          </li>
        ))}
      </ul>
      <Field name="reason" id="announce-reason" label="Why (for the audit log)" errors={errors.reason}>
        {(props) => <input {...props} required maxLength={500} defaultValue={typed?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Announcing…">Announce winners</SubmitButton>
    </form>
  );
}
