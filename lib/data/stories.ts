import "server-only";
import { queueNewStoryFanOut } from "@/lib/data/email-notifications";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderStory } from "@/lib/content/markdown";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import { storyInputSchema, type StoryInput } from "@/lib/validation/story";
import { assertNotLockedByChallenge } from "@/lib/data/challenge-entries";
import { archivedProblem, HERO_ALT_MISSING, hasProblems, publishProblems, scheduleWindowProblem } from "@/lib/domain/publishing-rules";
import { editModeFor, lockedMessage, type TransitionName } from "@/lib/domain/story-status";
import { isMinorEdit, type ReviewedText } from "@/lib/domain/story-edits";
import { changedMeanwhile, transitionData, transitionWhere } from "@/lib/data/story-lifecycle";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { setStoryTags } from "@/lib/data/tags";
import { refreshSearchVector } from "@/lib/data/search-vectors";
import { notify } from "@/lib/data/notifications";
import { isTrusted } from "@/lib/data/trust";
import { ownStoryWhere, storyHref, type StoryLocation } from "@/lib/data/story-shapes";
import { getStoryForEditing } from "@/lib/data/studio-stories";

// A story's lifecycle writes: drafts, saves, publishing, held edits, withdrawing, unpublishing,
// deleting (every status change through lib/data/story-lifecycle.ts). Shared shapes:
// story-shapes.ts; public reads: public-stories.ts; the studio's reads: studio-stories.ts.

const communitySelect = { id: true, slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, archivedAt: true } as const;
type CommunityRow = Prisma.CommunityGetPayload<{ select: typeof communitySelect }>;
type CommunityWithRules = Omit<CommunityRow, "archivedAt"> & { archived: boolean };

/**
 * The community a story is saved to, with its rules. An archived one takes no new drafts: only
 * stories already in it (`current`, read with the story, so a save that keeps its community asks
 * the database nothing more).
 */
async function communityFor(slug: string, current?: CommunityRow): Promise<CommunityWithRules> {
  const found = slug === current?.slug ? current : await db.community.findUnique({ where: { slug }, select: communitySelect });
  if (!found) throw new AppError("INVALID", "Choose a community from the list.", { community: ["Choose a community from the list"] });
  const { archivedAt, ...community } = found;
  if (archivedAt && slug !== current?.slug) throw new AppError("INVALID", "Choose another community.", { community: [archivedProblem(community.name)] });
  return { ...community, archived: archivedAt !== null };
}

/** Internal (data layer): a story's stored content from its input. Renders before any transaction opens: a render may take a while, and holds no connection. */
export async function contentFields(input: StoryInput) {
  const rendered = await renderStory(input.body);
  return {
    title: input.title,
    subtitle: input.subtitle,
    bodyMarkdown: input.body,
    bodyHtml: rendered.html,
    wordCount: rendered.wordCount,
    readingMinutes: rendered.readingMinutes,
    heroImageUrl: input.heroImageUrl || null,
    heroImageAlt: input.heroImageUrl ? input.heroImageAlt : null,
    aiAssisted: input.aiAssisted,
  };
}

/** Any creator: starts a draft of their own. */
export async function createDraft(viewer: Viewer | null, input: StoryInput, options: { revision?: "SAVE" } = {}): Promise<{ id: string; version: number }> {
  const me = requirePermission(viewer, "story:write");
  const community = await communityFor(input.community);
  const content = await contentFields(input);
  const draft = await db.$transaction(async (tx) => {
    const story = await tx.story.create({ data: { ...content, authorId: me.id, communityId: community.id }, select: { id: true, version: true } });
    await setStoryTags(tx, story.id, input.tags, { isNew: true });
    if (options.revision) await recordRevision(tx, story.id, options.revision);
    return story;
  });
  await refreshSearchVector(draft.id);
  return draft;
}

/** `held`: the save became (or joined) an edit waiting for review; readers still see the live text. */
export type SavedStory = StoryLocation & { version: number; updatedAt: Date; held: boolean };

export type SaveOptions = {
  /** The version the editor started from; when it is not the current one, the save is a CONFLICT. */
  expectedVersion?: number;
  /** Keep a revision of what was saved (explicit saves and restores; autosaves keep none). */
  revision?: "SAVE" | "RESTORE";
};

