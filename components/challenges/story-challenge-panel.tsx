import { getStoryChallengePanel } from "@/lib/data/challenge-entries";
import { receiptSteps } from "@/lib/domain/challenge-rules";
import type { Viewer } from "@/lib/auth/permissions";
import { ChallengeLink, EnterChallengeForm, WithdrawEntryForm } from "@/components/challenges/enter-challenge-form";
import { LocalTime } from "@/components/challenges/countdown";

/**
 * Below the story editor: the story's challenge entries with their receipts ("Received", "Read by
 * judges on …", "Shortlisted", "Winner"), and "Enter this story in…" for open challenges.
 * Renders nothing when there is neither.
 */
export async function StoryChallengePanel({ viewer, storyId }: { viewer: Viewer; storyId: string }) {
  const panel = await getStoryChallengePanel(viewer, storyId).catch(() => null);
  if (!panel || (panel.open.length === 0 && panel.entries.length === 0)) return null;
  return (
    <section aria-labelledby="challenges-heading" className="mt-12 space-y-5 border-t border-stone-200 pt-8">
      <h2 id="challenges-heading" className="font-sans text-lg font-semibold">
        Challenges
      </h2>
      {panel.entries.length ? (
        <ul className="space-y-4" aria-label="This story's entries">
          {panel.entries.map((entry) => (
            <li key={entry.id} className="rounded-xl border border-stone-200 p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <ChallengeLink slug={entry.challenge.slug} title={entry.challenge.title} />
                {entry.challenge.phase === "open" ? <WithdrawEntryForm entryId={entry.id} title={entry.challenge.title} /> : <span className="text-sm text-stone-600">Entries locked at the deadline</span>}
              </div>
              <ol className="mt-3 flex flex-wrap gap-2" aria-label="Receipt">
                {receiptSteps(entry.receipt).map((step) => (
                  <li key={step.label} className="rounded-full bg-emerald-50 px-3 py-1 text-sm font-medium text-emerald-900 ring-1 ring-inset ring-emerald-200">
                    ✓ {step.label}
                    {step.at ? (
                      <>
                        {step.label === "Received" ? " " : " on "}
                        <LocalTime at={step.at.toISOString()} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
              {entry.judgesNotes.length ? (
                <div className="mt-3">
                  <p className="text-sm font-semibold text-stone-700">Notes from the judges</p>
                  <ul className="mt-1 space-y-1">
                    {entry.judgesNotes.map((note, i) => (
                      <li key={i} className="border-l-4 border-stone-200 pl-3 font-serif italic text-stone-800">
                        {note}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <EnterChallengeForm storyId={storyId} choices={panel.open.map((c) => ({ id: c.id, title: c.title, closesAt: c.closesAt.toISOString(), communityName: c.communityName, wordRange: c.wordRange }))} />
    </section>
  );
}
