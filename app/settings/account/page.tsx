import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { ChangePasswordForm, SignOutEverywhereForm } from "@/components/account-security-forms";

export const metadata: Metadata = { title: "Password and sessions" };

export default async function AccountSettingsPage() {
  await requireViewer("/settings/account");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Password and sessions</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Back to{" "}
        <Link href="/settings/profile" className="link">
          your profile settings
        </Link>
        .
      </p>
      <section aria-labelledby="password-heading" className="mb-10 border-b border-stone-200 pb-8">
        <h2 id="password-heading" className="mb-2 font-serif text-xl font-bold">
          Change your password
        </h2>
        <p className="mb-5 text-sm text-stone-600">Every other browser and device signed in to your account is signed out; this one stays signed in.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2 font-serif text-xl font-bold">
          Sign out of all devices
        </h2>
        <p className="mb-5 text-sm text-stone-600">
          Lost a phone, or signed in on a shared computer? This ends every session of your account, this one included. Signing out from the menu does the same.
        </p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
