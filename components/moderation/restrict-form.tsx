"use client";
import { useState } from "react";
import { restrictUserAction } from "@/lib/actions/accounts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { restrictionKindLabels } from "@/components/moderation/labels";

const KINDS = ["WARNING", "COMMENT_BAN", "PUBLISH_BAN", "SUSPENSION", "CONTENT_REMOVAL"] as const;
const PRESETS = [
  { value: "1h", label: "1 hour" },
  { value: "1d", label: "1 day" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "never", label: "Never (until lifted)" },
  { value: "custom", label: "Custom date and time (UTC)" },
];
const kindHints: Record<string, string> = {
  WARNING: "A recorded warning; nothing is blocked.",
  COMMENT_BAN: "Can't comment or reply.",
  PUBLISH_BAN: "Can't submit or publish stories.",
  SUSPENSION: "Can sign in, read and appeal; nothing else. Their profile, stories and comments are hidden.",
  CONTENT_REMOVAL: "Removes all their published stories and visible comments now.",
};

/** Staff: restrict an account. The kind starts at the next step on the ladder given their history. */
export function RestrictForm({ userId, suggestedKind }: { userId: string; suggestedKind: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(restrictUserAction.bind(null, userId));
  const values = { kind: suggestedKind, expiry: "7d", reason: "", expiresAtCustom: "", ...state.values };
  const [expiry, setExpiry] = useState(values.expiry);
  const [kind, setKind] = useState(values.kind);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate aria-label="Restrict this account">
      {state.ok ? <FormMessage tone="success" message={state.message} /> : <FormMessage message={state.message} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="kind" id="restrict-kind" label="Kind" errors={state.fieldErrors?.kind} hint={kindHints[kind]}>
          {(props) => (
            <select {...props} defaultValue={values.kind} onChange={(e) => setKind(e.target.value)} className="input">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {restrictionKindLabels[k]}
                  {k === suggestedKind ? " (next step)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="expiry" id="restrict-expiry" label="Expires after" errors={state.fieldErrors?.expiry}>
          {(props) => (
            <select {...props} defaultValue={values.expiry} onChange={(e) => setExpiry(e.target.value)} className="input">
              {PRESETS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {expiry === "custom" ? (
        <Field name="expiresAtCustom" id="restrict-custom" label="Expires at (UTC)" errors={state.fieldErrors?.expiresAtCustom}>
          {(props) => <input {...props} type="datetime-local" defaultValue={values.expiresAtCustom} className="input sm:w-72" />}
        </Field>
      ) : null}
      <Field name="reason" id="restrict-reason" label="Reason" errors={state.fieldErrors?.reason} hint="The user sees this reason and can appeal.">
        {(props) => <textarea {...props} rows={3} maxLength={1000} defaultValue={values.reason} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Applying…">Apply restriction</SubmitButton>
    </form>
  );
}
