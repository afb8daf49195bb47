import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getMyImport } from "@/lib/data/imports";
import { isAppError } from "@/lib/errors";
import { ImportStatusBadge } from "@/components/porting/import-summary";
import { RefreshWhileRunning } from "@/components/porting/import-progress";
import { pluralize } from "@/components/format";

export const metadata: Metadata = { title: "Import" };

const outcomeLabel = { published: "would be published", submitted: "would wait for review", draft: "would be a draft", skipped: "already here: skipped" } as const;

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/settings/data/imports/${encodeURIComponent(id)}`);
  const job = await getMyImport(viewer, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!job) notFound();
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  // A site import's dry run: the members it would create (authors and commenters), each once.
  const newMembers = [...new Map(job.planned.flatMap((p) => p.newMembers ?? []).map((m) => [m.email ?? `guest:${m.name}`, m])).values()];
  const plannedComments = job.planned.reduce((sum, p) => sum + (p.comments ?? 0), 0);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <RefreshWhileRunning running={running} />
      <p className="mb-2 text-sm">
        <IntentLink href={job.site ? "/admin/import" : "/settings/data"} className="link">
          {job.site ? "← Import a site" : "← Your data"}
        </IntentLink>
      </p>
      <h1 className="break-all font-serif text-3xl font-bold">
        {job.dryRun ? "Dry run: " : "Import: "}
        {job.fileName}
      </h1>
      <p className="mb-6 mt-2 flex flex-wrap items-center gap-2 text-stone-600">
        <ImportStatusBadge status={job.status} /> into <IntentLink href={`/${job.community.slug}`} className="link">{job.community.name}</IntentLink>
      </p>

      <div role="status" aria-live="polite" className="mb-8 space-y-3">
        {job.status === "QUEUED" ? <p>Waiting to start…</p> : null}
        {job.status === "RUNNING" ? (
          <>
            <p>
              Working on {job.processed + 1 > job.total ? job.total : job.processed + 1} of {job.total}
              {job.currentItem ? (
                <>
                  : <code className="break-all">{job.currentItem}</code>
                </>
              ) : null}
            </p>
            <div className="h-2 w-full overflow-hidden rounded-full bg-stone-200" aria-hidden>
              <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
          </>
        ) : null}
        {job.status === "FAILED" ? <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">The import stopped: {job.failure}</p> : null}
        {job.status === "DONE" ? (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {job.dryRun
              ? `Nothing was created. ${pluralize(job.created, "story", "stories")} would be created, ${job.skipped} skipped as already here, ${job.failed} can't be imported.`
              : `Finished: ${pluralize(job.created, "story", "stories")} created, ${job.skipped} skipped as already here, ${job.failed} not imported.`}
            {!job.dryRun && !job.site && job.created > 0 ? (
              <>
                {" "}
                <IntentLink href="/studio" className="link">
                  See them in your studio
                </IntentLink>
                .
              </>
            ) : null}
          </p>
        ) : null}
      </div>

      <dl className="mb-8 grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
        {[
          [job.dryRun ? "Would create" : "Created", job.created],
          ["Skipped", job.skipped],
          ["Not imported", job.failed],
          ["Items", job.total],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 px-2 py-3">
            <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>

      {job.errors.length > 0 ? (
        <section aria-labelledby="errors-heading" className="mb-8">
          <h2 id="errors-heading" className="mb-3 font-serif text-xl font-bold">
            Not imported
          </h2>
          <ul className="space-y-2 text-sm">
            {job.errors.map((error, i) => (
              <li key={i} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2">
                <code className="break-all font-semibold">{error.entry}</code>: {error.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {job.dryRun && job.site && job.status === "DONE" ? (
        <section aria-labelledby="members-heading" className="mb-8">
          <h2 id="members-heading" className="mb-3 font-serif text-xl font-bold">
            Members an import would create
          </h2>
          <p className="mb-3 text-sm text-stone-600">
            {pluralize(newMembers.length, "new member")} (unconfirmed, without a password) and {pluralize(plannedComments, "comment")}. Everyone else is matched to a member here by email.
          </p>
          {newMembers.length > 0 ? (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm">
              {newMembers.map((m) => (
                <li key={m.email ?? m.name} className="break-all px-3 py-2">
                  {m.name} <span className="text-stone-600">{m.email ?? "(a guest: left no address)"}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {job.dryRun && job.planned.length > 0 ? (
        <section aria-labelledby="planned-heading">
          <h2 id="planned-heading" className="mb-3 font-serif text-xl font-bold">
            What an import would do
          </h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm">
            {job.planned.map((item, i) => (
              <li key={i} className="px-3 py-2">
                <span className="font-medium">{item.title}</span> <span className="text-stone-600">{outcomeLabel[item.outcome]}</span>
                {item.author ? (
                  <span className="block text-stone-600">
                    by {item.author.name}
                    {item.author.email ? ` <${item.author.email}>` : ""}
                    {item.author.isNew ? " (a new member, unconfirmed)" : " (a member here)"}
                    {item.comments ? `, with ${pluralize(item.comments, "comment")}` : ""}
                  </span>
                ) : null}
                <br />
                <code className="break-all text-xs text-stone-500">{item.entry}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
