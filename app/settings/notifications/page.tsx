import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getMyEmailPreferences } from "@/lib/data/email-preferences";
import { EmailPreferencesForm } from "@/components/email-preference-forms";

export const metadata: Metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer("/settings/notifications");
  const { email, confirmed, ...prefs } = await getMyEmailPreferences(viewer);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Email settings</h1>
      <p className="mb-8 mt-2 text-stone-600">
        We write to <strong>{email}</strong>.{" "}
        {confirmed ? null : "Confirm that address first (see the banner above): until then we only send the confirmation link. "}
        Back to{" "}
        <Link href="/settings/profile" className="link">
          your profile settings
        </Link>
        .
      </p>
      <EmailPreferencesForm initial={prefs} />
    </div>
  );
}
