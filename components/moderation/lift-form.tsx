"use client";
import { liftRestrictionAction } from "@/lib/actions/accounts";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Staff: ends one restriction early, with a reason. */
export function LiftForm({ restrictionId, userId }: { restrictionId: string; userId: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(liftRestrictionAction.bind(null, restrictionId, userId));
  const id = `lift-${restrictionId}`;
  const error = state.fieldErrors?.reason;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="mt-2 space-y-2" noValidate>
      <FormMessage message={state.message} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="flex-1">
          <label htmlFor={id} className="sr-only">
            Reason for lifting
          </label>
          <input
            id={id}
            name="reason"
            type="text"
            maxLength={1000}
            placeholder="Reason for lifting"
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
        <SubmitButton variant="secondary" pendingLabel="Lifting…">
          Lift
        </SubmitButton>
      </div>
    </form>
  );
}
