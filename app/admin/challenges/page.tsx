import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { listChallengesForAdmin } from "@/lib/data/challenges";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";
import { formatDateTime, pluralize } from "@/components/format";
import { PhasePill } from "@/components/challenges/phase";

export const metadata: Metadata = { title: "Challenges" };

export default function AdminChallengesPage() {
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">Challenges</h1>
        <IntentLink href="/admin/challenges/new" className="btn-primary">
          New challenge
        </IntentLink>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <ChallengeRows />
      </Suspense>
    </>
  );
}

async function ChallengeRows() {
  const viewer = await requireViewer("/admin/challenges");
  return guarded(async () => {
    const challenges = await listChallengesForAdmin(viewer);
    if (challenges.length === 0) {
      return (
        <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No challenges yet.</p>
          <p className="mt-1 text-stone-600">A prompt, a deadline, judges and winners: create the first one.</p>
        </div>
      );
    }
    return (
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Challenges">
        {challenges.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <IntentLink href={`/admin/challenges/${c.id}`} className="font-serif text-lg font-bold hover:underline">
                {c.title}
              </IntentLink>{" "}
              <PhasePill phase={c.phase} />
              <p className="text-sm text-stone-600">
                <IntentLink href={`/challenges/${c.slug}`} className="link font-mono">
                  /challenges/{c.slug}
                </IntentLink>{" "}
                · {c.communityName} · {pluralize(c.entryCount, "entry", "entries")} · deadline {formatDateTime(c.closesAt)}
              </p>
            </div>
            <IntentLink href={`/admin/challenges/${c.id}`} className="btn-secondary">
              Manage<span className="sr-only"> {c.title}</span>
            </IntentLink>
          </li>
        ))}
      </ul>
    );
  });
}
