import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";

export const metadata: Metadata = { title: "Email address confirmed" };

export default function EmailConfirmedPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Your email address is confirmed</h1>
      <p className="mb-8 text-stone-600">Thank you. You can now publish, comment and report.</p>
      <IntentLink href="/studio" className="btn-primary">
        Go to your studio
      </IntentLink>
    </div>
  );
}
