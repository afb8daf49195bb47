"use client";
import { updateSiteSettingsAction } from "@/lib/actions/settings";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

type Initial = { trustApprovedStories: number; trustCleanDays: number; blockedWords: string[]; blockedEmailDomains: string[]; uploadsPerHour: number; uploadsPerDay: number };

export function SettingsForm({ initial }: { initial: Initial }) {
  const { state, formAction, formKey, formRef } = useActionForm(updateSiteSettingsAction);
  const values: Record<string, string> = {
    trustApprovedStories: String(initial.trustApprovedStories),
    trustCleanDays: String(initial.trustCleanDays),
    blockedWords: initial.blockedWords.join("\n"),
    blockedEmailDomains: initial.blockedEmailDomains.join("\n"),
    uploadsPerHour: String(initial.uploadsPerHour),
    uploadsPerDay: String(initial.uploadsPerDay),
    reason: "",
    ...state.values,
  };
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-8" noValidate>
      <FormMessage message={state.message} />
      {state.ok ? <FormMessage tone="success" message="Settings saved. They apply to the next sign-up, comment, submission and upload." /> : null}
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Trusted creators</legend>
        <p className="text-sm text-stone-600">
          New accounts always wait for review. A creator whose account is a day old, with this many stories that went live and no penalty (other than a warning, or one
          overturned on appeal) in this many days, publishes without waiting. Set it per creator on their page under Users.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="trustApprovedStories" label="Stories that went live" errors={state.fieldErrors?.trustApprovedStories}>
            {(props) => <input {...props} type="number" min={1} max={100} required defaultValue={values.trustApprovedStories} className="input" />}
          </Field>
          <Field name="trustCleanDays" label="Days without a penalty" errors={state.fieldErrors?.trustCleanDays}>
            {(props) => <input {...props} type="number" min={0} max={3650} required defaultValue={values.trustCleanDays} className="input" />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Blocklist</legend>
        <Field name="blockedWords" label="Blocked words and phrases" errors={state.fieldErrors?.blockedWords} hint="One per line. Comments containing one as a whole word (in any case, or disguised with look-alike or invisible characters) are refused with a message saying which.">
          {(props) => <textarea {...props} rows={6} defaultValue={values.blockedWords} className="input font-mono text-sm" />}
        </Field>
        <Field name="blockedEmailDomains" label="Blocked email domains" errors={state.fieldErrors?.blockedEmailDomains} hint="One per line, like spam.example. Sign-ups from the domain or any subdomain of it are refused.">
          {(props) => <textarea {...props} rows={4} defaultValue={values.blockedEmailDomains} className="input font-mono text-sm" />}
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Image uploads</legend>
        <p className="text-sm text-stone-600">How many images (avatars, hero and inline images) one account may upload. Refused uploads count too.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="uploadsPerHour" label="Images per hour" errors={state.fieldErrors?.uploadsPerHour}>
            {(props) => <input {...props} type="number" min={1} max={10000} required defaultValue={values.uploadsPerHour} className="input" />}
          </Field>
          <Field name="uploadsPerDay" label="Images per day" errors={state.fieldErrors?.uploadsPerDay}>
            {(props) => <input {...props} type="number" min={1} max={100000} required defaultValue={values.uploadsPerDay} className="input" />}
          </Field>
        </div>
      </fieldset>
      <Field name="reason" label="Reason for the change" errors={state.fieldErrors?.reason} hint="Recorded in the audit log with what changed.">
        {(props) => <input {...props} type="text" required maxLength={500} defaultValue={values.reason} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
