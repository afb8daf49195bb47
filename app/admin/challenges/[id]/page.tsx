import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { getChallengeForEditing } from "@/lib/data/challenges";
import { getJudgingPage } from "@/lib/data/challenge-judging";
import { listCommunities } from "@/lib/data/communities";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { AnnounceForm } from "@/components/challenges/announce-form";
import { PhasePill } from "@/components/challenges/phase";
import { FormMessage } from "@/components/forms/field";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";

export const metadata: Metadata = { title: "Manage challenge" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function ManageChallengePage(props: Props) {
  return (
    <div className="max-w-3xl">
      <IntentLink href="/admin/challenges" className="link text-sm">
        ← All challenges
      </IntentLink>
      <Suspense fallback={<PageSkeleton />}>
        <ManageChallenge {...props} />
      </Suspense>
    </div>
  );
}

async function ManageChallenge({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/admin/challenges/${id}`);
  return guarded(async () => {
    const challenge = await getChallengeForEditing(viewer, id);
    const [communities, judging] = await Promise.all([listCommunities(), getJudgingPage(viewer, challenge.slug, { showNames: true })]);
    return (
      <>
        <h1 className="mt-2 font-serif text-2xl font-bold">{challenge.title}</h1>
        <p className="mb-6 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <PhasePill phase={challenge.phase} />
          <IntentLink href={`/challenges/${challenge.slug}`} className="link font-mono">
            /challenges/{challenge.slug}
          </IntentLink>
          ·
          <IntentLink href={`/challenges/${challenge.slug}/judge`} className="link">
            Judging page
          </IntentLink>
        </p>
        {query.created ? <FormMessage tone="success" message="Challenge created. It shows on /challenges now." /> : null}
        {query.saved ? <FormMessage tone="success" message="Challenge saved." /> : null}
        {query.announced ? <FormMessage tone="success" message="Winners announced. Every entrant has been told." /> : null}
        {challenge.phase === "judging" ? (
          <section aria-labelledby="results-heading" className="my-8 rounded-xl border border-stone-200 p-5">
            <h2 id="results-heading" className="font-serif text-xl font-bold">
              Announce the winners
            </h2>
            <p className="mb-4 mt-1 text-sm text-stone-600">The deadline has passed. Choose one winner and any runners-up; every entrant gets a notification, and the winners get a badge.</p>
            {judging.entries.length ? (
              <AnnounceForm
                challengeId={challenge.id}
                entries={[...judging.entries]
                  .sort((a, b) => Number(b.shortlisted) - Number(a.shortlisted) || (b.average ?? -1) - (a.average ?? -1))
                  .map((e) => ({ id: e.id, label: e.label, title: e.title, author: e.author?.name ?? null, shortlisted: e.shortlisted, average: e.average, judgeCount: e.judgeCount }))}
              />
            ) : (
              <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">No live entries to choose from.</p>
            )}
          </section>
        ) : null}
        {challenge.phase === "finished" ? (
          <p className="my-6 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">The results are out, so this challenge is a record now and can&apos;t be edited.</p>
        ) : (
          <div className="mt-4">
            <ChallengeForm challengeId={challenge.id} initial={challenge.form} communities={communities} />
          </div>
        )}
      </>
    );
  });
}
