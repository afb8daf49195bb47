import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { cachedChallengePage } from "@/lib/cache/challenges";
import { cachedBranding } from "@/lib/cache/public";
import { BUILD_PLACEHOLDER } from "@/lib/cache/placeholder";
import { wordRangeText } from "@/lib/domain/challenge-rules";
import { StoryList } from "@/components/story-list";
import { StoryCardView } from "@/components/story-card";
import { Countdown, LocalTime } from "@/components/challenges/countdown";
import { PhasePill } from "@/components/challenges/phase";

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const challenge = await cachedChallengePage((await params).slug);
  return challenge ? { title: challenge.title, description: `A ${(await cachedBranding()).siteName} challenge in ${challenge.community.name}.`, alternates: { canonical: `/challenges/${challenge.slug}` } } : { title: "Challenge not found" };
}

export default async function ChallengePage({ params }: Props) {
  const challenge = await cachedChallengePage((await params).slug);
  if (!challenge) notFound();
  const range = wordRangeText(challenge);
  const rules = [
    `Entries are stories published in ${challenge.community.name}, so its rules apply too.`,
    range ? `Entries have ${range}.` : null,
    challenge.entriesPerCreator === 1 ? "One entry per creator." : `Up to ${challenge.entriesPerCreator} entries per creator.`,
    "Entries are reviewed like any story and appear here once they are live. After the deadline, entries lock.",
  ].filter((rule): rule is string => !!rule);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm">
        <IntentLink href="/challenges" className="link">
          ← All challenges
        </IntentLink>
      </p>
      <header className="mb-8 mt-3 max-w-3xl">
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <PhasePill phase={challenge.phase} /> in{" "}
          <IntentLink href={`/${challenge.community.slug}`} className="font-medium text-brand-700 hover:underline">
            {challenge.community.name}
          </IntentLink>
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold">{challenge.title}</h1>
      </header>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          {challenge.phase === "finished" ? <Results results={challenge.results} /> : null}
          <section aria-labelledby="prompt-heading">
            <h2 id="prompt-heading" className="mb-3 font-serif text-2xl font-bold">
              The prompt
            </h2>
            <div className="prose prose-stone dark:prose-invert max-w-none font-serif" dangerouslySetInnerHTML={{ __html: challenge.promptHtml }} />
          </section>
          <section aria-labelledby="entries-heading" className="mt-12">
            <h2 id="entries-heading" className="mb-2 font-serif text-2xl font-bold">
              Entries
            </h2>
            {challenge.phase === "upcoming" ? (
              <p className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">Entries show here once the challenge opens.</p>
            ) : (
              <StoryList stories={challenge.entries} showCommunity={false} empty={challenge.phase === "open" ? "No entries yet. Be the first: write a story and enter it from the editor." : "No entries went live for this challenge."} />
            )}
          </section>
        </div>
        <aside className="space-y-6" aria-label="About this challenge">
          {challenge.phase === "upcoming" ? <Countdown until={challenge.opensAt.toISOString()} label="Opens" endedLabel="Open now" /> : null}
          {challenge.phase === "open" ? <Countdown until={challenge.closesAt.toISOString()} /> : null}
          {challenge.phase === "judging" ? (
            <p className="rounded-xl border border-stone-200 bg-stone-50 p-4 text-sm text-stone-700">
              Entries closed <LocalTime at={challenge.closesAt.toISOString()} />. The judges are reading; results soon.
            </p>
          ) : null}
          {challenge.phase === "open" ? (
            <div className="rounded-xl border border-stone-200 p-4 text-sm">
              <p className="font-semibold">How to enter</p>
              <p className="mt-1 text-stone-700">Write your story in {challenge.community.name}, then choose “Enter this story in…” below the editor.</p>
              <IntentLink href="/studio/new" className="btn-primary mt-3 inline-block">
                Write a story
              </IntentLink>
            </div>
          ) : null}
          <Facts title="Rules" items={rules} />
          <Facts title="Judged on" items={challenge.criteria} />
          {challenge.prizes.length ? <Facts title="Prizes" items={challenge.prizes.map((p) => (p.amount ? `${p.label}: ${p.amount}` : p.label))} /> : null}
          {challenge.judges.length ? (
            <div>
              <h2 className="font-sans text-sm font-semibold uppercase tracking-wider text-stone-600">Judges</h2>
              <ul className="mt-2 space-y-1 text-sm">
                {challenge.judges.map((j) => (
                  <li key={j.handle}>
                    <IntentLink href={`/authors/${j.handle}`} className="link">
                      {j.name}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {challenge.phase === "open" || challenge.phase === "judging" ? (
            <p className="text-sm text-stone-600">
              Judging this challenge?{" "}
              <IntentLink href={`/challenges/${challenge.slug}/judge`} className="link">
                Open the judging page
              </IntentLink>
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function Facts({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <h2 className="font-sans text-sm font-semibold uppercase tracking-wider text-stone-600">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-800">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Results({ results }: { results: NonNullable<Awaited<ReturnType<typeof cachedChallengePage>>>["results"] }) {
  return (
    <section aria-labelledby="results-heading" className="mb-12 rounded-2xl border-2 border-amber-300 p-5">
      <h2 id="results-heading" className="mb-4 font-serif text-2xl font-bold">
        Winners
      </h2>
      {results.length === 0 ? (
        <p className="text-stone-700">The results are out; no entry placed.</p>
      ) : (
        <ol className="space-y-8">
          {results.map((r) => (
            <li key={r.story.id}>
              <p className="mb-2 text-sm font-semibold uppercase tracking-wider text-stone-700">{r.placement === "WINNER" ? "Winner" : "Runner-up"}</p>
              <StoryCardView story={r.story} showCommunity={false} />
              {r.judgesNote ? (
                <blockquote className="mt-3 border-l-4 border-amber-300 pl-3 text-stone-800">
                  <p className="text-sm font-semibold text-stone-600">The judges said</p>
                  <p className="font-serif italic">{r.judgesNote}</p>
                </blockquote>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
