// A challenge's phase and its own entry rules, pure and client-safe: the challenge pages, the
// editor's "Enter this story in…" panel and the server's check all call these, so what a creator
// is told and what is enforced can't drift apart. The community's rules come from
// publishing-rules.ts and are checked beside these, in the same words as publishing.
import type { PublishProblems } from "@/lib/domain/publishing-rules";

/** upcoming → open (takes entries) → judging (closed, results not out) → finished (winners announced). */
export type ChallengePhase = "upcoming" | "open" | "judging" | "finished";

export type ChallengeTimes = { opensAt: Date; closesAt: Date; announcedAt: Date | null };

export function challengePhase(challenge: ChallengeTimes, now: number = Date.now()): ChallengePhase {
  if (challenge.announcedAt) return "finished";
  if (now < challenge.opensAt.getTime()) return "upcoming";
  if (now < challenge.closesAt.getTime()) return "open";
  return "judging";
}

/** What a challenge asks of an entry on top of its community's rules. 0 means no bound. */
export type ChallengeRulesInput = { title: string; minWords: number; maxWords: number; entriesPerCreator: number };

/** The word range in words people read: "500 to 1,500 words", "at least 300 words", or null for none. */
export function wordRangeText(rules: Pick<ChallengeRulesInput, "minWords" | "maxWords">): string | null {
  const n = (value: number) => value.toLocaleString("en-US");
  if (rules.minWords && rules.maxWords) return `${n(rules.minWords)} to ${n(rules.maxWords)} words`;
  if (rules.minWords) return `at least ${n(rules.minWords)} words`;
  if (rules.maxWords) return `at most ${n(rules.maxWords)} words`;
  return null;
}

/**
 * The challenge's own problems with an entry, keyed like publishProblems (so the same field shows
 * them): the word range, the community the story is in, and how many stories the creator entered.
 */
export function challengeEntryProblems(
  story: { wordCount: number; communitySlug: string },
  challenge: ChallengeRulesInput & { community: { slug: string; name: string } },
  entriesSoFar: number,
): PublishProblems & { challenge?: string[] } {
  const problems: PublishProblems & { challenge?: string[] } = {};
  const n = (value: number) => value.toLocaleString("en-US");
  if (story.communitySlug !== challenge.community.slug) {
    problems.community = [`${challenge.title} entries are published in ${challenge.community.name}; move this story there first`];
  }
  if (challenge.minWords && story.wordCount < challenge.minWords) {
    problems.body = [`${challenge.title} entries need at least ${n(challenge.minWords)} words; this one has ${n(story.wordCount)}`];
  } else if (challenge.maxWords && story.wordCount > challenge.maxWords) {
    problems.body = [`${challenge.title} entries may have at most ${n(challenge.maxWords)} words; this one has ${n(story.wordCount)}`];
  }
  if (entriesSoFar >= challenge.entriesPerCreator) {
    problems.challenge = [
      challenge.entriesPerCreator === 1
        ? `${challenge.title} takes one story per creator, and you've entered one`
        : `${challenge.title} takes ${challenge.entriesPerCreator} stories per creator, and you've entered ${entriesSoFar}`,
    ];
  }
  return problems;
}

/** Merges several sets of field problems, keeping every message. */
export function mergeProblems<T extends Record<string, string[] | undefined>>(...all: T[]): T {
  const merged: Record<string, string[]> = {};
  for (const problems of all) for (const [key, messages] of Object.entries(problems)) if (messages?.length) (merged[key] ??= []).push(...messages);
  return merged as T;
}

/** A prize as shown: what it is and (for display only) what it is worth. */
export type Prize = { label: string; amount: string };

/** Prizes from the admin form's lines, "Winner: $500" (the amount after the last colon is optional). */
export function parsePrizes(text: string): Prize[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf(":");
      return at > 0 ? { label: line.slice(0, at).trim(), amount: line.slice(at + 1).trim() } : { label: line, amount: "" };
    });
}

/** Prizes back to the form's lines. */
export function prizesText(prizes: readonly Prize[]): string {
  return prizes.map((p) => (p.amount ? `${p.label}: ${p.amount}` : p.label)).join("\n");
}

/** A creator's receipt for one entry, newest step last: what they see beside it. */
export type EntryReceipt = { received: Date; readAt: Date | null; shortlisted: boolean; placement: "WINNER" | "RUNNER_UP" | null; announced: boolean };

/** The receipt's steps as words, in order ("Received", "Read by judges", "Shortlisted", "Winner"). A placement shows only once the results are out. */
export function receiptSteps(receipt: EntryReceipt): { label: string; at: Date | null }[] {
  const steps: { label: string; at: Date | null }[] = [{ label: "Received", at: receipt.received }];
  if (receipt.readAt) steps.push({ label: "Read by judges", at: receipt.readAt });
  if (receipt.shortlisted) steps.push({ label: "Shortlisted", at: null });
  if (receipt.announced && receipt.placement) steps.push({ label: receipt.placement === "WINNER" ? "Winner" : "Runner-up", at: null });
  return steps;
}
