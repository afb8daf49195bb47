import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { getMyEmailPreferences } from "@/lib/data/email-preferences";
import { ClearMyEmailStopForm, EmailPreferencesForm } from "@/components/email-preference-forms";

export const metadata: Metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer("/settings/notifications");
  const { email, confirmed, stopped, ...prefs } = await getMyEmailPreferences(viewer);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Email settings</h1>
      <p className="mb-8 mt-2 text-stone-600">
        We write to <strong>{email}</strong>.{" "}
        {confirmed ? null : "Confirm that address first (see the banner above): until then we only send the confirmation link. "}
        Back to{" "}
        <IntentLink href="/settings/profile" className="link">
          your profile settings
        </IntentLink>
        .
      </p>
      {stopped ? (
        <section aria-labelledby="stopped-heading" className="mb-8 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="email-stopped-notice">
          <h2 id="stopped-heading" className="mb-1 font-semibold">
            We stopped sending email to {email}
          </h2>
          <p className="mb-3">
            {stopped.reason || "Your mail provider refused our email"} ({stopped.at.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}). Until this is cleared, you get no email from us at all, password resets included. If your mailbox works again, or you{" "}
            <IntentLink href="/settings/account" className="link">
              changed to another address
            </IntentLink>
            , turn email back on:
          </p>
          <ClearMyEmailStopForm />
        </section>
      ) : null}
      <EmailPreferencesForm initial={prefs} />
    </div>
  );
}
