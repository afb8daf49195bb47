import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Viewer } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/guard";
import { recordAction } from "@/lib/data/audit";
import { notifyMany } from "@/lib/data/notifications";
import { publicWhere, storyHref, type StoryLocation } from "@/lib/data/story-shapes";
import { isId, isSlug } from "@/lib/validation/ids";
import { challengePhase, type ChallengePhase } from "@/lib/domain/challenge-rules";
import type { AnnounceInput } from "@/lib/validation/challenge";

// Judging: the challenge's judges (and staff with challenge:manage) read the live entries, blind
// by default, score each criterion, shortlist and leave notes to the creator; staff announce the
// winners once the deadline has passed. Every decision goes in the audit log, without a subject:
// a creator's studio lists entries about them (and offers an appeal), and scores are the judges'
// business until the results are out.

export type JudgedEntry = {
  id: string;
  /** "Entry 3": what a blind judge calls it. */
  label: string;
  title: string;
  subtitle: string;
  bodyHtml: string;
  wordCount: number;
  /** Only when names are shown (staff who asked for them). */
  author: { name: string; handle: string } | null;
  shortlisted: boolean;
  placement: "WINNER" | "RUNNER_UP" | null;
  judgesNote: string;
  myScores: number[] | null;
  myNote: string;
  /** Every judge's scores summed, averaged over judges who scored (staff only; null otherwise or if unscored). */
  average: number | null;
  judgeCount: number;
};

export type JudgingPage = {
  challenge: { id: string; slug: string; title: string; criteria: string[]; phase: ChallengePhase; closesAt: Date };
  /** Staff (challenge:manage) may show names and see everyone's scores and announce. */
  staff: boolean;
  namesShown: boolean;
  entries: JudgedEntry[];
};

type ChallengeForJudging = { id: string; slug: string; title: string; criteria: string[]; opensAt: Date; closesAt: Date; announcedAt: Date | null };
const challengeSelect = { id: true, slug: true, title: true, criteria: true, opensAt: true, closesAt: true, announcedAt: true } as const;

/** The challenge, if the viewer judges it or is staff; anyone else gets NOT_FOUND (who judges is not public knowledge beyond the page). */
async function challengeToJudge(viewer: Viewer | null, where: Prisma.ChallengeWhereUniqueInput): Promise<{ me: Viewer; challenge: ChallengeForJudging; staff: boolean }> {
  const me = requirePermission(viewer, "challenge:judge");
  const staff = can(me, "challenge:manage");
  const challenge = await db.challenge.findFirst({ where: { ...where, ...(staff ? {} : { judges: { some: { userId: me.id } } }) }, select: challengeSelect });
  if (!challenge) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  return { me, challenge, staff };
}

/** Judges of this challenge and staff: the live entries with the viewer's scores (blind unless staff ask for names). */
export async function getJudgingPage(viewer: Viewer | null, slug: string, options: { showNames?: boolean } = {}): Promise<JudgingPage> {
  if (!isSlug(slug)) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  const { me, challenge, staff } = await challengeToJudge(viewer, { slug: slug.toLowerCase() });
  const namesShown = staff && options.showNames === true;
  const rows = await db.challengeEntry.findMany({
    where: { challengeId: challenge.id, story: publicWhere },
    // Oldest first, so "Entry 1" stays Entry 1 as more arrive.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      shortlisted: true,
      placement: true,
      judgesNote: true,
      story: { select: { title: true, subtitle: true, bodyHtml: true, wordCount: true, author: { select: { name: true, handle: true } } } },
      scores: { select: { judgeId: true, scores: true, note: true } },
    },
  });
  return {
    challenge: { id: challenge.id, slug: challenge.slug, title: challenge.title, criteria: challenge.criteria, phase: challengePhase(challenge), closesAt: challenge.closesAt },
    staff,
    namesShown,
    entries: rows.map((row, index) => {
      const mine = row.scores.find((s) => s.judgeId === me.id);
      const totals = row.scores.map((s) => s.scores.reduce((a, b) => a + b, 0));
      return {
        id: row.id,
        label: `Entry ${index + 1}`,
        title: row.story.title,
        subtitle: row.story.subtitle,
        bodyHtml: row.story.bodyHtml,
        wordCount: row.story.wordCount,
        author: namesShown ? row.story.author : null,
        shortlisted: row.shortlisted,
        placement: row.placement,
        judgesNote: row.judgesNote,
        myScores: mine?.scores ?? null,
        myNote: mine?.note ?? "",
        average: staff && totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10 : null,
        judgeCount: row.scores.length,
      };
    }),
  };
}