/** What a save reads about the story it changes, once. */
const saveSelect = {
  status: true,
  slug: true,
  version: true,
  publishedAt: true,
  heroImageUrl: true,
  heroImageAlt: true,
  aiAssisted: true,
  community: { select: communitySelect },
  pendingEdit: { select: { submitted: true } },
} as const;
type SaveCurrent = Prisma.StoryGetPayload<{ select: typeof saveSelect }>;

async function storyForSave(authorId: string, storyId: string): Promise<SaveCurrent> {
  const current = await db.story.findFirst({ where: ownStoryWhere(authorId, storyId), select: saveSelect });
  if (!current) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  await assertNotLockedByChallenge(storyId);
  return current;
}

/** The checks every save of an existing story makes before writing (status, version, community, live alt text). */
function assertSavable(current: SaveCurrent, input: StoryInput, expectedVersion: number | undefined) {
  if (editModeFor(current.status, "trustedAuthor") === "locked") throw new AppError("INVALID", lockedMessage(current.status));
  if (current.status === "PUBLISHED" && input.heroImageUrl && !input.heroImageAlt) {
    throw new AppError("INVALID", "This story is live, so its hero image needs a description.", { heroImageAlt: [HERO_ALT_MISSING] });
  }
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw conflict();
  // The URL contains the community, so it is fixed once the story has been published.
  if (current.slug && input.community !== current.community.slug) {
    throw new AppError("INVALID", "A published story stays in its community.", { community: ["A published story can't move to another community"] });
  }
}

/** Tag lists compared without regard to order or case. */
function tagKey(names: string[]) {
  return names.map((name) => name.trim().toLowerCase()).filter(Boolean).sort().join(",");
}

/**
 * An edit to a live story: does it go live now (a trusted creator, or a minor fix measured against
 * the last text that went live through review or a trusted publish), or wait for review? Once an
 * edit is held, later saves join it.
 */
async function liveEditGoesLive(authorId: string, storyId: string, current: SaveCurrent, input: StoryInput): Promise<boolean> {
  if (editModeFor("PUBLISHED", (await isTrusted(db, authorId)) ? "trustedAuthor" : "author") === "direct") return true;
  if (current.pendingEdit) return false;
  const reviewed = await db.storyRevision.findFirst({ where: { storyId, kind: "PUBLISH" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { title: true, subtitle: true, bodyMarkdown: true, tags: true } });
  if (!reviewed) return false;
  const before: ReviewedText = { title: reviewed.title, subtitle: reviewed.subtitle, body: reviewed.bodyMarkdown, tags: tagKey(reviewed.tags.split(",")), heroImageUrl: current.heroImageUrl ?? "", heroImageAlt: current.heroImageAlt ?? "", aiAssisted: current.aiAssisted };
  const after: ReviewedText = { title: input.title, subtitle: input.subtitle, body: input.body, tags: tagKey(input.tags.map((t) => t.name)), heroImageUrl: input.heroImageUrl, heroImageAlt: input.heroImageAlt, aiAssisted: input.aiAssisted };
  return isMinorEdit(before, after);
}

/**
 * Inside a transaction: keeps `input` as the live story's held edit (holdEdit), or also puts it in
 * the review queue (submitEdit; the story's submittedAt is its place there, kept when resubmitted).
 * Returns false, writing nothing, when the story is no longer at `version` or no longer live.
 */
async function holdEdit(tx: Prisma.TransactionClient, authorId: string, storyId: string, current: SaveCurrent, input: StoryInput, submit: boolean): Promise<boolean> {
  const name: TransitionName = submit ? "submitEdit" : "holdEdit";
  const queued = submit && !current.pendingEdit?.submitted ? { submittedAt: new Date() } : {};
  const { count } = await tx.story.updateMany({
    where: transitionWhere(name, "author", storyId, { ...ownStoryWhere(authorId, storyId), version: current.version }),
    data: transitionData(name, { version: { increment: 1 }, ...queued }),
  });
  if (count === 0) return false;
  const text = {
    title: input.title,
    subtitle: input.subtitle,
    bodyMarkdown: input.body,
    tags: input.tags.map((t) => t.name).join(", "),
    heroImageUrl: input.heroImageUrl || null,
    heroImageAlt: input.heroImageUrl ? input.heroImageAlt : null,
    aiAssisted: input.aiAssisted,
    version: current.version + 1,
    // Submitting answers a moderator's earlier request; a plain save leaves it (and the queue place) as it was.
    ...(submit ? { submitted: true, reviewReason: null, reviewNotes: Prisma.DbNull } : {}),
  };
  await tx.storyPendingEdit.upsert({ where: { storyId }, create: { storyId, ...text }, update: text });
  // What the moderator is asked to read, kept for the creator's revisions.
  if (submit) await recordRevision(tx, storyId, "SUBMIT", text);
  return true;
}

/**
 * Author only (others' stories are NOT_FOUND): saves new content. A draft or unpublished story
 * changes directly; a live story changes live for a trusted creator (or a minor fix), and is
 * otherwise held as an edit for review while readers keep the live text (`held`). With
 * `expectedVersion`, a save from a tab that missed a later save fails with CONFLICT instead of
 * silently overwriting it.
 */
export async function updateStory(viewer: Viewer | null, storyId: string, input: StoryInput, options: SaveOptions = {}): Promise<SavedStory> {
  const me = requirePermission(viewer, "story:write");
  const current = await storyForSave(me.id, storyId);
  // Saving a live story can publish the new text at once, so a publishing ban stops it too.
  if (current.status === "PUBLISHED") requirePermission(viewer, "story:publish");
  assertSavable(current, input, options.expectedVersion);
  const location = { id: storyId, authorHandle: me.handle, communitySlug: current.community.slug };
  const liveHref = current.slug ? storyHref(current.community.slug, current.slug) : null;
  if (current.status === "PUBLISHED" && !(await liveEditGoesLive(me.id, storyId, current, input))) {
    const held = await db.$transaction(async (tx) => {
      if (!(await holdEdit(tx, me.id, storyId, current, input, false))) throw conflict();
      return tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true, updatedAt: true } });
    });
    return { ...location, href: liveHref, ...held, held: true };
  }
  const community = await communityFor(input.community, current.community);
  const content = await contentFields(input);
  const name: TransitionName = current.status === "PUBLISHED" ? "editLive" : "edit";
  const story = await db.$transaction(async (tx) => {
    // The version in the where makes check-and-write one step: of two racing saves, one wins.
    const [written] = await tx.story.updateManyAndReturn({
      where: transitionWhere(name, "author", storyId, { ...ownStoryWhere(me.id, storyId), version: current.version }),
      data: transitionData(name, { ...content, communityId: community.id, version: { increment: 1 } }),
      select: { version: true, updatedAt: true },
    });
    if (!written) throw conflict();
    // A creator trusted since they held an edit: this text replaces it.
    if (name === "editLive") await tx.storyPendingEdit.deleteMany({ where: { storyId } });
    await setStoryTags(tx, storyId, input.tags);
    if (options.revision) await recordRevision(tx, storyId, options.revision);
    return written;
  });
  await refreshSearchVector(storyId);
  return { ...location, href: current.status === "PUBLISHED" ? liveHref : null, ...story, held: false };
}

