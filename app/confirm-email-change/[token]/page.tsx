import type { Metadata } from "next";
import { ConfirmEmailChangeForm } from "@/components/account-email-forms";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

// A button rather than confirming on sight: mail scanners open links to check them.
export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Confirm your new email address</h1>
      <p className="mb-8 text-stone-600">Your account will sign in with this address and get its email here. We&apos;ll tell the old address.</p>
      <ConfirmEmailChangeForm token={token} />
    </div>
  );
}
