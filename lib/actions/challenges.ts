"use server";
import { redirect } from "next/navigation";
import { createChallenge, updateChallenge } from "@/lib/data/challenges";
import { enterChallenge, withdrawEntry } from "@/lib/data/challenge-entries";
import { announceResults, scoreEntry, setEntryShortlisted } from "@/lib/data/challenge-judging";
import { announceSchema, challengeInputSchema, shortlistSchema } from "@/lib/validation/challenge";
import { isId } from "@/lib/validation/ids";
import type { FormState, FormValues } from "@/lib/validation/form";
import { formAction, invalid, type Parsed } from "@/lib/actions/action";
import { cacheTags, storyTags } from "@/lib/cache/tags";

const NOT_FOUND = "We couldn't find that challenge.";
const challengePages = () => [cacheTags.challenges];

/** Staff: creates a challenge, then opens its edit page. */
export async function createChallengeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: challengeInputSchema,
    run: ({ viewer, input }) => createChallenge(viewer, input),
    expire: challengePages,
    done: ({ id }) => redirect(`/admin/challenges/${id}?created=1`),
  });
}

/** Staff: saves a challenge (until its results are out). */
export async function updateChallengeAction(challengeId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { challengeId },
    notFound: NOT_FOUND,
    input: challengeInputSchema,
    run: ({ viewer, ids, input }) => updateChallenge(viewer, ids.challengeId, input),
    expire: challengePages,
    done: (_result, { ids }) => redirect(`/admin/challenges/${ids.challengeId}?saved=1`),
  });
}

/** Creators: enters their story in an open challenge (the rules are checked as at publishing). */
export async function enterChallengeAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: (values) => (isId(values.challengeId) ? { success: true, data: { challengeId: values.challengeId } } : invalid({ challengeId: ["Choose a challenge"] })),
    run: ({ viewer, ids, input }) => enterChallenge(viewer, ids.storyId, input.challengeId),
    expire: challengePages,
    done: (result) => ({ ok: true, message: `Entered. Your entry appears on the challenge page once the story is live.`, values: { challengeSlug: result.challengeSlug } }),
  });
}

/** Creators: withdraws an entry before the deadline. */
export async function withdrawEntryAction(entryId: string): Promise<FormState> {
  return formAction(null, {
    ids: { entryId },
    notFound: "We couldn't find that entry.",
    run: ({ viewer, ids }) => withdrawEntry(viewer, ids.entryId),
    expire: challengePages,
    done: () => ({ ok: true, message: "Entry withdrawn." }),
  });
}

/** The scores a judge typed, one field per criterion (`score-0`, `score-1`, …), each 1–10, and their note. */
function parseScores(values: FormValues): Parsed<{ scores: number[]; note: string }> {
  const scores: number[] = [];
  const errors: Record<string, string[]> = {};
  for (let i = 0; `score-${i}` in values; i++) {
    const value = Number(values[`score-${i}`]);
    if (!Number.isInteger(value) || value < 1 || value > 10) errors[`score-${i}`] = ["Score 1 to 10"];
    scores.push(value);
  }
  const note = (values.note ?? "").trim();
  if (note.length > 2000) errors.note = ["Keep the note under 2,000 characters"];
  if (scores.length === 0) return invalid({}, "Score every criterion from 1 to 10.");
  return Object.keys(errors).length ? invalid(errors) : { success: true, data: { scores, note } };
}

/** Judges: saves their scores and note for one entry. */
export async function scoreEntryAction(entryId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { entryId },
    notFound: "We couldn't find that entry.",
    input: parseScores,
    run: ({ viewer, ids, input }) => scoreEntry(viewer, ids.entryId, input),
    refresh: true,
    done: () => ({ ok: true, message: "Scores saved." }),
  });
}

/** Judges: puts an entry on the shortlist or takes it off. */
export async function shortlistEntryAction(entryId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { entryId },
    notFound: "We couldn't find that entry.",
    input: shortlistSchema,
    run: ({ viewer, ids, input }) => setEntryShortlisted(viewer, ids.entryId, input.shortlisted),
    refresh: true,
    done: (_r, { input }) => ({ ok: true, message: input.shortlisted ? "Shortlisted." : "Taken off the shortlist." }),
  });
}

/** Staff: announces the winner and runners-up, telling every entrant. */
export async function announceResultsAction(challengeId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { challengeId },
    notFound: NOT_FOUND,
    input: announceSchema,
    run: ({ viewer, ids, input }) => announceResults(viewer, ids.challengeId, input),
    expire: (result) => [cacheTags.challenges, ...result.stories.flatMap(storyTags), ...result.creatorIds.map(cacheTags.creator)],
    done: (_result, { ids }) => redirect(`/admin/challenges/${ids.challengeId}?announced=1`),
  });
}
