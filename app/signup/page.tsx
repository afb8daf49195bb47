import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth-forms";
import { cachedBranding } from "@/lib/cache/public";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  const { siteName } = await cachedBranding();
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Join {siteName}</h1>
      <p className="mb-8 text-stone-600">Publish your stories, follow creators and join the conversation.</p>
      <SignUpForm />
    </div>
  );
}
