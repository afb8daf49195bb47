import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { listCommunities } from "@/lib/data/communities";
import { listMyImports } from "@/lib/data/imports";
import { IMPORT_FORMATS } from "@/lib/porting/formats";
import { ImportForm } from "@/components/porting/import-form";
import { ImportList } from "@/components/porting/import-summary";

export const metadata: Metadata = { title: "Your data" };

export default async function DataSettingsPage() {
  const viewer = await requireViewer("/settings/data");
  const [communities, imports] = await Promise.all([listCommunities(), listMyImports(viewer)]);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">Your data</h1>
      <p className="mb-8 mt-2 text-stone-600">
        Everything you wrote here is yours to take with you. Back to{" "}
        <IntentLink href="/settings/profile" className="link">
          your profile settings
        </IntentLink>
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
      <section aria-labelledby="import-heading" className="mb-10 border-b border-stone-200 pb-8">
        <h2 id="import-heading" className="mb-2 font-serif text-xl font-bold">
          Import stories
        </h2>
        <p className="mb-5 text-sm text-stone-600">
          Bring your writing from another Storyhouse, from Ghost, WordPress or Medium exports, or from any tool that writes Markdown files with front matter (title, subtitle, tags,
          date, hero image). Stories that were published elsewhere are published here with their dates (or sent for review if your stories are reviewed first); drafts stay drafts.
          Importing the same file again creates nothing twice.
        </p>
        <ImportForm formats={IMPORT_FORMATS.map((f) => ({ value: f.value, label: f.label }))} communities={communities.map((c) => ({ value: c.slug, label: c.name }))} />
      </section>
      <section aria-labelledby="imports-heading">
        <h2 id="imports-heading" className="mb-3 font-serif text-xl font-bold">
          Your imports
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-stone-600">You haven&apos;t imported anything yet.</p>
        ) : (
          <ImportList imports={imports} />
        )}
      </section>
    </div>
  );
}