type RevisionText = { title: string; subtitle: string; bodyMarkdown: string; tags: string };

/**
 * Inside a save's transaction: keeps a copy of what the story now says (lib/data/revisions.ts
 * reads them), or of `text` when that is not the story's own (an edit held beside the live text).
 */
async function recordRevision(tx: Prisma.TransactionClient, storyId: string, kind: RevisionKind, text?: RevisionText) {
  if (!text) {
    const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { title: true, subtitle: true, bodyMarkdown: true, tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } } } });
    text = { title: story.title, subtitle: story.subtitle, bodyMarkdown: story.bodyMarkdown, tags: story.tags.map((t) => t.tag.name).join(", ") };
  }
  await tx.storyRevision.create({ data: { storyId, kind, title: text.title, subtitle: text.subtitle, bodyMarkdown: text.bodyMarkdown, tags: text.tags } });
}

function conflict() {
  return new AppError("CONFLICT", "This story was changed in another tab or window since you opened it.");
}

/** What the creator's Publish button did: live now, waiting for a moderator, or approved to go live later. */
export type PublishOutcome = "published" | "submitted" | "scheduled";
export type PublishResult = StoryLocation & { outcome: PublishOutcome; scheduledAt: Date | null; version: number };
export type PublishOptions = { expectedVersion?: number; scheduledAt?: Date | null };

/**
 * Author only (needs story:publish; others' stories are NOT_FOUND): saves `input` and publishes it
 * in one step and one transaction. The story must meet its community's rules. A trusted creator
 * publishes (or, with a future `scheduledAt`, schedules); anyone else submits it for review. An
 * edit to a live story goes live for a trusted creator (or as a minor fix) and is otherwise
 * submitted for review beside the live text. `storyId` null creates the story.
 */
