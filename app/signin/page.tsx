import type { Metadata } from "next";
import { SignInForm } from "@/components/auth-forms";
import { cachedBranding } from "@/lib/cache/public";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const { siteName } = await cachedBranding();
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Welcome back</h1>
      <p className="mb-8 text-stone-600">Sign in to write, comment and follow creators.</p>
      <SignInForm siteName={siteName} />
    </div>
  );
}
