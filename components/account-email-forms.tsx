"use client";
import { IntentLink } from "@/components/intent-link";
import { confirmEmailAction, confirmEmailChangeAction, requestPasswordResetAction, resendEmailConfirmationAction, resetPasswordAction } from "@/lib/actions/account-email";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

export function ForgotPasswordForm() {
  const { state, formAction, formKey, formRef } = useActionForm(requestPasswordResetAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Field name="email" label="Email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} type="email" autoComplete="email" required defaultValue={state.values?.email} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Sending…">Send me a reset link</SubmitButton>
      <p className="text-sm text-stone-600">
        Remembered it?{" "}
        <IntentLink href="/signin" className="link font-semibold">
          Sign in
        </IntentLink>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(resetPasswordAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      {state.message && !state.fieldErrors ? (
        <p className="text-sm">
          <IntentLink href="/forgot-password" className="link font-semibold">
            Ask for a new link
          </IntentLink>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field name="newPassword" label="New password" errors={state.fieldErrors?.newPassword ?? state.fieldErrors?.token} hint="At least 8 characters.">
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} className="input" />}
      </Field>
      <Field name="confirmPassword" label="New password, again" errors={state.fieldErrors?.confirmPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required className="input" />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}

export function ConfirmEmailForm({ token }: { token: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(confirmEmailAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm my email address</SubmitButton>
    </form>
  );
}

export function ResendConfirmationForm() {
  const { state, formAction, formKey, formRef } = useActionForm(resendEmailConfirmationAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="inline">
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className="mr-2 font-semibold">
          {state.message}
        </span>
      ) : null}
      {state.ok ? null : (
        <button type="submit" className="link whitespace-nowrap font-semibold">
          Send the link again
        </button>
      )}
    </form>
  );
}

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(confirmEmailChangeAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Changing…">Use this address</SubmitButton>
    </form>
  );
}
