import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listAuditLog, type AuditLogEntry } from "@/lib/data/audit-log";
import { AUDIT_ACTIONS, AUDIT_TARGETS, auditLogFilterSchema, type AuditLogFilter } from "@/lib/validation/moderation";
import { formatDateTime } from "@/components/format";
import { actionLabels, targetLabels } from "@/components/moderation/labels";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";
import { FilterSelect } from "@/components/admin/filter-select";

export const metadata: Metadata = { title: "Moderation log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function AdminLogPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Moderation log</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Log searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Log({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/admin/log");
  const filter = auditLogFilterSchema.parse(await searchParams);
  return guarded(async () => {
    const { items, nextCursor } = await listAuditLog(viewer, filter);
    const next = new URLSearchParams(Object.entries({ ...filter, cursor: nextCursor ?? "" }).filter(([, v]) => v) as [string, string][]);
    return (
      <>
        <LogFilters filter={filter} />
        {items.length === 0 ? (
          <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
            <p className="font-semibold">No entries{filter.action || filter.target || filter.actor || filter.subject ? " match these filters" : " yet"}.</p>
          </div>
        ) : (
          <ol className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Log entries">
            {items.map((entry) => (
              <LogRow key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
        {nextCursor ? (
          <IntentLink href={`/admin/log?${next}`} className="btn-secondary mt-4">
            Older entries
          </IntentLink>
        ) : null}
      </>
    );
  });
}

function LogRow({ entry }: { entry: AuditLogEntry }) {
  const { target } = entry;
  return (
    <li className="p-4 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <strong>{actionLabels[entry.action]}</strong>
        <span className="text-stone-500">{formatDateTime(entry.createdAt)}</span>
      </p>
      <p className="mt-1 text-stone-600">
        By {entry.actor ? <IntentLink href={`/admin/users/${entry.actor.id}`} className="link">{entry.actor.name}</IntentLink> : "the system"}
        {entry.subject ? (
          <>
            {" "}
            · about{" "}
            <IntentLink href={`/admin/users/${entry.subject.id}`} className="link">
              {entry.subject.name}
            </IntentLink>
          </>
        ) : null}{" "}
        · {targetLabels[entry.targetType]}{" "}
        {target?.href ? (
          <IntentLink href={target.href} className="link">
            {target.label}
          </IntentLink>
        ) : target ? (
          target.label
        ) : (
          // Gone since (a deleted story), or nothing with a name (a report, the settings): its id.
          <span className="break-all font-mono text-xs">{entry.targetId}</span>
        )}
        {entry.expiresAt ? ` · expires ${formatDateTime(entry.expiresAt)}` : ""}
      </p>
      <p className="mt-1 break-words text-stone-800">{entry.reason}</p>
    </li>
  );
}

function LogFilters({ filter }: { filter: AuditLogFilter }) {
  return (
    <form method="get" action="/admin/log" role="search" aria-label="Filter the log" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
      <FilterSelect id="log-action" name="action" label="Action" value={filter.action} any="Any action" options={AUDIT_ACTIONS.map((a) => [a, actionLabels[a]] as const)} />
      <FilterSelect id="log-target" name="target" label="Target type" value={filter.target} any="Any target" options={AUDIT_TARGETS.map((t) => [t, targetLabels[t]] as const)} />
      <div className="space-y-1.5">
        <label htmlFor="log-actor" className="block text-sm font-semibold text-stone-800">
          By (handle)
        </label>
        <input id="log-actor" name="actor" type="search" defaultValue={filter.actor ?? ""} maxLength={31} className="input" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="log-subject" className="block text-sm font-semibold text-stone-800">
          About (handle)
        </label>
        <input id="log-subject" name="subject" type="search" defaultValue={filter.subject ?? ""} maxLength={31} className="input" />
      </div>
      <button type="submit" className="btn-secondary">
        Filter
      </button>
    </form>
  );
}
