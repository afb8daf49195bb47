import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { ownStoryWhere } from "@/lib/data/story-shapes";
import { isId } from "@/lib/validation/ids";
import { hasProblems, publishProblems } from "@/lib/domain/publishing-rules";
import { challengeEntryProblems, challengePhase, mergeProblems, wordRangeText, type ChallengePhase, type EntryReceipt } from "@/lib/domain/challenge-rules";

// A creator enters their own story in an open challenge. The story meets its community's rules
// (publishProblems, the words publishing uses) and the challenge's own (challengeEntryProblems);
// it goes through review like any story and shows in the challenge once live. After the deadline
// entries lock: none are added or withdrawn.

export type OpenChallengeOption = { id: string; slug: string; title: string; closesAt: Date; communityName: string; wordRange: string | null; entriesPerCreator: number };
export type MyEntry = { id: string; challenge: { slug: string; title: string; closesAt: Date; phase: ChallengePhase }; receipt: EntryReceipt; judgesNotes: string[] };
export type StoryChallengePanel = { open: OpenChallengeOption[]; entries: MyEntry[] };

const NOT_FOUND = "We couldn't find that story.";

/** Author only (others' stories are NOT_FOUND): the challenges this story may enter, and its entries with their receipts. */
export async function getStoryChallengePanel(viewer: Viewer | null, storyId: string, now = new Date()): Promise<StoryChallengePanel> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!isId(storyId)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const story = await db.story.findFirst({ where: ownStoryWhere(viewer.id, storyId), select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND", NOT_FOUND);
  const [open, entries] = await Promise.all([
    db.challenge.findMany({
      where: { opensAt: { lte: now }, closesAt: { gt: now }, announcedAt: null, entries: { none: { storyId } } },
      orderBy: { closesAt: "asc" },
      select: { id: true, slug: true, title: true, closesAt: true, minWords: true, maxWords: true, entriesPerCreator: true, community: { select: { name: true } } },
    }),
    db.challengeEntry.findMany({
      where: { storyId, authorId: viewer.id },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        createdAt: true,
        readAt: true,
        shortlisted: true,
        placement: true,
        challenge: { select: { slug: true, title: true, opensAt: true, closesAt: true, announcedAt: true } },
        scores: { where: { note: { not: "" } }, select: { note: true } },
      },
    }),
  ]);
  return {
    open: open.map((c) => ({ id: c.id, slug: c.slug, title: c.title, closesAt: c.closesAt, communityName: c.community.name, wordRange: wordRangeText(c), entriesPerCreator: c.entriesPerCreator })),
    entries: entries.map((e) => {
      const announced = e.challenge.announcedAt !== null;
      return {
        id: e.id,
        challenge: { slug: e.challenge.slug, title: e.challenge.title, closesAt: e.challenge.closesAt, phase: challengePhase(e.challenge, now.getTime()) },
        // Placements and the judges' notes reach the creator with the results, not before.
        receipt: { received: e.createdAt, readAt: e.readAt, shortlisted: e.shortlisted, placement: announced ? e.placement : null, announced },
        judgesNotes: announced ? e.scores.map((s) => s.note) : [],
      };
    }),
  };
}

