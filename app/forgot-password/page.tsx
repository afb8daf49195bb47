import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account-email-forms";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Forgot your password?</h1>
      <p className="mb-8 text-stone-600">Enter the email address of your account and we&apos;ll send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </div>
  );
}