export async function saveAndPublishStory(viewer: Viewer | null, storyId: string | null, input: StoryInput, options: PublishOptions = {}): Promise<PublishResult> {
  requirePermission(viewer, "story:write");
  const me = requirePermission(viewer, "story:publish");
  const current = storyId ? await storyForSave(me.id, storyId) : null;
  const community = await communityFor(input.community, current?.community);
  if (current) assertSavable(current, input, options.expectedVersion);
  const content = await contentFields(input);
  const liveHere = current?.status === "PUBLISHED" && current.community.slug === community.slug;
  const problems = publishProblems({ ...content, wordCount: content.wordCount, liveHere }, community);
  if (hasProblems(problems)) throw new AppError("INVALID", "This story isn't ready to publish yet.", problems);
  const live = current?.status === "PUBLISHED";
  const scheduledAt = live ? null : (options.scheduledAt ?? null);
  const windowProblem = scheduledAt ? scheduleWindowProblem(scheduledAt) : null;
  if (windowProblem) throw new AppError("INVALID", "Choose a publishing time in the future, at most a year ahead.", { scheduledAt: [windowProblem] });
  const location = { authorHandle: me.handle, communitySlug: community.slug };

  if (current && storyId && live && !(await liveEditGoesLive(me.id, storyId, current, input))) {
    const version = await db.$transaction(async (tx) => {
      if (!(await holdEdit(tx, me.id, storyId, current, input, true))) throw conflict();
      return current.version + 1;
    });
    return { id: storyId, href: null, ...location, outcome: "submitted", scheduledAt: null, version };
  }

  const trusted = live || (await isTrusted(db, me.id));
  const name: TransitionName = live ? "editLive" : !trusted ? "submit" : scheduledAt ? "schedule" : "publish";
  const goesLive = name === "publish" || name === "editLive";
  const extra: Prisma.StoryUncheckedUpdateManyInput = name === "submit" ? { submittedAt: new Date(), scheduledAt } : name === "schedule" ? { scheduledAt } : {};
  const write = (slug: string | null) =>
    db.$transaction(async (tx) => {
      const id = storyId ?? (await tx.story.create({ data: { ...content, authorId: me.id, communityId: community.id }, select: { id: true } })).id;
      const [written] = await tx.story.updateManyAndReturn({
        where: transitionWhere(name, trusted ? "trustedAuthor" : "author", id, { authorId: me.id, deletedAt: null, ...(current ? { version: current.version } : {}) }),
        data: transitionData(name, { ...content, ...extra, communityId: community.id, version: { increment: 1 }, ...(slug ? { slug, publishedAt: current?.publishedAt ?? new Date() } : {}) }),
        select: { id: true, version: true, slug: true },
      });
      if (!written) throw current ? conflict() : changedMeanwhile();
      // A creator trusted since they held an edit: this text replaces it.
      if (live) await tx.storyPendingEdit.deleteMany({ where: { storyId: id } });
      await setStoryTags(tx, id, input.tags, { isNew: !storyId });
      if (goesLive) await recordRevision(tx, id, "PUBLISH");
      else if (name === "submit") await recordRevision(tx, id, "SUBMIT"); // what the moderator is asked to read
      if (name === "publish" && !current?.publishedAt) await queueNewStoryFanOut(tx, id);
      return written;
    });
  const saved = name === "publish" && !current?.slug ? await withFreeSlug(community.id, input.title, write) : await write(current?.slug ?? null);
  await refreshSearchVector(saved.id);
  return {
    id: saved.id,
    href: goesLive && saved.slug ? storyHref(community.slug, saved.slug) : null,
    ...location,
    outcome: goesLive ? "published" : name === "schedule" ? "scheduled" : "submitted",
    scheduledAt,
    version: saved.version,
  };
}

/**
 * Author only: publishes (or submits, or schedules) the story as it is saved; the same rules and
 * the same single step as saveAndPublishStory. A live story with a held edit submits the edit.
 */
export async function publishStory(viewer: Viewer | null, storyId: string, options: { scheduledAt?: Date | null } = {}): Promise<PublishResult> {
  requirePermission(viewer, "story:publish");
  const draft = await getStoryForEditing(viewer, storyId);
  if (draft.status === "REMOVED") throw new AppError("INVALID", lockedMessage("REMOVED"));
  const input = storyInputSchema.safeParse(draft);
  if (!input.success) throw new AppError("INVALID", "This story isn't ready to publish yet.");
  return saveAndPublishStory(viewer, storyId, input.data, { expectedVersion: draft.version, scheduledAt: options.scheduledAt });
}