/** One creator's entries into one challenge at a time, so "entries per creator" holds under concurrent requests. */
async function lockCreatorEntries(tx: Prisma.TransactionClient, challengeId: string, authorId: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`challenge-entry:${challengeId}:${authorId}`}))`;
}

/**
 * Author only (needs story:publish; others' stories are NOT_FOUND): enters the story in an open
 * challenge. Refused, with field problems in the words publishing uses, when it breaks the
 * community's or the challenge's rules; refused once the deadline has passed.
 */
export async function enterChallenge(viewer: Viewer | null, storyId: string, challengeId: string, now = new Date()): Promise<{ entryId: string; challengeSlug: string }> {
  const me = requirePermission(viewer, "story:publish");
  if (!isId(storyId)) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!isId(challengeId)) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  return db.$transaction(async (tx) => {
    await lockCreatorEntries(tx, challengeId, me.id);
    const [story, challenge] = await Promise.all([
      tx.story.findFirst({
        where: ownStoryWhere(me.id, storyId),
        select: {
          title: true,
          subtitle: true,
          wordCount: true,
          heroImageUrl: true,
          heroImageAlt: true,
          aiAssisted: true,
          status: true,
          community: { select: { slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, archivedAt: true } },
        },
      }),
      tx.challenge.findUnique({
        where: { id: challengeId },
        select: { slug: true, title: true, opensAt: true, closesAt: true, announcedAt: true, minWords: true, maxWords: true, entriesPerCreator: true, community: { select: { slug: true, name: true } } },
      }),
    ]);
    if (!story) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (!challenge) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
    const phase = challengePhase(challenge, now.getTime());
    if (phase === "upcoming") throw new AppError("INVALID", `${challenge.title} isn't open for entries yet.`, { challenge: [`${challenge.title} isn't open for entries yet`] });
    if (phase !== "open") throw new AppError("INVALID", `${challenge.title} closed to entries on its deadline.`, { challenge: [`${challenge.title} closed to entries on its deadline`] });
    const entriesSoFar = await tx.challengeEntry.count({ where: { challengeId, authorId: me.id } });
    const { archivedAt, ...community } = story.community;
    const problems = mergeProblems(
      publishProblems({ ...story, liveHere: story.status === "PUBLISHED" }, { ...community, archived: archivedAt !== null }),
      challengeEntryProblems({ wordCount: story.wordCount, communitySlug: story.community.slug }, challenge, entriesSoFar),
    );
    if (hasProblems(problems)) throw new AppError("INVALID", `This story can't enter ${challenge.title} yet.`, problems);
    try {
      const entry = await tx.challengeEntry.create({ data: { challengeId, storyId, authorId: me.id }, select: { id: true } });
      return { entryId: entry.id, challengeSlug: challenge.slug };
    } catch (error) {
      // The same story entered twice at once (two tabs): the first one counts.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", `This story is already entered in ${challenge.title}.`);
      throw error;
    }
  });
}

/** Author only (needs story:write; others' entries are NOT_FOUND): withdraws their entry while the challenge is still open (after the deadline, entries lock). */
export async function withdrawEntry(viewer: Viewer | null, entryId: string, now = new Date()): Promise<{ challengeSlug: string; storyId: string }> {
  const me = requirePermission(viewer, "story:write");
  if (!isId(entryId)) throw new AppError("NOT_FOUND", "We couldn't find that entry.");
  const entry = await db.challengeEntry.findFirst({ where: { id: entryId, authorId: me.id }, select: { storyId: true, challenge: { select: { slug: true, title: true, opensAt: true, closesAt: true, announcedAt: true } } } });
  if (!entry) throw new AppError("NOT_FOUND", "We couldn't find that entry.");
  if (challengePhase(entry.challenge, now.getTime()) !== "open") throw new AppError("INVALID", `${entry.challenge.title} has passed its deadline: entries are locked.`);
  // The deadline is checked again in the delete itself, so a withdrawal racing the deadline can't slip past it.
  const { count } = await db.challengeEntry.deleteMany({ where: { id: entryId, authorId: me.id, challenge: { closesAt: { gt: now }, announcedAt: null } } });
  if (!count) throw new AppError("INVALID", `${entry.challenge.title} has passed its deadline: entries are locked.`);
  return { challengeSlug: entry.challenge.slug, storyId: entry.storyId };
}

/**
 * Inside the story save path (stories.ts): once a challenge the story is entered in has passed its
 * deadline, and until its results are out, the entry is what the judges read, so the story's text
 * is locked. Throws with the reason; the creator may still unpublish or delete it.
 */
export async function assertNotLockedByChallenge(storyId: string, now = new Date()): Promise<void> {
  // One query (a challenge with this story among its entries), not an entry and then its challenge: every save asks.
  const challenge = await db.challenge.findFirst({ where: { closesAt: { lte: now }, announcedAt: null, entries: { some: { storyId } } }, select: { title: true } });
  if (challenge) throw new AppError("INVALID", `This story is entered in ${challenge.title}, whose deadline has passed: it can't change until the results are out.`);
}
