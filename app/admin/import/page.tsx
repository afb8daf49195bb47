import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCommunities } from "@/lib/data/communities";
import { listMyImports, SITE_IMPORT_FORMATS } from "@/lib/data/imports";
import { IMPORT_FORMATS } from "@/lib/porting/formats";
import { ImportForm } from "@/components/porting/import-form";
import { ImportList } from "@/components/porting/import-summary";

export const metadata: Metadata = { title: "Import a site" };

// The upload checks the permission in the data layer (lib/data/imports.ts startImport, "site:import").
export default async function AdminImportPage() {
  const viewer = await requireViewer("/admin/import");
  if (!can(viewer, "site:import")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can import another site.</p>;
  }
  const [communities, imports] = await Promise.all([listCommunities(), listMyImports(viewer, { site: true })]);
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-2xl font-bold">Import another platform&apos;s site</h1>
      <p className="mb-3 mt-2 text-sm text-stone-600">
        A Ghost export (the JSON, or a zip with <code>content/images</code>) or a WordPress export (the WXR file, or a zip with <code>wp-content/uploads</code>). Each post goes to
        its own author: a member here with the same email address, or a new member created for them, unconfirmed and without a password (they set one with &ldquo;Forgot your
        password?&rdquo;, which also confirms the address). WordPress comments that were approved come with their posts, threaded, each under its commenter (matched or created
        the same way; one who left no address becomes a guest member who gets no mail).
      </p>
      <p className="mb-6 text-sm text-stone-600">
        Posts published there are published here with their dates, within the community&apos;s rules (others wait for review); drafts stay drafts. No one is emailed. Importing
        the same file again creates nothing twice. Members who import their own writing use <IntentLink href="/settings/data" className="link">Your data</IntentLink> instead.
      </p>
      <section aria-labelledby="site-import-heading" className="border-b border-stone-200 pb-8">
        <h2 id="site-import-heading" className="mb-4 font-serif text-xl font-bold">
          Upload an export
        </h2>
        <ImportForm
          site
          formats={IMPORT_FORMATS.filter((f) => SITE_IMPORT_FORMATS.includes(f.value)).map((f) => ({ value: f.value, label: f.label }))}
          communities={communities.map((c) => ({ value: c.slug, label: c.name }))}
        />
      </section>
      <section aria-labelledby="site-imports-heading" className="mt-8">
        <h2 id="site-imports-heading" className="mb-3 font-serif text-xl font-bold">
          Your site imports
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-stone-600">You haven&apos;t imported a site yet.</p>
        ) : (
          <ImportList imports={imports} />
        )}
      </section>
    </div>
  );
}
