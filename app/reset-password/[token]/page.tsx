import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/account-email-forms";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Choose a new password</h1>
      <p className="mb-8 text-stone-600">Setting it signs your account out everywhere else.</p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
