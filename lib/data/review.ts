import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { afterKeyset } from "@/lib/data/keyset";
import { putStoryLive, reviewNotesOf, type StoryLocation, type StoryPreview } from "@/lib/data/stories";
import { approveSubmissionSchema, requestChangesSchema, type ApproveSubmissionInput, type RequestChangesInput } from "@/lib/validation/review";
import { fieldErrorsOf } from "@/lib/validation/form";
import type { StoryStatus } from "@/lib/generated/prisma/enums";

/** How long opening a submission keeps it for one moderator. */
export const CLAIM_MINUTES = 30;
const CLAIM_MS = CLAIM_MINUTES * 60 * 1000;

/** One automatic check a moderator sees at a glance. "info" is shown but neither passes nor fails. */
export type ReviewCheck = { key: "words" | "subtitle" | "hero" | "ai"; label: string; result: "pass" | "fail" | "info"; detail: string };

export type ReviewClaim = { holder: string; mine: boolean; until: Date };

export type ReviewQueueItem = {
  id: string;
  title: string;
  submittedAt: Date;
  scheduledAt: Date | null;
  wordCount: number;
  author: { name: string; handle: string };
  community: { slug: string; name: string };
  checks: ReviewCheck[];
  claim: ReviewClaim | null;
  /** A moderator's own story is listed but someone else must review it. */
  own: boolean;
};

export type ReviewDecisionEntry = { id: string; action: "REVIEW_APPROVE" | "REVIEW_REQUEST_CHANGES"; actorName: string; reason: string; notes: Record<string, string>; createdAt: Date };

export type SubmissionForReview = {
  id: string;
  status: StoryStatus;
  submittedAt: Date | null;
  scheduledAt: Date | null;
  wordCount: number;
  /** The story as its page will show it (the author's preview shape, components/story-article.tsx). */
  article: Omit<StoryPreview, "id" | "status">;
  checks: ReviewCheck[];
  /** The body's `## ` headings: the sections a moderator can leave a note on. */
  sections: string[];
  claim: ReviewClaim | null;
  history: ReviewDecisionEntry[];
};

type CheckedStory = { wordCount: number; subtitle: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean; community: { name: string; minWords: number; requireSubtitle: boolean; requireHero: boolean } };

const checkSelect = { wordCount: true, subtitle: true, heroImageUrl: true, heroImageAlt: true, aiAssisted: true, community: { select: { slug: true, name: true, minWords: true, requireSubtitle: true, requireHero: true } } } as const;

/** The automatic checks: the community's rules plus what a reader will be told about AI. */
export function reviewChecks(story: CheckedStory): ReviewCheck[] {
  const { community } = story;
  const minWords = Math.max(community.minWords, 1);
  const words = story.wordCount.toLocaleString("en-US");
  return [
    { key: "words", label: "Length", result: story.wordCount >= minWords ? "pass" : "fail", detail: community.minWords ? `${words} words (${community.name} asks for ${community.minWords})` : `${words} words` },
    { key: "subtitle", label: "Subtitle", result: story.subtitle ? "pass" : community.requireSubtitle ? "fail" : "info", detail: story.subtitle ? "Has a subtitle" : community.requireSubtitle ? `Missing (${community.name} requires one)` : "None (optional here)" },
    {
      key: "hero",
      label: "Hero image",
      result: story.heroImageUrl ? (story.heroImageAlt ? "pass" : "fail") : community.requireHero ? "fail" : "info",
      detail: story.heroImageUrl ? (story.heroImageAlt ? "Image with a description" : "Image without a description") : community.requireHero ? `Missing (${community.name} requires one)` : "None (optional here)",
    },
    { key: "ai", label: "AI disclosure", result: story.aiAssisted ? "pass" : "info", detail: story.aiAssisted ? "Shown: “Written with AI assistance”" : "Creator declared no AI help" },
  ];
}