/**
 * Runs `write` with a free slug for a story's first publish; when another story takes the slug
 * first (a unique violation), picks again.
 */
async function withFreeSlug<T>(communityId: string, title: string, write: (slug: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(await freeSlug(communityId, title, attempt));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

type GoLiveOptions = {
  /** "approve" (a moderator) or "goLive" (the scheduler): the lifecycle transition it makes. */
  transition: "approve" | "goLive";
  /** What else must still hold at the moment it goes live (claim, time): checked and written in one step. */
  where: Prisma.StoryWhereInput;
  /** More fields to write with it. */
  data?: Prisma.StoryUpdateManyMutationInput;
  /** Runs inside the same transaction once the story is live (audit entry, notification). */
  also?: (tx: Prisma.TransactionClient, live: StoryLocation & { href: string }) => Promise<void>;
};

/**
 * Internal (data layer): makes a story PUBLISHED. The slug is chosen at first publish and then
 * never changes, so later title edits keep the URL. Returns null, writing nothing, when the story
 * no longer matches `where` (another process or moderator got there first).
 */
export async function putStoryLive(storyId: string, options: GoLiveOptions): Promise<(StoryLocation & { href: string }) | null> {
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { title: true, slug: true, publishedAt: true, communityId: true, community: { select: { slug: true } }, author: { select: { handle: true } } },
  });
  if (!story) return null;
  const actor = options.transition === "goLive" ? "scheduler" : "moderator";
  const write = (slug: string) =>
    db.$transaction(async (tx) => {
      const live = { id: storyId, href: storyHref(story.community.slug, slug), authorHandle: story.author.handle, communitySlug: story.community.slug };
      const { count } = await tx.story.updateMany({
        where: transitionWhere(options.transition, actor, storyId, options.where),
        data: transitionData(options.transition, { ...options.data, slug, publishedAt: story.publishedAt ?? new Date() }),
      });
      if (count === 0) return null;
      await recordRevision(tx, storyId, "PUBLISH");
      if (!story.publishedAt) await queueNewStoryFanOut(tx, storyId);
      await options.also?.(tx, live);
      return live;
    });
  const live = story.slug ? await write(story.slug) : await withFreeSlug(story.communityId, story.title, write);
  if (live) await refreshSearchVector(storyId);
  return live;
}

/**
 * Internal (lib/data/review.ts, approving): the held edit of a live story becomes its text, in one
 * transaction with `also` (audit entry, notification). Null, writing nothing, when the story or
 * its edit no longer matches `where` (the creator saved again, another moderator decided).
 */
export async function applyHeldEdit(storyId: string, options: { where: Prisma.StoryWhereInput; also?: (tx: Prisma.TransactionClient, live: StoryLocation & { href: string }) => Promise<void> }): Promise<(StoryLocation & { href: string }) | null> {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { slug: true, community: { select: { slug: true } }, author: { select: { handle: true } }, pendingEdit: true } });
  if (!story?.pendingEdit || !story.slug) return null;
  const input = heldEditInput(story.pendingEdit, story.community.slug);
  const live = { id: storyId, href: storyHref(story.community.slug, story.slug), authorHandle: story.author.handle, communitySlug: story.community.slug };
  const content = await contentFields(input);
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: transitionWhere("approveEdit", "moderator", storyId, { AND: [options.where, { pendingEdit: { is: { version: story.pendingEdit!.version, submitted: true } } }] }),
      data: transitionData("approveEdit", { ...content, version: { increment: 1 } }),
    });
    if (count === 0) return false;
    await tx.storyPendingEdit.delete({ where: { storyId } });
    await setStoryTags(tx, storyId, input.tags);
    await recordRevision(tx, storyId, "PUBLISH");
    await options.also?.(tx, live);
    return true;
  });
  if (!applied) return null;
  await refreshSearchVector(storyId);
  return live;
}

/** A held edit as editor input (its tags parsed again as a save would). */
function heldEditInput(edit: { title: string; subtitle: string; bodyMarkdown: string; tags: string; heroImageUrl: string | null; heroImageAlt: string | null; aiAssisted: boolean }, community: string): StoryInput {
  return storyInputSchema.parse({ title: edit.title, subtitle: edit.subtitle, community, body: edit.bodyMarkdown, tags: edit.tags, heroImageUrl: edit.heroImageUrl ?? "", heroImageAlt: edit.heroImageAlt ?? "", aiAssisted: edit.aiAssisted });
}

