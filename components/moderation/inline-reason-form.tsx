"use client";
import type { FormState } from "@/lib/validation/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Staff: one short reason on one line and one button, always open (lifting a restriction, clearing an email stop); the reason goes to the audit log. */
export function InlineReasonForm({ id, action, label, button, pendingLabel }: { id: string; action: (state: FormState, form: FormData) => Promise<FormState>; label: string; button: string; pendingLabel: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(action);
  const error = state.fieldErrors?.reason;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="mt-2 space-y-2" noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="flex-1">
          <label htmlFor={id} className="sr-only">
            {label}
          </label>
          <input
            id={id}
            name="reason"
            type="text"
            maxLength={1000}
            placeholder={label}
            defaultValue={state.values?.reason ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="input py-1.5 text-sm"
          />
          {error ? (
            <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
              {error.join(" ")}
            </p>
          ) : null}
        </div>
        <SubmitButton variant="secondary" pendingLabel={pendingLabel}>
          {button}
        </SubmitButton>
      </div>
    </form>
  );
}
