import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermissionScope } from "@/lib/auth/guard";
import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAction } from "@/lib/data/audit";
import { notify } from "@/lib/data/notifications";
import { afterKeyset } from "@/lib/data/keyset";
import { applyHeldEdit, putStoryLive } from "@/lib/data/stories";
import { reviewNotesOf, type StoryLocation } from "@/lib/data/story-shapes";
import { type StoryPreview } from "@/lib/data/studio-stories";
import { transitionData, transitionWhere } from "@/lib/data/story-lifecycle";
import { publishProblems, type CommunityRulesInput } from "@/lib/domain/publishing-rules";
import { storyChanges, type FieldChange } from "@/lib/domain/story-diff";
import { countWords, renderStory } from "@/lib/content/markdown";
import { approveSubmissionSchema, requestChangesSchema, type ApproveSubmissionInput, type RequestChangesInput } from "@/lib/validation/review";
import { fieldErrorsOf } from "@/lib/validation/form";
import type { StoryStatus } from "@/lib/generated/prisma/enums";

/** How long opening a submission keeps it for one moderator. */
export const CLAIM_MINUTES = 30;
const CLAIM_MS = CLAIM_MINUTES * 60 * 1000;

/** One automatic check a moderator sees at a glance. "info" is shown but neither passes nor fails. */
export type ReviewCheck = { key: "words" | "subtitle" | "hero" | "ai"; label: string; result: "pass" | "fail" | "info"; detail: string };

export type ReviewClaim = { holder: string; mine: boolean; until: Date };

/** A new story (or one coming back), or an edit to a live story held for review. */
export type ReviewKind = "story" | "edit";

