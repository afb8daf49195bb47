"use client";
import { answerAppealAction, createAppealAction } from "@/lib/actions/accounts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** The subject of a decision: asks an admin to look at it again (once). */
export function AppealForm({ actionId }: { actionId: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(createAppealAction.bind(null, actionId));
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <Field name="text" id="appeal-text" label="Your appeal" errors={state.fieldErrors?.text} hint="Explain why you think this decision was wrong (10 to 2,000 characters). You can appeal each decision once; an admin answers.">
        {(props) => <textarea {...props} rows={5} minLength={10} maxLength={2000} defaultValue={state.values?.text ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Sending…">Send appeal</SubmitButton>
    </form>
  );
}

/** Admins: uphold or overturn an appeal, with the answer the user sees. */
export function AnswerAppealForm({ appealId }: { appealId: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(answerAppealAction.bind(null, appealId));
  const decision = state.values?.decision;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <fieldset aria-describedby={state.fieldErrors?.decision ? `decision-${appealId}-error` : undefined}>
        <legend className="text-sm font-semibold text-stone-800">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="decision" value="UPHOLD" defaultChecked={decision === "UPHOLD"} /> Uphold (the decision stands)
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="decision" value="OVERTURN" defaultChecked={decision === "OVERTURN"} /> Overturn (undo it)
          </label>
        </div>
        {state.fieldErrors?.decision ? (
          <p id={`decision-${appealId}-error`} className="mt-1 text-sm font-medium text-red-700">
            {state.fieldErrors.decision.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field name="response" id={`response-${appealId}`} label="Answer" errors={state.fieldErrors?.response} hint="The user sees this answer.">
        {(props) => <textarea {...props} rows={3} maxLength={1000} defaultValue={state.values?.response ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Sending…">Send answer</SubmitButton>
    </form>
  );
}
