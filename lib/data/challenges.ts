import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { cardSelect, publicWhere, toCard, type StoryCard } from "@/lib/data/story-shapes";
import { renderStory } from "@/lib/content/markdown";
import { isId, isSlug } from "@/lib/validation/ids";
import { challengePhase, prizesText, type ChallengePhase, type Prize } from "@/lib/domain/challenge-rules";
import type { ChallengeInput } from "@/lib/validation/challenge";

// Challenges: the public list and page, and staff's create and edit. Entering is in
// challenge-entries.ts, judging and the results in challenge-judging.ts.

export type ChallengeCard = {
  slug: string;
  title: string;
  community: { slug: string; name: string };
  opensAt: Date;
  closesAt: Date;
  announcedAt: Date | null;
  phase: ChallengePhase;
  entryCount: number;
  prizes: Prize[];
};

export type ChallengeRules = { minWords: number; maxWords: number; entriesPerCreator: number };
export type ChallengeResult = { placement: "WINNER" | "RUNNER_UP"; judgesNote: string; story: StoryCard };
export type ChallengePage = ChallengeCard &
  ChallengeRules & {
    id: string;
    promptHtml: string;
    criteria: string[];
    judges: { name: string; handle: string }[];
    /** Live entries, newest first (none before the challenge opens). */
    entries: StoryCard[];
    /** Winners first, then runners-up; empty until announced. */
    results: ChallengeResult[];
  };

export type ChallengeAdminRow = { id: string; slug: string; title: string; phase: ChallengePhase; closesAt: Date; entryCount: number; communityName: string };
export type ChallengeForEditing = { id: string; slug: string; title: string; phase: ChallengePhase; form: Record<string, string> };

/** Prizes as stored (JSON): only well-formed ones. */
export function prizesOf(value: unknown): Prize[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is Prize => !!p && typeof p === "object" && typeof p.label === "string" && typeof p.amount === "string");
}

const cardFields = {
  slug: true,
  title: true,
  opensAt: true,
  closesAt: true,
  announcedAt: true,
  prizes: true,
  community: { select: { slug: true, name: true } },
} as const;
/** Entries the public sees: their story is live. */
const liveEntry = { story: publicWhere } as const;

type CardRow = Prisma.ChallengeGetPayload<{ select: typeof cardFields }>;
function toChallengeCard(row: CardRow, entryCount: number, now: number): ChallengeCard {
  const { prizes, ...rest } = row;
  return { ...rest, prizes: prizesOf(prizes), phase: challengePhase(row, now), entryCount };
}

