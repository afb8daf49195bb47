import { IntentLink } from "@/components/intent-link";
import type { ImportView } from "@/lib/data/imports";
import { formatDateTime, pluralize } from "@/components/format";
import type { ImportStatus } from "@/lib/generated/prisma/enums";

const badge: Record<ImportStatus, { label: string; className: string }> = {
  QUEUED: { label: "Waiting", className: "bg-stone-100 text-stone-700" },
  RUNNING: { label: "Importing", className: "bg-sky-100 text-sky-800" },
  DONE: { label: "Done", className: "bg-emerald-100 text-emerald-800" },
  FAILED: { label: "Stopped", className: "bg-red-100 text-red-800" },
};

/** Where an import is, in a word. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${badge[status].className}`}>{badge[status].label}</span>;
}

/** A list of imports, newest first: each links to its progress page. */
export function ImportList({ imports }: { imports: Pick<ImportView, "id" | "fileName" | "dryRun" | "created" | "createdAt" | "status">[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200">
      {imports.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
          <IntentLink href={`/settings/data/imports/${item.id}`} className="link min-w-0 break-all font-medium">
            {item.fileName}
            {item.dryRun ? " (dry run)" : ""}
          </IntentLink>
          <span className="flex items-center gap-2 text-stone-600">
            {item.dryRun ? `${pluralize(item.created, "story", "stories")} would be created` : `${pluralize(item.created, "story", "stories")} created`} ·{" "}
            <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
            <ImportStatusBadge status={item.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