export type ReviewQueueItem = {
  id: string;
  kind: ReviewKind;
  /** For an edit: what it changes in the live story, word by word. */
  changes: FieldChange[];
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
  kind: ReviewKind;
  changes: FieldChange[];
  /** For an edit: the version the moderator is looking at; a decision on another one is refused. */
  editVersion: number | null;
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

type CheckedStory = { title: string; wordCount: number; subtitle: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean; community: CommunityRulesInput };

const checkSelect = { title: true, wordCount: true, subtitle: true, heroImageUrl: true, heroImageAlt: true, aiAssisted: true, community: { select: { slug: true, name: true, minWords: true, requireSubtitle: true, requireHero: true, allowAiAssisted: true } } } as const;


/**
 * The automatic checks: the community's publishing rules (lib/domain/publishing-rules.ts, the same
 * function the editor and publishing use, so a failed check reads as the creator was told) plus
 * what a reader will be told about AI.
 */
export function reviewChecks(story: CheckedStory): ReviewCheck[] {
  const { community } = story;
  const problems = publishProblems(story, community);
  const words = story.wordCount.toLocaleString("en-US");
  const heroProblem = problems.heroImage?.[0] ?? problems.heroImageAlt?.[0];
  return [
    { key: "words", label: "Length", result: problems.body ? "fail" : "pass", detail: problems.body?.[0] ?? (community.minWords ? `${words} words (${community.name} asks for ${community.minWords})` : `${words} words`) },
    { key: "subtitle", label: "Subtitle", result: problems.subtitle ? "fail" : story.subtitle ? "pass" : "info", detail: problems.subtitle?.[0] ?? (story.subtitle ? "Has a subtitle" : "None (optional here)") },
    {
      key: "hero",
      label: "Hero image",
      result: heroProblem ? "fail" : story.heroImageUrl ? "pass" : "info",
      detail: heroProblem ?? (story.heroImageUrl ? "Image with a description" : "None (optional here)"),
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

/**
 * In the review queue: a submitted story, or a live one whose held edit was submitted (its
 * submittedAt is set only then; lib/domain/story-status.ts). Both halves use the
 * (status, submittedAt, id) index; a condition on the edit's own row would not.
 */
const queuedWhere = {
  deletedAt: null,
  OR: [{ status: "SUBMITTED" }, { status: "PUBLISHED", submittedAt: { not: null } }],
} as const satisfies Prisma.StoryWhereInput;

/** Edits in the queue carry what the diff and the checks need: the held text. */
const editSelect = { title: true, subtitle: true, bodyMarkdown: true, tags: true, heroImageUrl: true, heroImageAlt: true, aiAssisted: true, version: true, submitted: true } as const;

/** What the queue and the review page both read of a submission: its checks, text, place in the queue and claim. */
const submissionSelect = {
  ...checkSelect,
  id: true,
  status: true,
  bodyMarkdown: true,
  submittedAt: true,
  scheduledAt: true,
  reviewClaimedById: true,
  reviewClaimedAt: true,
  pendingEdit: { select: editSelect },
} as const;
type EditRow = { title: string; subtitle: string; bodyMarkdown: string; tags: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean; version: number; submitted: boolean };
type LiveRow = { title: string; subtitle: string; bodyMarkdown: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean; tags: { tag: { name: string } }[] };

function tagList(row: LiveRow) {
  return row.tags.map((t) => t.tag.name).join(", ");
}

/** What the held edit changes in the live story. */
function editChanges(live: LiveRow, edit: EditRow): FieldChange[] {
  const text = (row: { title: string; subtitle: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean }, body: string, tags: string) => ({ title: row.title, subtitle: row.subtitle, body, tags, heroImageUrl: row.heroImageUrl ?? "", heroImageAlt: row.heroImageAlt ?? "", aiAssisted: row.aiAssisted });
  return storyChanges(text(live, live.bodyMarkdown, tagList(live)), text(edit, edit.bodyMarkdown, edit.tags));
}

/** The checks of a held edit: the same rules, on the edit's text. */
function editChecks(edit: EditRow, community: CommunityRulesInput): ReviewCheck[] {
  return reviewChecks({ ...edit, wordCount: countWords(edit.bodyMarkdown), community });
}

/**
 * A submission this moderator may decide on now: still in the queue (the story SUBMITTED, or its
 * held edit submitted, at `editVersion` when given), not their own, and not held by someone else.
 */
function decidableWhere(storyId: string, me: Viewer, now: Date, kind: ReviewKind = "story", editVersion?: number | null): Prisma.StoryWhereInput {
  return {
    id: storyId,
    ...(kind === "story" ? { status: "SUBMITTED" as const } : { status: "PUBLISHED" as const, pendingEdit: { is: { submitted: true, ...(editVersion ? { version: editVersion } : {}) } } }),
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

/** The stories a reviewer may see: every one for staff, their communities' for a community moderator. */
function reviewableWhere(communities: "all" | readonly string[]): Prisma.StoryWhereInput {
  return communities === "all" ? {} : { communityId: { in: [...communities] } };
}

/**
 * The reviewer, who may decide on this story: staff anywhere, a community moderator in their
 * communities. A story elsewhere is NOT_FOUND for them, as if it did not exist.
 */
async function requireReviewerOf(viewer: Viewer | null, storyId: string): Promise<Viewer> {
  const { me, communities } = requirePermissionScope(viewer, "review:decide");
  if (communities === "all") return me;
  const story = await db.story.findFirst({ where: { id: storyId }, select: { communityId: true } });
  if (!story || !can(me, "review:decide", { communityId: story.communityId })) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  return me;
}

/**
 * Staff with review:decide (every community), or a community moderator (their communities only):
 * submitted stories, oldest submission first, keyset-paginated by id.
 */
export async function listReviewQueue(viewer: Viewer | null, options: { cursor?: string; limit?: number } = {}): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
  const { me, communities } = requirePermissionScope(viewer, "review:decide");
  const scoped = reviewableWhere(communities);
  const limit = Math.min(options.limit ?? 25, 50);
  const now = new Date();
  const cursorRow = options.cursor ? await db.story.findFirst({ where: { id: options.cursor, ...queuedWhere, ...scoped }, select: { id: true, submittedAt: true } }) : null;
  const rows = await db.story.findMany({
    where: { AND: [queuedWhere, scoped, cursorRow ? afterKeyset(["submittedAt", "id"], cursorRow, "asc") : {}] },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      ...submissionSelect,
      authorId: true,
      author: { select: { name: true, handle: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  const page = rows.slice(0, limit);
  const names = await namesOf(page.map((r) => r.reviewClaimedById));
  const items = page.map((row): ReviewQueueItem => {
    const edit = row.status === "PUBLISHED" ? row.pendingEdit : null;
    return {
    id: row.id,
    kind: edit ? "edit" : "story",
    changes: edit ? editChanges(row, edit) : [],
    title: edit?.title ?? row.title,
    submittedAt: row.submittedAt ?? now,
    scheduledAt: edit ? null : row.scheduledAt,
    wordCount: edit ? countWords(edit.bodyMarkdown) : row.wordCount,
    author: row.author,
    community: { slug: row.community.slug, name: row.community.name },
    checks: edit ? editChecks(edit, row.community) : reviewChecks(row),
    claim: claimOf(row, me, names, now),
    own: row.authorId === me.id,
    };
  });
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
 * Staff with review:decide (a community moderator: in their communities), not on their own story: claims a submitted story (or held edit) for
 * CLAIM_MINUTES unless another moderator holds it, then returns it with its checks, sections and
 * earlier decisions (the result's claim names whoever holds it). A write, so a page calls it only
 * when the moderator opens the story. A story no longer waiting is a CONFLICT saying what happened.
 */
export async function claimSubmissionForReview(viewer: Viewer | null, storyId: string): Promise<SubmissionForReview> {
  const me = await requireReviewerOf(viewer, storyId);
  const row = await db.story.findFirst({ where: { id: storyId, deletedAt: null }, select: { authorId: true, status: true, pendingEdit: { select: { submitted: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (row.authorId === me.id) throw new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  const kind: ReviewKind = row.status === "PUBLISHED" && row.pendingEdit?.submitted ? "edit" : "story";
  if (kind === "story" && row.status !== "SUBMITTED") throw await whyNotDecidable(storyId, me);
  const now = new Date();
  await db.story.updateMany({ where: decidableWhere(storyId, me, now, kind), data: { reviewClaimedById: me.id, reviewClaimedAt: now } });
  const story = await db.story.findUniqueOrThrow({
    where: { id: storyId },
    select: {
      ...submissionSelect,
      bodyHtml: true,
      readingMinutes: true,
      publishedAt: true,
      author: { select: { name: true, handle: true, avatarUrl: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  const [names, history] = await Promise.all([namesOf([story.reviewClaimedById]), reviewHistory(storyId)]);
  const edit = kind === "edit" ? story.pendingEdit : null;
  if (edit) {
    // The moderator reads the edit as it would go live, with what it changes beside it.
    const rendered = await renderStory(edit.bodyMarkdown);
    return {
      id: story.id,
      kind,
      changes: editChanges(story, edit),
      editVersion: edit.version,
      status: story.status,
      submittedAt: story.submittedAt,
      scheduledAt: null,
      wordCount: rendered.wordCount,
      article: {
        title: edit.title,
        subtitle: edit.subtitle,
        bodyHtml: rendered.html,
        heroImageUrl: edit.heroImageUrl,
        heroImageAlt: edit.heroImageAlt,
        aiAssisted: edit.aiAssisted,
        readingMinutes: rendered.readingMinutes,
        publishedAt: story.publishedAt,
        community: { slug: story.community.slug, name: story.community.name },
        author: story.author,
        tags: edit.tags.split(",").map((name) => name.trim()).filter(Boolean).map((name) => ({ slug: name.toLowerCase(), name })),
      },
      checks: reviewChecks({ ...edit, wordCount: rendered.wordCount, community: story.community }),
      sections: sectionHeadings(edit.bodyMarkdown),
      claim: claimOf(story, me, names, now),
      history,
    };
  }
  return {
    id: story.id,
    kind,
    changes: [],
    editVersion: null,
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
  const story = await db.story.findFirst({ where: { id: storyId }, select: { authorId: true, status: true, deletedAt: true, reviewClaimedById: true, reviewClaimedAt: true, pendingEdit: { select: { submitted: true } } } });
  if (!story || story.deletedAt) return new AppError("NOT_FOUND", "We couldn't find that story. Its creator may have deleted it.");
  if (story.authorId === me.id) return new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  if (story.status === "SUBMITTED" || (story.status === "PUBLISHED" && story.pendingEdit?.submitted)) {
    const names = await namesOf([story.reviewClaimedById]);
    const claim = claimOf(story, me, names, new Date());
    if (claim && !claim.mine) return new AppError("CONFLICT", `${claim.holder} is reviewing this story.`);
    return new AppError("CONFLICT", "This story changed while you were looking at it (its creator may have saved again). Reload it to see the latest.");
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
    select: { id: true, title: true, authorId: true, status: true, scheduledAt: true, bodyMarkdown: true, community: { select: { slug: true } }, author: { select: { handle: true } }, pendingEdit: { select: { bodyMarkdown: true, submitted: true } } },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (story.authorId === me.id) throw new AppError("FORBIDDEN", "You can't review your own story; another moderator will.");
  const edit = story.status === "PUBLISHED" && story.pendingEdit?.submitted ? story.pendingEdit : null;
  return { ...story, kind: (edit ? "edit" : "story") as ReviewKind, bodyMarkdown: edit?.bodyMarkdown ?? story.bodyMarkdown };
}

/**
 * Staff with review:decide (a community moderator: in their communities), not on their own story,
 * while it is SUBMITTED and not claimed by someone else: approves it. It goes live now, or at its scheduled time if that is still ahead.
 * The log entry and the creator's notification are written with the change, or not at all.
 */
export async function approveSubmission(viewer: Viewer | null, storyId: string, input: Partial<ApproveSubmissionInput> = {}): Promise<StoryLocation & { outcome: "published" | "scheduled" }> {
  const me = await requireReviewerOf(viewer, storyId);
  const parsed = approveSubmissionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Check the note.", fieldErrorsOf(parsed.error));
  const { note, editVersion } = parsed.data;
  const story = await submissionFor(storyId, me);
  const now = new Date();
  const record = async (tx: Prisma.TransactionClient, message: string, href: string) => {
    const details = story.kind === "edit" ? { edit: true, editVersion: editVersion ?? null } : { scheduledAt: story.scheduledAt?.toISOString() ?? null };
    await recordAction(tx, { actorId: me.id, action: "REVIEW_APPROVE", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason: note || "Approved", details });
    await notify(tx, story.authorId, { kind: "STORY_APPROVED", message, href, actorId: me.id });
  };

  if (story.kind === "edit") {
    const live = await applyHeldEdit(storyId, {
      where: decidableWhere(storyId, me, now, "edit", editVersion),
      also: (tx, location) => record(tx, `Your changes to “${story.title}” were approved and are now live.`, location.href),
    });
    if (!live) throw await whyNotDecidable(storyId, me);
    return { ...live, outcome: "published" };
  }

  if (story.scheduledAt && story.scheduledAt > now) {
    const scheduledAt = story.scheduledAt;
    const approved = await db.$transaction(async (tx) => {
      const { count } = await tx.story.updateMany({ where: transitionWhere("approveScheduled", "moderator", storyId, decidableWhere(storyId, me, now)), data: transitionData("approveScheduled") });
      if (count === 0) return false;
      await record(tx, `Your story “${story.title}” was approved and will go live on ${scheduledAt.toUTCString().replace(/:\d\d GMT$/, " UTC")}.`, `/studio/stories/${storyId}/edit`);
      return true;
    });
    if (!approved) throw await whyNotDecidable(storyId, me);
    return { id: storyId, href: null, authorHandle: story.author.handle, communitySlug: story.community.slug, outcome: "scheduled" };
  }

  const live = await putStoryLive(storyId, {
    transition: "approve",
    where: decidableWhere(storyId, me, now),
    also: (tx, location) => record(tx, `Your story “${story.title}” was approved and is now live.`, location.href),
  });
  if (!live) throw await whyNotDecidable(storyId, me);
  return { ...live, outcome: "published" };
}

/**
 * Staff with review:decide (a community moderator: in their communities), not on their own story,
 * while it is SUBMITTED and not claimed by someone else: sends it back to its creator with a reason (10–1000 characters) and optional notes
 * per section heading. Log entry and notification are written with the change, or not at all.
 */
export async function requestChanges(viewer: Viewer | null, storyId: string, input: RequestChangesInput): Promise<StoryLocation> {
  const me = await requireReviewerOf(viewer, storyId);
  const parsed = requestChangesSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Give the creator a reason they can act on.", fieldErrorsOf(parsed.error));
  const story = await submissionFor(storyId, me);
  // Notes only for sections the story has (a stale form may name a heading since renamed).
  const sections = new Set(sectionHeadings(story.bodyMarkdown));
  const notes = Object.fromEntries(Object.entries(parsed.data.notes).filter(([heading]) => sections.has(heading)));
  const now = new Date();
  const changed = await db.$transaction(async (tx) => {
    if (story.kind === "edit") {
      // The live text stays; the held edit goes back to its creator with the reason.
      const { count } = await tx.story.updateMany({ where: transitionWhere("requestEditChanges", "moderator", storyId, decidableWhere(storyId, me, now, "edit", parsed.data.editVersion)), data: transitionData("requestEditChanges") });
      if (count === 0) return false;
      await tx.storyPendingEdit.update({ where: { storyId }, data: { submitted: false, reviewReason: parsed.data.reason, reviewNotes: notes } });
    } else {
      const { count } = await tx.story.updateMany({
        where: transitionWhere("requestChanges", "moderator", storyId, decidableWhere(storyId, me, now)),
        data: transitionData("requestChanges", { reviewReason: parsed.data.reason, reviewNotes: notes }),
      });
      if (count === 0) return false;
    }
    await recordAction(tx, { actorId: me.id, action: "REVIEW_REQUEST_CHANGES", targetType: "STORY", targetId: storyId, subjectUserId: story.authorId, reason: parsed.data.reason, details: { notes } });
    await notify(tx, story.authorId, { kind: "STORY_CHANGES_REQUESTED", message: `A moderator asked for changes to “${story.title}”: ${parsed.data.reason}`, href: `/studio/stories/${storyId}/edit`, actorId: me.id });
    return true;
  });
  if (!changed) throw await whyNotDecidable(storyId, me);
  return { id: storyId, href: null, authorHandle: story.author.handle, communitySlug: story.community.slug };
}
