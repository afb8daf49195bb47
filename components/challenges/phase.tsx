import type { ChallengePhase } from "@/lib/domain/challenge-rules";

export const phaseLabels: Record<ChallengePhase, string> = { upcoming: "Opening soon", open: "Open for entries", judging: "Judging", finished: "Finished" };

const tones: Record<ChallengePhase, string> = {
  upcoming: "bg-stone-100 text-stone-800 ring-stone-200",
  open: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  judging: "bg-amber-50 text-amber-900 ring-amber-200",
  finished: "bg-sky-50 text-sky-900 ring-sky-200",
};

/** A challenge's phase as a small pill. */
export function PhasePill({ phase }: { phase: ChallengePhase }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[phase]}`}>{phaseLabels[phase]}</span>;
}
