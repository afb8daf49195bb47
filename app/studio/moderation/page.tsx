import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireViewer } from "@/lib/auth/session";
import { listMyModerationActions } from "@/lib/data/appeals";
import { formatDateTime } from "@/components/format";
import { actionLabels, appealStatusLabels, pill, pillTone } from "@/components/moderation/labels";

export const metadata: Metadata = { title: "Moderation" };

/** The creator's side of the audit log: decisions about their content and account, without who took them. */
export default async function StudioModerationPage() {
  const viewer = await requireViewer("/studio/moderation");
  const { items } = await listMyModerationActions(viewer, { limit: 50 });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <IntentLink href="/studio" className="link">
          ← Your stories
        </IntentLink>
      </p>
      <h1 className="mb-2 mt-2 font-serif text-3xl font-bold">Moderation</h1>
      <p className="mb-6 text-stone-600">Decisions moderators took about your stories, comments and account. Open one to see why, and to appeal.</p>
      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">Nothing here.</p>
          <p className="mt-1 text-stone-600">No moderation decisions have been taken about your content.</p>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Moderation decisions">
          {items.map((entry) => (
            <li key={entry.id} className="p-4">
              <p className="flex flex-wrap items-center gap-2">
                <IntentLink href={`/moderation/${entry.id}`} className="font-semibold hover:underline">
                  {actionLabels[entry.action]}
                </IntentLink>
                {entry.appealStatus ? <span className={`${pill} ${entry.appealStatus === "OVERTURNED" ? pillTone.good : entry.appealStatus === "OPEN" ? pillTone.warn : pillTone.neutral}`}>{appealStatusLabels[entry.appealStatus]}</span> : null}
                <span className="text-sm text-stone-500">{formatDateTime(entry.createdAt)}</span>
              </p>
              <p className="mt-1 break-words text-sm text-stone-700">{entry.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
