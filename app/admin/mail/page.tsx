import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getMailFile, getMailOverview, type MailFileDetail } from "@/lib/data/admin-mail";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/components/format";
import { RetryJobForm } from "@/components/admin/retry-job-form";

export const metadata: Metadata = { title: "Mail" };

export default async function AdminMailPage({ searchParams }: { searchParams: Promise<{ file?: string }> }) {
  const viewer = await requireViewer("/admin/mail");
  if (!can(viewer, "settings:manage")) {
    return <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">Only admins can see the site&apos;s mail.</p>;
  }
  const { file } = await searchParams;
  const [overview, opened] = await Promise.all([getMailOverview(viewer), file ? getMailFile(viewer, file).catch((e) => (isAppError(e) ? null : Promise.reject(e))) : null]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="mail-heading">
        <h1 id="mail-heading" className="font-serif text-2xl font-bold">
          Mail
        </h1>
        <p className="mt-2 text-sm text-stone-600">
          {overview.transport === "smtp"
            ? "Mail is sent through the SMTP server in SMTP_URL."
            : `No SMTP_URL is set: every message is written to ${overview.dir} and listed here instead of being sent. The README says how to use a real SMTP server.`}{" "}
          {overview.counts.sent} sent, {overview.counts.queued} waiting, {overview.counts.skipped} skipped (no longer wanted).
        </p>
      </section>

      <section aria-labelledby="dead-heading">
        <h2 id="dead-heading" className="font-serif text-xl font-bold">
          Failed jobs
        </h2>
        {overview.deadJobs.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">None: every job either ran or is still being retried.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200">
            {overview.deadJobs.map((job) => (
              <li key={job.id} className="flex flex-wrap items-start justify-between gap-3 p-4 text-sm">
                <div className="min-w-0">
                  <p className="font-semibold">
                    {job.task} <span className="font-normal text-stone-500">after {job.attempts} attempts, last {formatDateTime(job.updatedAt)}</span>
                  </p>
                  <p className="break-all font-mono text-xs text-stone-600">{job.payload}</p>
                  <p className="mt-1 break-words text-red-800">{job.lastError}</p>
                </div>
                <RetryJobForm jobId={job.id} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {overview.transport === "files" ? (
        <section aria-labelledby="files-heading" className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <div>
            <h2 id="files-heading" className="font-serif text-xl font-bold">
              Messages
            </h2>
            {overview.files.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">No message has been written yet.</p>
            ) : (
              <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 text-sm">
                {overview.files.map((m) => (
                  <li key={m.file}>
                    <IntentLink href={`/admin/mail?file=${encodeURIComponent(m.file)}`} aria-current={m.file === file ? "true" : undefined} className="block p-3 hover:bg-stone-50 aria-[current]:bg-amber-50">
                      <span className="block font-semibold">{m.subject}</span>
                      <span className="block break-all text-stone-600">{m.to}</span>
                      {m.date ? <span className="block text-xs text-stone-500">{formatDateTime(m.date)}</span> : null}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>{file ? opened ? <MailDetail mail={opened} /> : <p className="text-sm text-stone-600">That message is not in the mail folder.</p> : null}</div>
        </section>
      ) : null}
    </div>
  );
}

function MailDetail({ mail }: { mail: MailFileDetail }) {
  return (
    <article aria-labelledby="message-heading" className="space-y-4">
      <h3 id="message-heading" className="font-serif text-lg font-bold">
        {mail.subject}
      </h3>
      {mail.html ? (
        <p>
          <a href={`/admin/mail/preview/${encodeURIComponent(mail.file)}`} target="_blank" rel="noopener" className="link font-semibold">
            Open the rendered message
          </a>
        </p>
      ) : null}
      <details open>
        <summary className="cursor-pointer font-semibold">Plain text</summary>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-stone-50 p-3 text-sm">{mail.text}</pre>
      </details>
      <details>
        <summary className="cursor-pointer font-semibold">Headers</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          {mail.headers.map(([name, value], i) => (
            <div key={i} className="contents">
              <dt className="font-mono font-semibold">{name}</dt>
              <dd className="break-all font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
