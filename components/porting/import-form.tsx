"use client";
import { startImportAction, startSiteImportAction } from "@/lib/actions/porting";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

type Option = { value: string; label: string };

/**
 * Upload a file to import: its format, the community its stories go to, and "only try". Goes to the
 * progress page once queued. `site`: an admin's import of another platform's whole site.
 */
export function ImportForm({ formats, communities, site = false }: { formats: Option[]; communities: Option[]; site?: boolean }) {
  const { state, formAction, formKey, formRef } = useActionForm(site ? startSiteImportAction : startImportAction);
  const values = state.values ?? {};
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <Field name="format" label="What kind of file" errors={state.fieldErrors?.format}>
        {(props) => (
          <select {...props} defaultValue={values.format ?? formats[0]?.value} className="input">
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="file" label="File" errors={state.fieldErrors?.file} hint="Up to 11 MB. Choose it again after an error: browsers don't keep a chosen file.">
        {(props) => <input {...props} type="file" accept=".zip,.json,.xml,application/zip,application/json,text/xml" className="block w-full max-w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-stone-200 file:px-4 file:py-2 file:font-semibold hover:file:bg-stone-300" />}
      </Field>
      <Field name="community" label="Community for the stories" errors={state.fieldErrors?.community}>
        {(props) => (
          <select {...props} defaultValue={values.community ?? ""} className="input">
            <option value="" disabled>
              Choose a community
            </option>
            {communities.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex items-start gap-2">
        <input id="field-dryRun" name="dryRun" type="checkbox" defaultChecked={values.dryRun === "on"} className="mt-1 size-4" aria-describedby="field-dryRun-hint" />
        <div>
          <label htmlFor="field-dryRun" className="text-sm font-semibold text-stone-800">
            Dry run
          </label>
          <p id="field-dryRun-hint" className="text-sm text-stone-500">
            {site
              ? "Check every post and list what would be created (stories, their authors as new members, comments), without creating anything."
              : "Check every story and list what would be created, without creating anything."}
          </p>
        </div>
      </div>
      <SubmitButton pendingLabel="Uploading…">Import</SubmitButton>
    </form>
  );
}
