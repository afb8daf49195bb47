"use client";
import { IntentLink } from "@/components/intent-link";
import { signInAction, signUpAction } from "@/lib/actions/auth";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ReturnToField, ReturnToLink } from "@/components/forms/return-to";

/** `siteName`: from the site settings (the page reads it). */
export function SignInForm({ siteName }: { siteName: string }) {
  const { state, formAction, formKey, formRef } = useActionForm(signInAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <ReturnToField />
      <Field name="email" label="Email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} type="email" autoComplete="email" required defaultValue={state.values?.email} className="input" />}
      </Field>
      <Field name="password" label="Password" errors={state.fieldErrors?.password} hint={<IntentLink href="/forgot-password" className="link">Forgot password?</IntentLink>}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required className="input" />}
      </Field>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <p className="text-sm text-stone-600">
        New to {siteName}?{" "}
        <ReturnToLink href="/signup" className="link font-semibold">
          Create an account
        </ReturnToLink>
      </p>
    </form>
  );
}

export function SignUpForm() {
  const { state, formAction, formKey, formRef } = useActionForm(signUpAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <ReturnToField />
      <Field name="name" label="Name" errors={state.fieldErrors?.name} hint="Shown on your stories and profile.">
        {(props) => <input {...props} type="text" autoComplete="name" required maxLength={80} defaultValue={state.values?.name} className="input" />}
      </Field>
      <Field name="email" label="Email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} type="email" autoComplete="email" required defaultValue={state.values?.email} className="input" />}
      </Field>
      <Field name="password" label="Password" errors={state.fieldErrors?.password} hint="At least 8 characters.">
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={8} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      <p className="text-sm text-stone-600">
        Already have an account?{" "}
        <ReturnToLink href="/signin" className="link font-semibold">
          Sign in
        </ReturnToLink>
      </p>
    </form>
  );
}
