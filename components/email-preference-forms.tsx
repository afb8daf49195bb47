"use client";
import { IntentLink } from "@/components/intent-link";
import { clearMyEmailStopAction, unsubscribeAction, updateEmailPreferencesAction } from "@/lib/actions/email-preferences";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { EMAIL_KINDS, EMAIL_KIND_NAMES, type EmailKind } from "@/lib/domain/email-preferences";

export function EmailPreferencesForm({ initial }: { initial: Record<EmailKind, boolean> }) {
  const { state, formAction, formKey, formRef } = useActionForm(updateEmailPreferencesAction);
  // After a save, the boxes show what was sent; before, what is stored.
  const checked = (kind: EmailKind) => (state.values ? state.values[kind] === "on" : initial[kind]);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5">
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-stone-800">Email me about</legend>
        {EMAIL_KIND_NAMES.map((kind) => (
          <label key={kind} className="flex items-start gap-3 text-stone-800">
            <input type="checkbox" name={kind} defaultChecked={checked(kind)} className="mt-1 size-4 shrink-0" />
            <span>{EMAIL_KINDS[kind].label}</span>
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-stone-600">Emails about restrictions on your account, password resets and address confirmation are always sent.</p>
      <SubmitButton pendingLabel="Saving…">Save email settings</SubmitButton>
    </form>
  );
}

export function UnsubscribeForm({ u, k, s }: { u: string; k: EmailKind; s: string }) {
  const { state, formAction, formKey } = useActionForm(unsubscribeAction);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormMessage message={state.message} tone="success" />
        <p className="text-sm text-stone-600">
          Changed your mind? <IntentLink href="/settings/notifications" className="link font-semibold">Choose which emails you get</IntentLink> (after signing in).
        </p>
      </div>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-4">
      <FormMessage message={state.message} />
      <input type="hidden" name="u" value={u} />
      <input type="hidden" name="k" value={k} />
      <input type="hidden" name="s" value={s} />
      <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
    </form>
  );
}

/** The member's address works again: mail to it is turned back on (a new bounce stops it again). */
export function ClearMyEmailStopForm() {
  const { state, formAction, formKey, formRef } = useActionForm(clearMyEmailStopAction);
  return (
    <form key={formKey} ref={formRef} action={formAction}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton variant="secondary" pendingLabel="Turning email on…">
        My address works: send me email again
      </SubmitButton>
    </form>
  );
}
