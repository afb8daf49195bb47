import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { getMyEmail } from "@/lib/data/account-changes";
import { ACCOUNT_DELETION_GRACE_DAYS } from "@/lib/domain/account-deletion";
import { CancelEmailChangeForm, ChangeEmailForm, ChangePasswordForm, DeleteAccountForm, SignOutEverywhereForm } from "@/components/account-security-forms";

export const metadata: Metadata = { title: "Password and sessions" };

const section = "mb-10 border-b border-stone-200 pb-8";

export default async function AccountSettingsPage() {
  const viewer = await requireViewer("/settings/account");
  const { email, pendingEmail } = await getMyEmail(viewer);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Password and sessions</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Your email address, password and sessions, and deleting your account. Back to{" "}
        <IntentLink href="/settings/profile" className="link">
          your profile settings
        </IntentLink>
        .
      </p>
      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="mb-2 font-serif text-xl font-bold">
          Email address
        </h2>
        <p className="mb-5 text-sm text-stone-600">
          You sign in with <strong className="break-all">{email}</strong>, and we write to it. A new address takes effect once you open the link we send to it; we then tell the old one.
        </p>
        {pendingEmail ? (
          <div className="mb-5 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="pending-email">
            <p className="mb-2">
              Waiting for you to confirm <strong className="break-all">{pendingEmail}</strong>: open the link we sent there (it works for 24 hours).
            </p>
            <CancelEmailChangeForm />
          </div>
        ) : null}
        <ChangeEmailForm />
      </section>
      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="mb-2 font-serif text-xl font-bold">
          Change your password
        </h2>
        <p className="mb-5 text-sm text-stone-600">Every other browser and device signed in to your account is signed out; this one stays signed in.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="mb-2 font-serif text-xl font-bold">
          Sign out of all devices
        </h2>
        <p className="mb-5 text-sm text-stone-600">
          Lost a phone, or signed in on a shared computer? This ends every session of your account, this one included. Signing out from the menu does the same.
        </p>
        <SignOutEverywhereForm />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="mb-2 font-serif text-xl font-bold text-red-800">
          Delete your account
        </h2>
        <p className="mb-5 text-sm text-stone-600">
          Your account is deleted {ACCOUNT_DELETION_GRACE_DAYS} days after you ask; you are signed out everywhere now, and signing in before then cancels it. Your profile, comments,
          hearts, bookmarks and follows go with it; you choose what happens to your published stories.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