/**
 * The system (the /api/sweep route): stories approved to go live at a time that has come are
 * published. Safe when several processes run it at once: each story goes live once.
 */
export async function publishDueStories(now = new Date()): Promise<(StoryLocation & { href: string })[]> {
  const due = await db.story.findMany({ where: { status: "APPROVED", scheduledAt: { lte: now }, deletedAt: null }, orderBy: { scheduledAt: "asc" }, select: { id: true, title: true, authorId: true }, take: 100 });
  const published: (StoryLocation & { href: string })[] = [];
  for (const { id, title, authorId } of due) {
    const live = await putStoryLive(id, {
      transition: "goLive",
      where: { scheduledAt: { lte: now }, deletedAt: null },
      also: (tx, story) => notify(tx, authorId, { kind: "STORY_APPROVED", message: `Your scheduled story “${title}” is now live.`, href: story.href }),
    });
    if (live) published.push(live);
  }
  return published;
}

/**
 * Author only: takes a story out of review (SUBMITTED, or APPROVED and waiting for its time) so
 * it can be edited again. Others' stories are NOT_FOUND.
 */
export async function withdrawSubmission(viewer: Viewer | null, storyId: string): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: ownStoryWhere(me.id, storyId), select: { slug: true, community: { select: { slug: true } } } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  // A story that was live before keeps its address, so it goes back to UNPUBLISHED.
  const name: TransitionName = story.slug ? "withdrawPublished" : "withdraw";
  const { count } = await db.story.updateMany({ where: transitionWhere(name, "author", storyId, ownStoryWhere(me.id, storyId)), data: transitionData(name) });
  if (count === 0) throw new AppError("INVALID", "This story isn't waiting for review or scheduled, so there is nothing to withdraw.");
  return { id: storyId, href: null, authorHandle: me.handle, communitySlug: story.community.slug };
}

async function freeSlug(communityId: string, title: string, attempt: number): Promise<string> {
  const base = slugify(title) || "story";
  const taken = await db.story.findMany({ where: { communityId, slug: { startsWith: base } }, select: { slug: true } });
  const slug = withNumericSuffix(base, new Set(taken.map((s) => s.slug ?? "")));
  return attempt === 0 ? slug : `${slug}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Author only: takes a published story off the site; it stays in the studio as a draft-like
 * UNPUBLISHED story. An edit held for review becomes its text (publishing again is reviewed anyway).
 */
export async function unpublishStory(viewer: Viewer | null, storyId: string): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: { ...ownStoryWhere(me.id, storyId), status: "PUBLISHED" }, select: { slug: true, community: { select: { slug: true } }, pendingEdit: true } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find a published story of yours to unpublish.");
  const held = story.pendingEdit ? heldEditInput(story.pendingEdit, story.community.slug) : null;
  const heldContent = held ? await contentFields(held) : null;
  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: transitionWhere("unpublish", "author", storyId, ownStoryWhere(me.id, storyId)),
      data: transitionData("unpublish", heldContent ? { ...heldContent, version: { increment: 1 } } : {}),
    });
    if (count === 0) throw changedMeanwhile();
    if (held) {
      await tx.storyPendingEdit.delete({ where: { storyId } });
      await setStoryTags(tx, storyId, held.tags);
    }
  });
  if (held) await refreshSearchVector(storyId);
  // The old URL is returned so its cached page is expired.
  return { id: storyId, href: story.slug ? storyHref(story.community.slug, story.slug) : null, authorHandle: me.handle, communitySlug: story.community.slug };
}

/**
 * Author only: deletes their story. The row stays (deletedAt set, off every public list) so the
 * slug is never handed to another story. (Its URL answers 404: a 410 Gone needed the proxy on
 * every story request, which cost a third of the story page's throughput; docs/performance.md.)
 */
export async function deleteStory(viewer: Viewer | null, storyId: string): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: ownStoryWhere(me.id, storyId), select: { slug: true, status: true, community: { select: { slug: true } } } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  const name: TransitionName = story.status === "PUBLISHED" ? "deleteLive" : "delete";
  const { count } = await db.story.updateMany({
    where: transitionWhere(name, "author", storyId, { ...ownStoryWhere(me.id, storyId), status: story.status }),
    data: transitionData(name, { deletedAt: new Date() }),
  });
  if (count === 0) throw changedMeanwhile();
  return { id: storyId, href: story.slug ? storyHref(story.community.slug, story.slug) : null, authorHandle: me.handle, communitySlug: story.community.slug };
}
