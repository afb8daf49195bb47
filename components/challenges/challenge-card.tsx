import { IntentLink } from "@/components/intent-link";
import type { ChallengeCard } from "@/lib/data/challenges";
import { pluralize } from "@/components/format";
import { LocalTime } from "@/components/challenges/countdown";
import { PhasePill } from "@/components/challenges/phase";

/** One challenge in the list: title, phase, community, the time that matters now, entries and the top prize. */
export function ChallengeCardView({ challenge }: { challenge: ChallengeCard }) {
  const when =
    challenge.phase === "upcoming" ? ["Opens", challenge.opensAt] : challenge.phase === "open" ? ["Closes", challenge.closesAt] : challenge.phase === "judging" ? ["Closed", challenge.closesAt] : ["Results", challenge.announcedAt ?? challenge.closesAt];
  const prize = challenge.prizes[0];
  return (
    <article className="flex h-full flex-col rounded-xl border border-stone-200 p-5">
      <p className="mb-2">
        <PhasePill phase={challenge.phase} />
      </p>
      <h3 className="font-serif text-xl font-bold">
        <IntentLink href={`/challenges/${challenge.slug}`} className="hover:underline">
          {challenge.title}
        </IntentLink>
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        in{" "}
        <IntentLink href={`/${challenge.community.slug}`} className="font-medium text-brand-700 hover:underline">
          {challenge.community.name}
        </IntentLink>
      </p>
      <p className="mt-3 text-sm text-stone-700">
        {when[0] as string} <LocalTime at={(when[1] as Date).toISOString()} /> · {pluralize(challenge.entryCount, "entry", "entries")}
      </p>
      {prize ? (
        <p className="mt-auto pt-3 text-sm font-semibold text-stone-800">
          {prize.label}
          {prize.amount ? `: ${prize.amount}` : ""}
        </p>
      ) : null}
    </article>
  );
}
