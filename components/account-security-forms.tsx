"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/actions/account";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";

/** Current password, then the new one twice. The server never sends a password back: after any answer the fields start empty. */
export function ChangePasswordForm() {
  const { state, formAction, formKey, formRef } = useActionForm(changePasswordAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok ? <FormMessage tone="success" message={state.message} /> : null}
      <Field name="currentPassword" label="Current password" errors={state.fieldErrors?.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required className="input" />}
      </Field>
      <Field name="newPassword" label="New password" errors={state.fieldErrors?.newPassword} hint="At least 8 characters.">
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} className="input" />}
      </Field>
      <Field name="confirmPassword" label="New password, again" errors={state.fieldErrors?.confirmPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}

/** Ends every session, this one included, then goes to the sign-in page. */
export function SignOutEverywhereForm() {
  const { state, formAction, formKey, formRef } = useActionForm(signOutEverywhereAction);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.push("/signin?callbackUrl=%2Fsettings%2Faccount");
  }, [state.ok, router]);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel="Signing out…" variant="secondary">
        Sign out of all devices
      </SubmitButton>
    </form>
  );
}