/** Public: every challenge with its phase (computed at `now`) and live entry count, deadlines first. */
export async function listChallenges(now = Date.now()): Promise<ChallengeCard[]> {
  const rows = await db.challenge.findMany({
    select: { ...cardFields, _count: { select: { entries: { where: liveEntry } } } },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map(({ _count, ...row }) => toChallengeCard(row, _count.entries, now));
}

/** Public: one challenge, its live entries (once open) and, when finished, its results; null if none. */
export async function getChallengePage(slug: string, now = Date.now()): Promise<ChallengePage | null> {
  if (!isSlug(slug)) return null;
  const row = await db.challenge.findUnique({
    where: { slug: slug.toLowerCase() },
    select: {
      ...cardFields,
      id: true,
      promptHtml: true,
      criteria: true,
      minWords: true,
      maxWords: true,
      entriesPerCreator: true,
      judges: { select: { user: { select: { name: true, handle: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!row) return null;
  const phase = challengePhase(row, now);
  const entries =
    phase === "upcoming"
      ? []
      : await db.challengeEntry.findMany({
          where: { challengeId: row.id, ...liveEntry },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 200,
          select: { placement: true, judgesNote: true, story: { select: cardSelect } },
        });
  const { judges, ...rest } = row;
  const results = phase === "finished" ? entries.filter((e) => e.placement).sort((a, b) => (a.placement === b.placement ? 0 : a.placement === "WINNER" ? -1 : 1)) : [];
  return {
    ...toChallengeCard(rest, entries.length, now),
    id: row.id,
    promptHtml: row.promptHtml,
    criteria: row.criteria,
    minWords: row.minWords,
    maxWords: row.maxWords,
    entriesPerCreator: row.entriesPerCreator,
    judges: judges.map((j) => j.user),
    entries: entries.map((e) => toCard(e.story)),
    results: results.map((e) => ({ placement: e.placement!, judgesNote: e.judgesNote, story: toCard(e.story) })),
  };
}

export type ChallengeBadge = { slug: string; title: string; placement: "WINNER" | "RUNNER_UP" };

/** Public: the announced placements of a live story (the badge on its page). */
export async function listStoryChallengeBadges(storyId: string): Promise<ChallengeBadge[]> {
  if (!isId(storyId)) return [];
  const rows = await db.challengeEntry.findMany({
    where: { storyId, placement: { not: null }, challenge: { announcedAt: { not: null } }, ...liveEntry },
    select: { placement: true, challenge: { select: { slug: true, title: true } } },
    orderBy: { challenge: { announcedAt: "desc" } },
  });
  return rows.map((r) => ({ ...r.challenge, placement: r.placement! }));
}

/** Public: a creator's announced placements (the badges on their profile). */
export async function listCreatorChallengeBadges(userId: string): Promise<ChallengeBadge[]> {
  if (!isId(userId)) return [];
  const rows = await db.challengeEntry.findMany({
    where: { authorId: userId, placement: { not: null }, challenge: { announcedAt: { not: null } }, ...liveEntry },
    select: { placement: true, challenge: { select: { slug: true, title: true } } },
    orderBy: { challenge: { announcedAt: "desc" } },
    take: 20,
  });
  return rows.map((r) => ({ ...r.challenge, placement: r.placement! }));
}

/** Staff (`challenge:manage`): every challenge, latest deadline first. */
export async function listChallengesForAdmin(viewer: Viewer | null): Promise<ChallengeAdminRow[]> {
  requirePermission(viewer, "challenge:manage");
  const rows = await db.challenge.findMany({
    select: { id: true, slug: true, title: true, opensAt: true, closesAt: true, announcedAt: true, community: { select: { name: true } }, _count: { select: { entries: true } } },
    orderBy: [{ closesAt: "desc" }, { id: "asc" }],
  });
  const now = Date.now();
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, phase: challengePhase(r, now), closesAt: r.closesAt, entryCount: r._count.entries, communityName: r.community.name }));
}

/** Staff (`challenge:manage`): one challenge as the edit form's fields. */
export async function getChallengeForEditing(viewer: Viewer | null, id: string): Promise<ChallengeForEditing> {
  requirePermission(viewer, "challenge:manage");
  const row = isId(id)
    ? await db.challenge.findUnique({
        where: { id },
        select: {
          id: true,
          slug: true,
          title: true,
          promptMarkdown: true,
          minWords: true,
          maxWords: true,
          entriesPerCreator: true,
          opensAt: true,
          closesAt: true,
          announcedAt: true,
          criteria: true,
          prizes: true,
          community: { select: { slug: true } },
          judges: { select: { user: { select: { handle: true } } } },
        },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    phase: challengePhase(row),
    form: {
      title: row.title,
      slug: row.slug,
      prompt: row.promptMarkdown,
      community: row.community.slug,
      minWords: String(row.minWords),
      maxWords: String(row.maxWords),
      entriesPerCreator: String(row.entriesPerCreator),
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      criteria: row.criteria.join("\n"),
      prizes: prizesText(prizesOf(row.prizes)),
      judges: row.judges.map((j) => j.user.handle).join(", "),
    },
  };
}

const slugTaken = () => new AppError("CONFLICT", "Another challenge has that address.", { slug: ["Another challenge has that address; choose another"] });

/** The stored fields of a challenge from the form: the community by slug, judges by handle, the prompt rendered and sanitized. */
async function challengeData(tx: Prisma.TransactionClient, input: ChallengeInput) {
  const community = await tx.community.findUnique({ where: { slug: input.community }, select: { id: true, archivedAt: true } });
  if (!community || community.archivedAt) throw new AppError("INVALID", "Choose a community that takes stories.", { community: ["Choose a community that takes stories"] });
  const judges = input.judges.length ? await tx.user.findMany({ where: { handle: { in: input.judges } }, select: { id: true, handle: true } }) : [];
  const unknown = input.judges.filter((h) => !judges.some((j) => j.handle === h));
  if (unknown.length) throw new AppError("INVALID", "Some judges weren't found.", { judges: [`No member has the handle ${unknown.map((h) => `@${h}`).join(", ")}`] });
  const prompt = await renderStory(input.prompt).catch((error) => {
    // The renderer's refusals name the `body` field; here the field is the prompt.
    if (error instanceof AppError && error.fieldErrors?.body) throw new AppError(error.code, error.message, { prompt: error.fieldErrors.body });
    throw error;
  });
  return {
    judgeIds: judges.map((j) => j.id),
    data: {
      title: input.title,
      slug: input.slug,
      promptMarkdown: input.prompt,
      promptHtml: prompt.html,
      communityId: community.id,
      minWords: input.minWords,
      maxWords: input.maxWords,
      entriesPerCreator: input.entriesPerCreator,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      criteria: input.criteria,
      prizes: input.prizes,
    },
  };
}

/** Staff (`challenge:manage`): creates a challenge, with an audit entry. */
export async function createChallenge(viewer: Viewer | null, input: ChallengeInput): Promise<{ id: string; slug: string }> {
  const me = requirePermission(viewer, "challenge:manage");
  try {
    return await db.$transaction(async (tx) => {
      const { data, judgeIds } = await challengeData(tx, input);
      const created = await tx.challenge.create({ data: { ...data, judges: { create: judgeIds.map((userId) => ({ userId })) } }, select: { id: true, slug: true } });
      await recordAction(tx, { actorId: me.id, action: "CHALLENGE_CREATE", targetType: "CHALLENGE", targetId: created.id, reason: input.reason, details: { title: input.title, slug: input.slug } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/**
 * Staff (`challenge:manage`): saves a challenge and its judges, with an audit entry of what
 * changed. Once results are announced, the challenge is a record and can't change.
 */
export async function updateChallenge(viewer: Viewer | null, id: string, input: ChallengeInput): Promise<{ id: string; slug: string; oldSlug: string }> {
  const me = requirePermission(viewer, "challenge:manage");
  if (!isId(id)) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.challenge.findUnique({ where: { id }, select: { slug: true, title: true, announcedAt: true, opensAt: true, closesAt: true, minWords: true, maxWords: true, entriesPerCreator: true, criteria: true } });
      if (!before) throw new AppError("NOT_FOUND", "We couldn't find that challenge.");
      if (before.announcedAt) throw new AppError("CONFLICT", "This challenge's results are out, so it can't change any more.");
      const { data, judgeIds } = await challengeData(tx, input);
      await tx.challenge.update({ where: { id }, data, select: { id: true } });
      await tx.challengeJudge.deleteMany({ where: { challengeId: id, userId: { notIn: judgeIds } } });
      await tx.challengeJudge.createMany({ data: judgeIds.map((userId) => ({ challengeId: id, userId })), skipDuplicates: true });
      const changed = Object.fromEntries(
        (["slug", "title", "opensAt", "closesAt", "minWords", "maxWords", "entriesPerCreator", "criteria"] as const)
          .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(data[key]))
          .map((key) => [key, { from: before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key], to: data[key] instanceof Date ? (data[key] as Date).toISOString() : data[key] }]),
      );
      await recordAction(tx, { actorId: me.id, action: "CHALLENGE_UPDATE", targetType: "CHALLENGE", targetId: id, reason: input.reason, details: { ...changed, judges: input.judges } });
      return { id, slug: data.slug, oldSlug: before.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}