/** An entry of a challenge the viewer judges, still open to judging (open or past its deadline, results not out). */
async function entryToJudge(viewer: Viewer | null, entryId: string) {
  if (!isId(entryId)) throw new AppError("NOT_FOUND", "We couldn't find that entry.");
  const entry = await db.challengeEntry.findFirst({ where: { id: entryId, story: publicWhere }, select: { id: true, authorId: true, challengeId: true, storyId: true } });
  if (!entry) throw new AppError("NOT_FOUND", "We couldn't find that entry.");
  const judging = await challengeToJudge(viewer, { id: entry.challengeId });
  const phase = challengePhase(judging.challenge);
  if (phase === "finished") throw new AppError("CONFLICT", "The results are out: judging has closed.");
  if (phase === "upcoming") throw new AppError("CONFLICT", "This challenge hasn't opened yet.");
  return { ...judging, entry };
}

/** Judges of the entry's challenge and staff: saves their scores (one per criterion, 1–10) and note to the creator. The first judging marks the entry read. */
export async function scoreEntry(viewer: Viewer | null, entryId: string, input: { scores: number[]; note: string }): Promise<{ challengeSlug: string }> {
  const { me, challenge, entry } = await entryToJudge(viewer, entryId);
  if (input.scores.length !== challenge.criteria.length || input.scores.some((s) => !Number.isInteger(s) || s < 1 || s > 10)) {
    throw new AppError("INVALID", "Score every criterion from 1 to 10.");
  }
  await db.$transaction(async (tx) => {
    await tx.challengeScore.upsert({
      where: { entryId_judgeId: { entryId, judgeId: me.id } },
      create: { entryId, judgeId: me.id, scores: input.scores, note: input.note },
      update: { scores: input.scores, note: input.note },
    });
    await tx.challengeEntry.updateMany({ where: { id: entryId, readAt: null }, data: { readAt: new Date() } });
    await recordAction(tx, { actorId: me.id, action: "CHALLENGE_SCORE", targetType: "CHALLENGE", targetId: challenge.id, reason: "Scored an entry", details: { entryId, storyId: entry.storyId, scores: input.scores } });
  });
  return { challengeSlug: challenge.slug };
}

/** Judges of the entry's challenge and staff: puts an entry on the shortlist or takes it off (the creator's receipt shows it). */
export async function setEntryShortlisted(viewer: Viewer | null, entryId: string, shortlisted: boolean): Promise<{ challengeSlug: string }> {
  const { me, challenge, entry } = await entryToJudge(viewer, entryId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.challengeEntry.updateMany({ where: { id: entryId, shortlisted: !shortlisted }, data: { shortlisted } });
    await tx.challengeEntry.updateMany({ where: { id: entryId, readAt: null }, data: { readAt: new Date() } });
    // Already so (two judges at once, a resubmitted form): nothing changed, nothing to log.
    if (count) await recordAction(tx, { actorId: me.id, action: "CHALLENGE_SHORTLIST", targetType: "CHALLENGE", targetId: challenge.id, reason: shortlisted ? "Shortlisted an entry" : "Took an entry off the shortlist", details: { entryId, storyId: entry.storyId, shortlisted } });
  });
  return { challengeSlug: challenge.slug };
}

export type AnnouncedResults = { challengeSlug: string; stories: StoryLocation[]; creatorIds: string[] };

/**
 * Staff (`challenge:manage`), once the deadline has passed: records the winner and runners-up
 * with the judges' notes, finishes the challenge, tells every entrant, and logs it, in one
 * transaction. Announcing twice is refused.
 */
