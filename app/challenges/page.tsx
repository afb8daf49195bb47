import type { Metadata } from "next";
import { cachedChallenges } from "@/lib/cache/challenges";
import { cachedBranding } from "@/lib/cache/public";
import { ChallengeCardView } from "@/components/challenges/challenge-card";
import type { ChallengeCard } from "@/lib/data/challenges";
import type { ChallengePhase } from "@/lib/domain/challenge-rules";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await cachedBranding();
  return { title: "Challenges", description: `Writing challenges on ${siteName}: a prompt, a deadline, judges and winners.`, alternates: { canonical: "/challenges" } };
}

const sections: { phase: ChallengePhase; title: string; empty: string }[] = [
  { phase: "open", title: "Open for entries", empty: "No challenge is taking entries right now. Check back soon." },
  { phase: "upcoming", title: "Opening soon", empty: "" },
  { phase: "judging", title: "Being judged", empty: "No challenge is being judged right now." },
  { phase: "finished", title: "Finished", empty: "No results yet: the first winners will be listed here." },
];

export default async function ChallengesPage() {
  const challenges = await cachedChallenges();
  const byPhase = (phase: ChallengePhase): ChallengeCard[] => {
    const list = challenges.filter((c) => c.phase === phase);
    // Finished ones newest first; the rest by the nearest time.
    return phase === "finished" ? list.reverse() : list;
  };
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <header className="mb-6 max-w-2xl">
        <h1 className="font-serif text-4xl font-bold">Challenges</h1>
        <p className="mt-3 text-lg text-stone-700">A prompt, a deadline, judges and winners. Write a story for one and enter it from the editor.</p>
      </header>
      <nav aria-label="Challenge sections" className="mb-8">
        <ul className="flex flex-wrap gap-2">
          {sections
            .filter((s) => s.empty || byPhase(s.phase).length)
            .map((s) => (
              <li key={s.phase}>
                <a href={`#${s.phase}`} className="inline-block rounded-full border border-stone-300 px-4 py-1.5 text-sm font-medium hover:bg-stone-100">
                  {s.title} <span className="text-stone-600">({byPhase(s.phase).length})</span>
                </a>
              </li>
            ))}
        </ul>
      </nav>
      {sections.map(({ phase, title, empty }) => {
        const list = byPhase(phase);
        if (!list.length && !empty) return null;
        return (
          <section key={phase} id={phase} aria-labelledby={`${phase}-heading`} className="mb-12 scroll-mt-24">
            <h2 id={`${phase}-heading`} className="mb-4 font-serif text-2xl font-bold">
              {title}
            </h2>
            {list.length ? (
              <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
                {list.map((c) => (
                  <li key={c.slug}>
                    <ChallengeCardView challenge={c} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">{empty}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
