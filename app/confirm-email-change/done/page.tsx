import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";

export const metadata: Metadata = { title: "Email address changed" };

export default function EmailChangedPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Your email address is changed</h1>
      <p className="mb-8 text-stone-600">Sign in with the new address from now on. Your password stays the same.</p>
      <IntentLink href="/settings/account" className="btn-primary">
        Go to your account settings
      </IntentLink>
    </div>
  );
}
