import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/session";
import { getJudgingPage } from "@/lib/data/challenge-judging";
import { guarded } from "@/components/moderation/guarded";
import { PageSkeleton } from "@/components/page-skeleton";
import { PhasePill } from "@/components/challenges/phase";
import { LocalTime } from "@/components/challenges/countdown";
import { ScoreForm, ShortlistForm } from "@/components/challenges/judge-forms";
import { pluralize } from "@/components/format";

export const metadata: Metadata = { title: "Judging", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ names?: string }> };

export default function JudgingPage(props: Props) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Suspense fallback={<PageSkeleton />}>
        <Judging {...props} />
      </Suspense>
    </div>
  );
}

async function Judging({ params, searchParams }: Props) {
  const { slug } = await params;
  const { names } = await searchParams;
  const viewer = await requireViewer(`/challenges/${slug}/judge`);
  return guarded(async () => {
    const page = await getJudgingPage(viewer, slug, { showNames: names === "1" });
    const { challenge } = page;
    const judging = challenge.phase === "open" || challenge.phase === "judging";
    return (
      <>
        <IntentLink href={`/challenges/${challenge.slug}`} className="link text-sm">
          ← {challenge.title}
        </IntentLink>
        <h1 className="mt-2 font-serif text-3xl font-bold">Judging: {challenge.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <PhasePill phase={challenge.phase} /> {pluralize(page.entries.length, "live entry", "live entries")} · deadline <LocalTime at={challenge.closesAt.toISOString()} />
        </p>
        <p className="mt-4 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
          {page.namesShown ? "Names are shown." : "Blind judging: entries are numbered and their creators' names are hidden."}{" "}
          {page.staff ? (
            <IntentLink href={page.namesShown ? `/challenges/${challenge.slug}/judge` : `/challenges/${challenge.slug}/judge?names=1`} className="link">
              {page.namesShown ? "Hide names" : "Show names (staff)"}
            </IntentLink>
          ) : null}
          {page.staff ? (
            <>
              {" · "}
              <IntentLink href={`/admin/challenges/${challenge.id}`} className="link">
                Announce winners
              </IntentLink>
            </>
          ) : null}
        </p>
        {!judging ? <p className="mt-4 text-sm text-stone-700">{challenge.phase === "finished" ? "The results are out: judging has closed." : "Judging starts when the challenge opens."}</p> : null}
        {page.entries.length === 0 ? (
          <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-10 text-center text-stone-600">No live entries yet. Entries show here once their stories pass review.</p>
        ) : (
          <ol className="mt-8 space-y-10">
            {page.entries.map((entry) => (
              <li key={entry.id} className="rounded-xl border border-stone-200 p-5" aria-labelledby={`entry-${entry.id}`}>
                <p className="text-sm font-semibold uppercase tracking-wider text-stone-600">
                  {entry.label}
                  {entry.shortlisted ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Shortlisted</span> : null}
                  {entry.myScores ? <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-900">Scored</span> : null}
                </p>
                <h2 id={`entry-${entry.id}`} className="mt-1 font-serif text-2xl font-bold">
                  {entry.title}
                </h2>
                {entry.subtitle ? <p className="text-stone-700">{entry.subtitle}</p> : null}
                <p className="mt-1 text-sm text-stone-600">
                  {pluralize(entry.wordCount, "word")}
                  {entry.author ? ` · by ${entry.author.name}` : ""}
                  {entry.average !== null ? ` · average ${entry.average} from ${pluralize(entry.judgeCount, "judge")}` : ""}
                </p>
                <details className="mt-4 rounded-lg border border-stone-200 p-3">
                  <summary className="cursor-pointer font-medium">Read the entry</summary>
                  <div className="prose prose-stone dark:prose-invert mt-3 max-w-none font-serif" dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
                </details>
                {judging ? (
                  <div className="mt-5 space-y-4">
                    <ScoreForm entryId={entry.id} label={entry.label} criteria={challenge.criteria} scores={entry.myScores} note={entry.myNote} />
                    <ShortlistForm entryId={entry.id} label={entry.label} shortlisted={entry.shortlisted} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </>
    );
  });
}
