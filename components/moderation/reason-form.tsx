"use client";
import { useEffect } from "react";
import type { FormState } from "@/lib/validation/form";
import { MODERATION_REASON_MAX } from "@/lib/validation/limits";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { closeOnEscape } from "@/components/forms/close-on-escape";

type ReasonFormProps = {
  id: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** What the form asks, e.g. "Hide this comment?" */
  prompt: string;
  label?: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  onClose: () => void;
  onDone?: () => void;
};

/** An inline form for a moderation step that needs a reason the affected person will see. Escape or Cancel closes it. */
export function ReasonForm({ id, action, prompt, label = "Reason", hint = "The person affected sees this reason.", submitLabel, pendingLabel, onClose, onDone }: ReasonFormProps) {
  const { state, formAction, formKey, formRef } = useActionForm(action);
  useEffect(() => {
    if (!state.ok) return;
    onDone?.();
    onClose();
  }, [state, onClose, onDone]);
  return (
    <form key={formKey} ref={formRef} action={formAction} onKeyDown={closeOnEscape(onClose)} className="mt-3 space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-3" noValidate>
      <p className="text-sm font-semibold text-stone-800">{prompt}</p>
      <FormMessage message={state.message} />
      <Field id={`${id}-reason`} name="reason" label={label} errors={state.fieldErrors?.reason} hint={hint}>
        {(props) => <input {...props} autoFocus required maxLength={MODERATION_REASON_MAX} defaultValue={state.values?.reason ?? ""} className="input text-sm" />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
        <button type="button" onClick={onClose} className="btn-secondary">
          Cancel
        </button>
      </div>
    </form>
  );
}