/** The `## ` headings of a Markdown body, in order, without duplicates. */
export function sectionHeadings(markdown: string): string[] {
  const headings = [...markdown.matchAll(/^## +(.+?)\s*#*\s*$/gm)].map((m) => m[1].replace(/[*_`]/g, "").trim()).filter(Boolean);
  return [...new Set(headings)].slice(0, 50);
}

function claimExpiry(now: Date) {
  return new Date(now.getTime() - CLAIM_MS);
}

/** A submission this moderator may decide on now: still SUBMITTED, not their own, and not held by someone else. */
function decidableWhere(storyId: string, me: Viewer, now: Date): Prisma.StoryWhereInput {
  return {
    id: storyId,
    status: "SUBMITTED",
    deletedAt: null,
    authorId: { not: me.id },
    OR: [{ reviewClaimedById: null }, { reviewClaimedById: me.id }, { reviewClaimedAt: null }, { reviewClaimedAt: { lt: claimExpiry(now) } }],
  };
}

async function namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function claimOf(row: { reviewClaimedById: string | null; reviewClaimedAt: Date | null }, me: Viewer, names: Map<string, string>, now: Date): ReviewClaim | null {
  if (!row.reviewClaimedById || !row.reviewClaimedAt || row.reviewClaimedAt < claimExpiry(now)) return null;
  return { holder: names.get(row.reviewClaimedById) ?? "Another moderator", mine: row.reviewClaimedById === me.id, until: new Date(row.reviewClaimedAt.getTime() + CLAIM_MS) };
}

/** Staff with review:decide: submitted stories, oldest submission first, keyset-paginated by id. */
export async function listReviewQueue(viewer: Viewer | null, options: { cursor?: string; limit?: number } = {}): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
  const me = requirePermission(viewer, "review:decide");
  const limit = Math.min(options.limit ?? 25, 50);
  const now = new Date();
  const cursorRow = options.cursor ? await db.story.findFirst({ where: { id: options.cursor, status: "SUBMITTED" }, select: { id: true, submittedAt: true } }) : null;
  const rows = await db.story.findMany({
    where: { status: "SUBMITTED", deletedAt: null, ...(cursorRow ? afterKeyset(["submittedAt", "id"], cursorRow, "asc") : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      ...checkSelect,
      id: true,
      title: true,
      authorId: true,
      submittedAt: true,
      scheduledAt: true,
      reviewClaimedById: true,
      reviewClaimedAt: true,
      author: { select: { name: true, handle: true } },
    },
  });
  const page = rows.slice(0, limit);
  const names = await namesOf(page.map((r) => r.reviewClaimedById));
  const items = page.map((row) => ({
    id: row.id,
    title: row.title,
    submittedAt: row.submittedAt ?? now,
    scheduledAt: row.scheduledAt,
    wordCount: row.wordCount,
    author: row.author,
    community: { slug: row.community.slug, name: row.community.name },
    checks: reviewChecks(row),
    claim: claimOf(row, me, names, now),
    own: row.authorId === me.id,
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** Internal: earlier review decisions on a story, newest first (from the audit log). */
async function reviewHistory(storyId: string): Promise<ReviewDecisionEntry[]> {
  const rows = await db.moderationAction.findMany({
    where: { targetType: "STORY", targetId: storyId, action: { in: ["REVIEW_APPROVE", "REVIEW_REQUEST_CHANGES"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, action: true, actorId: true, reason: true, details: true, createdAt: true },
  });
  const names = await namesOf(rows.map((r) => r.actorId));
  return rows.map((r) => ({
    id: r.id,
    action: r.action as ReviewDecisionEntry["action"],
    actorName: (r.actorId && names.get(r.actorId)) || "A moderator",
    reason: r.reason,
    notes: reviewNotesOf((r.details as { notes?: unknown } | null)?.notes),
    createdAt: r.createdAt,
  }));
}

/**
 * Staff with review:decide, not on their own story: a submitted story with its checks, sections
 * and earlier decisions. Opening it claims it for CLAIM_MINUTES unless another moderator holds it
 * (the result's claim then names them). A story no longer waiting is a CONFLICT saying what happened.
 */
export async function getSubmissionForReview(viewer: Viewer | null, storyId: string): Promise<SubmissionForReview> {
  const me = requirePermission(viewer, "review:decide");
  const row = await db.story.findFirst({ where: { id: storyId, deletedAt: null }, select: { authorId: true, status: true } });
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (row.authorId === me.id) throw new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  if (row.status !== "SUBMITTED") throw await whyNotDecidable(storyId, me);
  const now = new Date();
  await db.story.updateMany({ where: decidableWhere(storyId, me, now), data: { reviewClaimedById: me.id, reviewClaimedAt: now } });
  const story = await db.story.findUniqueOrThrow({
    where: { id: storyId },
    select: {
      ...checkSelect,
      id: true,
      status: true,
      title: true,
      bodyMarkdown: true,
      bodyHtml: true,
      readingMinutes: true,
      publishedAt: true,
      submittedAt: true,
      scheduledAt: true,
      reviewClaimedById: true,
      reviewClaimedAt: true,
      author: { select: { name: true, handle: true, avatarUrl: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  const [names, history] = await Promise.all([namesOf([story.reviewClaimedById]), reviewHistory(storyId)]);
  return {
    id: story.id,
    status: story.status,
    submittedAt: story.submittedAt,
    scheduledAt: story.scheduledAt,
    wordCount: story.wordCount,
    article: {
      title: story.title,
      subtitle: story.subtitle,
      bodyHtml: story.bodyHtml,
      heroImageUrl: story.heroImageUrl,
      heroImageAlt: story.heroImageAlt,
      aiAssisted: story.aiAssisted,
      readingMinutes: story.readingMinutes,
      publishedAt: story.publishedAt,
      community: { slug: story.community.slug, name: story.community.name },
      author: story.author,
      tags: story.tags.map((t) => t.tag),
    },
    checks: reviewChecks(story),
    sections: sectionHeadings(story.bodyMarkdown),
    claim: claimOf(story, me, names, now),
    history,
  };
}

/** Why a decision on this story cannot be made by `me` now, as an error with a message to show. */
async function whyNotDecidable(storyId: string, me: Viewer): Promise<AppError> {
  const story = await db.story.findFirst({ where: { id: storyId }, select: { authorId: true, status: true, deletedAt: true, reviewClaimedById: true, reviewClaimedAt: true } });
  if (!story || story.deletedAt) return new AppError("NOT_FOUND", "We couldn't find that story. Its creator may have deleted it.");
  if (story.authorId === me.id) return new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  if (story.status === "SUBMITTED") {
    const names = await namesOf([story.reviewClaimedById]);
    const claim = claimOf(story, me, names, new Date());
    if (claim && !claim.mine) return new AppError("CONFLICT", `${claim.holder} is reviewing this story.`);
    return new AppError("CONFLICT", "This story changed while you were looking at it. Please try again.");
  }
  const [last] = await reviewHistory(storyId);
  if (story.status === "CHANGES_REQUESTED" && last?.action === "REVIEW_REQUEST_CHANGES") return new AppError("CONFLICT", `${last.actorName} already requested changes to this story.`);
  if ((story.status === "APPROVED" || story.status === "PUBLISHED") && last?.action === "REVIEW_APPROVE") return new AppError("CONFLICT", `This story was already approved by ${last.actorName}.`);
  if (story.status === "DRAFT" || story.status === "UNPUBLISHED") return new AppError("CONFLICT", "The creator withdrew this story to keep editing it.");
  return new AppError("CONFLICT", "This story isn't waiting for review any more.");
}

/** The story a decision is about: the fields the decision, its log entry and its notification need. */
async function submissionFor(storyId: string, me: Viewer) {
  const story = await db.story.findFirst({
    where: { id: storyId, deletedAt: null },
    select: { id: true, title: true, authorId: true, status: true, scheduledAt: true, bodyMarkdown: true, community: { select: { slug: true } }, author: { select: { handle: true } } },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (story.authorId === me.id) throw new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  return story;
}

const reviewCleared = { reviewClaimedById: null, reviewClaimedAt: null, reviewReason: null, reviewNotes: Prisma.DbNull };

/**
 * Staff with review:decide, not on their own story, while it is SUBMITTED and not claimed by
 * someone else: approves it. It goes live now, or at its scheduled time if that is still ahead.
 * The log entry and the creator's notification are written with the change, or not at all.
 */
export async function approveSubmission(viewer: Viewer | null, storyId: string, input: Partial<ApproveSubmissionInput> = {}): Promise<StoryLocation & { outcome: "published" | "scheduled" }> {
  const me = requirePermission(viewer, "review:decide");
  const parsed = approveSubmissionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Check the note.", fieldErrorsOf(parsed.error) as Record<string, string[]>);
  const { note } = parsed.data;
  const story = await submissionFor(storyId, me);
  const now = new Date();
  const record = async (tx: Prisma.TransactionClient, message: string, href: string) => {
    await recordAction(tx, { actorId: me.id, action: "REVIEW_APPROVE", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason: note || "Approved", details: { scheduledAt: story.scheduledAt?.toISOString() ?? null } });
    await notify(tx, story.authorId, { kind: "STORY_APPROVED", message, href, actorId: me.id });
  };

  if (story.scheduledAt && story.scheduledAt > now) {
    const scheduledAt = story.scheduledAt;
    const approved = await db.$transaction(async (tx) => {
      const { count } = await tx.story.updateMany({ where: decidableWhere(storyId, me, now), data: { status: "APPROVED", ...reviewCleared } });
      if (count === 0) return false;
      await record(tx, `Your story “${story.title}” was approved and will go live on ${scheduledAt.toUTCString().replace(/:\d\d GMT$/, " UTC")}.`, `/studio/stories/${storyId}/edit`);
      return true;
    });
    if (!approved) throw await whyNotDecidable(storyId, me);
    return { id: storyId, href: null, authorHandle: story.author.handle, communitySlug: story.community.slug, outcome: "scheduled" };
  }

  const live = await putStoryLive(storyId, {
    where: decidableWhere(storyId, me, now),
    data: { scheduledAt: null, ...reviewCleared },
    also: (tx, location) => record(tx, `Your story “${story.title}” was approved and is now live.`, location.href),
  });
  if (!live) throw await whyNotDecidable(storyId, me);
  return { ...live, outcome: "published" };
}

/**
 * Staff with review:decide, not on their own story, while it is SUBMITTED and not claimed by
 * someone else: sends it back to its creator with a reason (10–1000 characters) and optional notes
 * per section heading. Log entry and notification are written with the change, or not at all.
 */
export async function requestChanges(viewer: Viewer | null, storyId: string, input: RequestChangesInput): Promise<StoryLocation> {
  const me = requirePermission(viewer, "review:decide");
  const parsed = requestChangesSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Give the creator a reason they can act on.", fieldErrorsOf(parsed.error) as Record<string, string[]>);
  const story = await submissionFor(storyId, me);
  // Notes only for sections the story has (a stale form may name a heading since renamed).
  const sections = new Set(sectionHeadings(story.bodyMarkdown));
  const notes = Object.fromEntries(Object.entries(parsed.data.notes).filter(([heading]) => sections.has(heading)));
  const now = new Date();
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: decidableWhere(storyId, me, now),
      data: { status: "CHANGES_REQUESTED", reviewReason: parsed.data.reason, reviewNotes: notes, reviewClaimedById: null, reviewClaimedAt: null },
    });
    if (count === 0) return false;
    await recordAction(tx, { actorId: me.id, action: "REVIEW_REQUEST_CHANGES", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason: parsed.data.reason, details: { notes } });
    await notify(tx, story.authorId, { kind: "STORY_CHANGES_REQUESTED", message: `A moderator asked for changes to “${story.title}”: ${parsed.data.reason}`, href: `/studio/stories/${storyId}/edit`, actorId: me.id });
    return true;
  });
  if (!changed) throw await whyNotDecidable(storyId, me);
  return { id: storyId, href: null, authorHandle: story.author.handle, communitySlug: story.community.slug };
}
