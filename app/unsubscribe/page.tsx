import type { Metadata } from "next";
import { unsubscribeSchema } from "@/lib/validation/settings";
import { EMAIL_KINDS } from "@/lib/domain/email-preferences";
import { UnsubscribeForm } from "@/components/email-preference-forms";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** From an email's footer, no sign-in needed: one button turns that kind of email off. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = unsubscribeSchema.safeParse(await searchParams);
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 font-serif text-3xl font-bold">Unsubscribe</h1>
      {query.success ? (
        <>
          <p className="mb-8 text-stone-600">Stop emails about {EMAIL_KINDS[query.data.k].label.toLowerCase()}?</p>
          <UnsubscribeForm {...query.data} />
        </>
      ) : (
        <p className="text-stone-600">This unsubscribe link is not complete. Open it again from the email, or sign in and change your email settings.</p>
      )}
    </div>
  );
}