export async function announceResults(viewer: Viewer | null, challengeId: string, input: AnnounceInput, now = new Date()): Promise<AnnouncedResults> {
  const me = requirePermission(viewer, "challenge:manage");
  if (!isId(challengeId)) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  return db.$transaction(async (tx) => {
    const challenge = await tx.challenge.findUnique({ where: { id: challengeId }, select: challengeSelect });
    if (!challenge) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
    const phase = challengePhase(challenge, now.getTime());
    if (phase === "finished") throw new AppError("CONFLICT", "The results of this challenge are already out.");
    if (phase !== "judging") throw new AppError("INVALID", "Winners can be announced once the deadline has passed.", { placements: ["Winners can be announced once the deadline has passed"] });
    const entries = await tx.challengeEntry.findMany({
      where: { challengeId },
      select: { id: true, authorId: true, storyId: true, story: { select: { title: true, slug: true, status: true, author: { select: { handle: true, status: true } }, community: { select: { slug: true } } } } },
    });
    const byId = new Map(entries.map((e) => [e.id, e]));
    const placed = input.placements.filter((p) => byId.has(p.entryId));
    const live = (id: string) => byId.get(id)!.story.status === "PUBLISHED" && byId.get(id)!.story.author.status === "ACTIVE";
    if (placed.length !== input.placements.length || !placed.every((p) => live(p.entryId))) {
      throw new AppError("INVALID", "Only live entries of this challenge can place.", { placements: ["Only live entries of this challenge can place"] });
    }
    // Claim the announcement first: of two staff announcing at once, one wins and the other is refused.
    const { count } = await tx.challenge.updateMany({ where: { id: challengeId, announcedAt: null }, data: { announcedAt: now } });
    if (!count) throw new AppError("CONFLICT", "The results of this challenge are already out.");
    await tx.challengeEntry.updateMany({ where: { challengeId }, data: { placement: null } });
    for (const p of placed) await tx.challengeEntry.update({ where: { id: p.entryId }, data: { placement: p.placement, judgesNote: p.note }, select: { id: true } });
    await recordAction(tx, {
      actorId: me.id,
      action: "CHALLENGE_ANNOUNCE",
      targetType: "CHALLENGE",
      targetId: challengeId,
      reason: input.reason,
      details: { title: challenge.title, placements: placed.map((p) => ({ entryId: p.entryId, storyId: byId.get(p.entryId)!.storyId, placement: p.placement })) },
    });
    const href = `/challenges/${challenge.slug}`;
    const placementOf = new Map(placed.map((p) => [byId.get(p.entryId)!.authorId + ":" + byId.get(p.entryId)!.storyId, p.placement]));
    const perAuthor = new Map<string, { title: string; placement: "WINNER" | "RUNNER_UP" | undefined }>();
    for (const e of entries) {
      const placement = placementOf.get(`${e.authorId}:${e.storyId}`);
      const known = perAuthor.get(e.authorId);
      // One notification per entrant: about their best-placed story.
      if (!known || (placement === "WINNER" && known.placement !== "WINNER") || (placement && !known.placement)) perAuthor.set(e.authorId, { title: e.story.title, placement });
    }
    await notifyMany(
      tx,
      [...perAuthor].map(([userId, { title, placement }]) => ({
        userId,
        actorId: me.id,
        kind: "CHALLENGE_RESULT" as const,
        href,
        message:
          placement === "WINNER"
            ? `“${title}” won ${challenge.title}. Congratulations!`
            : placement === "RUNNER_UP"
              ? `“${title}” is a runner-up in ${challenge.title}.`
              : `The results of ${challenge.title} are out. Thank you for entering.`,
      })),
    );
    return {
      challengeSlug: challenge.slug,
      stories: placed.map((p) => {
        const e = byId.get(p.entryId)!;
        return { id: e.storyId, href: e.story.slug ? storyHref(e.story.community.slug, e.story.slug) : null, authorHandle: e.story.author.handle, communitySlug: e.story.community.slug };
      }),
      creatorIds: [...new Set(placed.map((p) => byId.get(p.entryId)!.authorId))],
    };
  });
}
