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
