import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";

export const metadata: Metadata = { title: "Check your email" };

/** Where sign-up ends when the address already has an account: its owner got an email (the page says nothing of the account). */
export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Check your email</h1>
      <p className="mb-6 text-stone-600">We&apos;ve sent a message to the address you gave. Follow it to continue.</p>
      <p className="text-sm text-stone-600">
        Nothing arrived after a few minutes? Check your spam folder, or{" "}
        <IntentLink href="/signin" className="link font-semibold">
          sign in
        </IntentLink>
        .
      </p>
    </div>
  );
}
