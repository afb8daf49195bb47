import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { ACCOUNT_DELETION_GRACE_DAYS } from "@/lib/domain/account-deletion";

export const metadata: Metadata = { title: "Your account will be deleted", robots: { index: false } };

/** Where asking to delete one's account ends (signed out): when, and how to change one's mind. */
export default async function AccountDeletionPage({ searchParams }: { searchParams: Promise<{ on?: string | string[] }> }) {
  const { on } = await searchParams;
  const day = typeof on === "string" && /^\d{4}-\d{2}-\d{2}$/.test(on) ? new Date(`${on}T00:00:00Z`) : null;
  const when = day && !Number.isNaN(day.getTime()) ? `on ${day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}` : `in ${ACCOUNT_DELETION_GRACE_DAYS} days`;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Your account will be deleted {when}</h1>
      <p className="mb-4 text-stone-600">You are signed out everywhere. We&apos;ve emailed you the details.</p>
      <p className="mb-8 text-stone-600">Changed your mind? Sign in before then and your account stays exactly as it was.</p>
      <IntentLink href="/signin" className="btn-secondary">
        Sign in to keep my account
      </IntentLink>
    </div>
  );
}
