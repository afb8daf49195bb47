import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your data" };

export default async function DataSettingsPage() {
  await requireViewer("/settings/data");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Your data</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Everything you wrote here is yours to take with you. Back to{" "}
        <Link href="/settings/profile" className="link">
          your profile settings
        </Link>
        .
      </p>
      <section aria-labelledby="download-heading" className="mb-10 border-b border-stone-200 pb-8">
        <h2 id="download-heading" className="mb-2 font-serif text-xl font-bold">
          Download my data
        </h2>
        <p className="mb-3 text-sm text-stone-600">
          One zip file with every story you haven&apos;t deleted (published, drafts, waiting for review) as Markdown with its title, subtitle, tags and dates at the top, the images they
          use, the comments you wrote, and your profile.
        </p>
        <p className="mb-5 text-sm text-stone-600">
          The format is described in the <code>README.md</code> inside the zip. Any Storyhouse site imports it again, so you can move your writing between sites.
        </p>
        <a href="/settings/data/download" download className="btn-primary">
          Download my data (.zip)
        </a>
      </section>
    </div>
  );
}
