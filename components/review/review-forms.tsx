"use client";
import { approveSubmissionAction, requestChangesAction } from "@/lib/actions/review";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { NOTE_FIELD_PREFIX, REVIEW_NOTE_MAX, REVIEW_REASON_MAX, REVIEW_REASON_MIN } from "@/lib/validation/limits";

/** Approves the submission: live now, or at the creator's scheduled time. */
export function ApproveForm({ storyId, scheduledLabel, editVersion = null }: { storyId: string; scheduledLabel: string | null; editVersion?: number | null }) {
  const { state, formAction, formKey, formRef } = useActionForm(approveSubmissionAction.bind(null, storyId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" aria-labelledby="approve-heading">
      <h2 id="approve-heading" className="font-sans text-lg font-semibold">
        Approve
      </h2>
      <FormMessage message={state.message} />
      <EditVersion version={editVersion} />
      <Field name="note" id="approve-note" label="Note for the log (optional)" errors={state.fieldErrors?.note}>
        {(props) => <textarea {...props} rows={2} maxLength={REVIEW_REASON_MAX} defaultValue={state.values?.note ?? ""} className="input" />}
      </Field>
      <p className="text-sm text-stone-600">{editVersion ? "The changes replace the live version at once." : scheduledLabel ? `It goes live on ${scheduledLabel}, as its creator asked.` : "It goes live at once."}</p>
      <SubmitButton pendingLabel="Approving…">{editVersion ? "Approve changes" : scheduledLabel ? "Approve and schedule" : "Approve and publish"}</SubmitButton>
    </form>
  );
}

/** Sends the submission back with a reason (required) and an optional note per section. */
export function RequestChangesForm({ storyId, sections, editVersion = null }: { storyId: string; sections: string[]; editVersion?: number | null }) {
  const { state, formAction, formKey, formRef } = useActionForm(requestChangesAction.bind(null, storyId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" aria-labelledby="changes-heading">
      <h2 id="changes-heading" className="font-sans text-lg font-semibold">
        Request changes
      </h2>
      <FormMessage message={state.message} />
      <EditVersion version={editVersion} />
      <Field
        name="reason"
        id="changes-reason"
        label="Reason"
        errors={state.fieldErrors?.reason}
        hint={`What should the creator change, and why? They see this in their editor (${REVIEW_REASON_MIN}–${REVIEW_REASON_MAX} characters).`}
      >
        {(props) => <textarea {...props} required minLength={REVIEW_REASON_MIN} maxLength={REVIEW_REASON_MAX} rows={4} defaultValue={state.values?.reason ?? ""} className="input" />}
      </Field>
      {sections.length ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-stone-800">Notes on sections (optional)</legend>
          {sections.map((heading, index) => (
            <Field key={heading} name={`${NOTE_FIELD_PREFIX}${heading}`} id={`section-note-${index}`} label={`Note on “${heading}”`}>
              {(props) => <textarea {...props} rows={2} maxLength={REVIEW_NOTE_MAX} defaultValue={state.values?.[`${NOTE_FIELD_PREFIX}${heading}`] ?? ""} className="input" />}
            </Field>
          ))}
        </fieldset>
      ) : null}
      {state.fieldErrors?.notes ? <p className="text-sm font-medium text-red-700">{state.fieldErrors.notes.join(" ")}</p> : null}
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Request changes
      </SubmitButton>
    </form>
  );
}

/** For an edit to a live story: the version on screen, so a decision never applies to text the moderator didn't see. */
function EditVersion({ version }: { version: number | null }) {
  return version ? <input type="hidden" name="editVersion" value={version} /> : null;
}
