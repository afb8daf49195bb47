"use client";
import { useEffect } from "react";
import { useFormStatus } from "react-dom";
import { useRouter } from "next/navigation";
import { cancelEmailChangeAction, changeEmailAction, changePasswordAction, deleteAccountAction, signOutEverywhereAction } from "@/lib/actions/account";
import { ACCOUNT_DELETION_GRACE_DAYS, FORMER_MEMBER_NAME } from "@/lib/domain/account-deletion";
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

/** The new address and the current password; a link goes to the new address, and the page then shows it as waiting. */
export function ChangeEmailForm() {
  const { state, formAction, formKey, formRef } = useActionForm(changeEmailAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok ? <FormMessage tone="success" message={state.message} /> : null}
      <Field name="newEmail" label="New email address" errors={state.fieldErrors?.newEmail}>
        {(props) => <input {...props} type="email" autoComplete="email" required defaultValue={state.ok ? "" : state.values?.newEmail} className="input" />}
      </Field>
      <Field name="currentPassword" id="field-email-currentPassword" label="Current password" errors={state.fieldErrors?.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required className="input" />}
      </Field>
      <SubmitButton pendingLabel="Sending link…">Send confirmation link</SubmitButton>
    </form>
  );
}

/** Forgets the address waiting for confirmation. */
export function CancelEmailChangeForm() {
  const { state, formAction, formKey, formRef } = useActionForm(cancelEmailChangeAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="inline">
      <FormMessage message={state.message} />
      <SubmitButton variant="secondary" pendingLabel="Cancelling…">
        Cancel this change
      </SubmitButton>
    </form>
  );
}

/** What happens to the stories, the password, a confirming tick; success signs out and leaves for /account-deletion. */
export function DeleteAccountForm() {
  const { state, formAction, formKey, formRef } = useActionForm(deleteAccountAction);
  const storiesError = state.fieldErrors?.stories;
  const confirmError = state.fieldErrors?.confirm;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <fieldset aria-describedby={storiesError ? "field-stories-error" : undefined}>
        <legend className="mb-2 text-sm font-semibold text-stone-800">Your published stories</legend>
        <div className="space-y-2">
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="stories" value="keep" defaultChecked={state.values?.stories === "keep"} aria-invalid={storiesError ? true : undefined} className="mt-1" />
            <span>
              <strong>Keep them</strong> on the site, shown as by “{FORMER_MEMBER_NAME}” (drafts and unpublished stories are deleted)
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="stories" value="delete" defaultChecked={state.values?.stories === "delete"} aria-invalid={storiesError ? true : undefined} className="mt-1" />
            <span>
              <strong>Delete them</strong> with the account
            </span>
          </label>
        </div>
        {storiesError ? (
          <p id="field-stories-error" className="mt-1 text-sm font-medium text-red-700">
            {storiesError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field name="currentPassword" id="field-delete-currentPassword" label="Your password" errors={state.fieldErrors?.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required className="input" />}
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" defaultChecked={state.values?.confirm === "on"} aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError ? "field-confirm-error" : undefined} className="mt-1" />
          <span>I understand my account will be deleted in {ACCOUNT_DELETION_GRACE_DAYS} days unless I sign in before then.</span>
        </label>
        {confirmError ? (
          <p id="field-confirm-error" className="mt-1 text-sm font-medium text-red-700">
            {confirmError.join(" ")}
          </p>
        ) : null}
      </div>
      <DeleteButton />
    </form>
  );
}

function DeleteButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="btn bg-red-700 text-white hover:bg-red-800">
      {pending ? "Scheduling deletion…" : "Delete my account"}
    </button>
  );
}
