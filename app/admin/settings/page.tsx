import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getSettingsForEditing } from "@/lib/data/settings";
import { RATE_RULES } from "@/lib/data/rate-limits";
import { NEW_ACCOUNT_LINKS_PER_COMMENT } from "@/lib/content/spam";
import { SettingsForm } from "@/components/admin/settings-form";
import { BrandingForm } from "@/components/admin/branding-form";
import { getBrandingForEditing } from "@/lib/data/branding";

export const metadata: Metadata = { title: "Site settings" };

const limits = [
  ["Comments, everyone", RATE_RULES.comment],
  ["Comments, new accounts", RATE_RULES.commentNewAccount],
  ["Reports, everyone", RATE_RULES.report],
  ["Reports, new accounts", RATE_RULES.reportNewAccount],
  ["Sign-ups per network address", RATE_RULES.signUpPerIp],
  ["Failed sign-ins per account", RATE_RULES.signInPerAccount],
  ["Failed sign-ins per network address", RATE_RULES.signInPerIp],
] as const;

function per(seconds: number) {
  return seconds % 3600 === 0 ? `${seconds / 3600 === 1 ? "hour" : `${seconds / 3600} hours`}` : `${seconds / 60} minutes`;
}

export default async function AdminSettingsPage() {
  const viewer = await requireViewer("/admin/settings");
  if (!can(viewer, "settings:manage")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can change site settings.</p>;
  }
  const [settings, branding] = await Promise.all([getSettingsForEditing(viewer), getBrandingForEditing(viewer)]);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <section aria-labelledby="settings-heading">
        <h1 id="settings-heading" className="sr-only">
          Site settings
        </h1>
        <section aria-labelledby="branding-heading" className="mb-12 space-y-4 border-b border-stone-200 pb-12">
          <h2 id="branding-heading" className="font-serif text-2xl font-bold">
            Branding
          </h2>
          <BrandingForm initial={{ ...branding, logoUrl: branding.logoUrl ?? "", faviconUrl: branding.faviconUrl ?? "", accentColor: branding.accentColor ?? "" }} />
        </section>
        <h2 className="mb-4 font-serif text-2xl font-bold">Moderation and limits</h2>
        <SettingsForm initial={settings} />
      </section>
      <aside aria-labelledby="limits-heading" className="h-fit rounded-xl border border-stone-200 bg-stone-50 p-4 text-sm">
        <h2 id="limits-heading" className="font-semibold text-stone-800">
          Spam limits in force
        </h2>
        <p className="mt-1 text-stone-600">
          New accounts (under a day old, or with no story that went live) get the tighter limits and at most {NEW_ACCOUNT_LINKS_PER_COMMENT} links per comment. Moderators and
          admins are exempt from the comment limits. Counters live in the database, so they hold across app processes.
        </p>
        <dl className="mt-3 space-y-2">
          {limits.map(([label, rule]) => (
            <div key={label} className="flex justify-between gap-3">
              <dt className="text-stone-600">{label}</dt>
              <dd className="whitespace-nowrap font-medium text-stone-900">
                {rule.limit} / {per(rule.windowSeconds)}
              </dd>
            </div>
          ))}
        </dl>
      </aside>
    </div>
  );
}
