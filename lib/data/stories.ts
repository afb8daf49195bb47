import "server-only";
import { db } from "@/lib/db";
import { isId, isSlug } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderStory } from "@/lib/content/markdown";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import { HERO_ALT_MISSING, PUBLISH_AT_MAX_DAYS, type StoryInput } from "@/lib/validation/story";

const DAY_MS = 24 * 60 * 60 * 1000;
import type { RevisionKind, StoryStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { setStoryTags, type TagView } from "@/lib/data/tags";
import { refreshSearchVector } from "@/lib/data/search-vectors";
import { afterKeyset } from "@/lib/data/keyset";
import { notify } from "@/lib/data/notifications";
import { isTrusted } from "@/lib/data/trust";

export type StoryCard = {
  id: string;
  title: string;
  subtitle: string;
  href: string;
  publishedAt: Date;
  readingMinutes: number;
  heartCount: number;
  community: { slug: string; name: string };
  author: { name: string; handle: string };
  tags: TagView[];
};

export type StoryPage = StoryCard & {
  bodyHtml: string;
  aiAssisted: boolean;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  updatedAt: Date;
  commentCount: number;
  commentsEnabled: boolean;
  commentsLocked: boolean;
  author: { id: string; name: string; handle: string; bio: string; avatarUrl: string | null };
};

export type StudioStoryRow = {
  id: string;
  title: string;
  status: StoryStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  submittedAt: Date | null;
  scheduledAt: Date | null;
  href: string | null;
  commentCount: number;
  heartCount: number;
  readCount: number;
};

/** The studio's filters: one status, and words in the title; `cursor` (a story id) for the next page. */
export type StudioFilter = { status?: StoryStatus; query?: string; cursor?: string; limit?: number };

export type StoryDraft = {
  id: string;
  title: string;
  subtitle: string;
  community: string;
  body: string;
  tags: string;
  heroImageUrl: string;
  heroImageAlt: string;
  aiAssisted: boolean;
  status: StoryStatus;
  href: string | null;
  /** What the next save must name (see updateStory). */
  version: number;
  updatedAt: Date;
  /** Review: when it was last submitted, when it is to go live, and the moderator's requests. */
  submittedAt: Date | null;
  scheduledAt: Date | null;
  reviewReason: string | null;
  /** Per-section notes, keyed by the section's heading. */
  reviewNotes: Record<string, string>;
};

/** What the author sees and what a save writes: the editor's fields, the same shape as a revision. */
const draftSelect = {
  id: true,
  title: true,
  subtitle: true,
  bodyMarkdown: true,
  heroImageUrl: true,
  heroImageAlt: true,
  aiAssisted: true,
  status: true,
  slug: true,
  version: true,
  updatedAt: true,
  submittedAt: true,
  scheduledAt: true,
  reviewReason: true,
  reviewNotes: true,
  community: { select: { slug: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

type DraftRow = {
  id: string;
  title: string;
  subtitle: string;
  bodyMarkdown: string;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  aiAssisted: boolean;
  status: StoryStatus;
  slug: string | null;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
  scheduledAt: Date | null;
  reviewReason: string | null;
  reviewNotes: unknown;
  community: { slug: string };
  tags: { tag: { name: string } }[];
};

/** Review notes as stored (JSON): only string values, keyed by section heading. */
export function reviewNotesOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function toDraft(story: DraftRow): StoryDraft {
  return {
    id: story.id,
    title: story.title,
    subtitle: story.subtitle,
    community: story.community.slug,
    body: story.bodyMarkdown,
    tags: story.tags.map((t) => t.tag.name).join(", "),
    heroImageUrl: story.heroImageUrl ?? "",
    heroImageAlt: story.heroImageAlt ?? "",
    aiAssisted: story.aiAssisted,
    status: story.status,
    href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null,
    version: story.version,
    updatedAt: story.updatedAt,
    submittedAt: story.submittedAt,
    scheduledAt: story.scheduledAt,
    reviewReason: story.reviewReason,
    reviewNotes: reviewNotesOf(story.reviewNotes),
  };
}

/** Waiting for a moderator (SUBMITTED) or to go live (APPROVED): the text is frozen until withdrawn. */
export const LOCKED_STATUSES = ["SUBMITTED", "APPROVED"] as const satisfies readonly StoryStatus[];

export function lockedMessage(status: StoryStatus) {
  return status === "APPROVED"
    ? "This story is scheduled to go live, so it can't be changed. Withdraw it to keep editing."
    : "This story is waiting for review, so it can't be changed. Withdraw it to keep editing.";
}

/** The author's own story, not removed by staff and not deleted: the only ones they can open or change. */
export function ownStoryWhere(authorId: string, storyId: string) {
  return { id: storyId, authorId, status: { not: "REMOVED" as const }, deletedAt: null };
}

/** Published stories by active creators: the only ones the public sees. */
export const publicWhere = { status: "PUBLISHED", author: { status: "ACTIVE" } } as const;

export const cardSelect = {
  id: true,
  title: true,
  subtitle: true,
  slug: true,
  publishedAt: true,
  readingMinutes: true,
  heartCount: true,
  community: { select: { slug: true, name: true } },
  author: { select: { name: true, handle: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

export function storyHref(communitySlug: string, slug: string) {
  return `/${communitySlug}/${slug}`;
}

export function toCard<T extends { slug: string | null; publishedAt: Date | null; community: { slug: string }; tags: { tag: TagView }[] }>(row: T) {
  const { slug, publishedAt, tags, ...rest } = row;
  return { ...rest, href: storyHref(row.community.slug, slug ?? ""), publishedAt: publishedAt ?? new Date(0), tags: tags.map((t) => t.tag) };
}

export type Page<T> = { items: T[]; nextCursor: string | null };

export type StoryListOptions = { communitySlug?: string; authorHandle?: string; tagSlug?: string; followedBy?: string; sort?: "latest" | "top"; cursor?: string; limit?: number };

/**
 * Public: published stories newest first, optionally in one community, by one creator, with one
 * tag, or by the creators a user follows; or most-hearted first ("top"). Keyset-paginated.
 */
export async function listPublishedStories(options: StoryListOptions = {}): Promise<Page<StoryCard>> {
  // A filter or cursor no row could match (from a URL): nothing, without asking the database.
  if ([options.cursor, options.communitySlug, options.authorHandle, options.tagSlug].some((key) => key !== undefined && !isSlug(key))) return { items: [], nextCursor: null };
  const limit = Math.min(options.limit ?? 20, 50);
  const sortKeys = options.sort === "top" ? (["heartCount", "publishedAt", "id"] as const) : (["publishedAt", "id"] as const);
  // The cursor is the last story's id; its sort values make the keyset condition (lib/data/keyset.ts).
  const cursorRow = options.cursor ? await db.story.findUnique({ where: { id: options.cursor }, select: { id: true, publishedAt: true, heartCount: true } }) : null;
  if (options.cursor && !cursorRow) return { items: [], nextCursor: null };
  // A tag's newest stories come from StoryTag's own copy of publishedAt (kept by triggers), one
  // index range at any size; left to itself PostgreSQL walks every story newest first checking
  // each one's tags (a rare tag at 100,000 stories: 370 ms; docs/performance.md).
  // (Tag pages list newest first; most-hearted with a tag, which no page asks for, filters by relation.)
  const tagged = options.tagSlug && options.sort !== "top" ? await newestTaggedStoryIds(options.tagSlug, cursorRow, limit) : null;
  const author = {
    ...publicWhere.author,
    ...(options.authorHandle ? { handle: options.authorHandle } : {}),
    ...(options.followedBy ? { followers: { some: { followerId: options.followedBy } } } : {}),
  };
  const rows = await db.story.findMany({
    where: {
      ...publicWhere,
      author,
      ...(options.communitySlug ? { community: { slug: options.communitySlug } } : {}),
      ...(tagged ? { id: { in: tagged.ids } } : options.tagSlug ? { tags: { some: { tag: { slug: options.tagSlug } } } } : {}),
      ...(cursorRow ? afterKeyset(sortKeys, cursorRow) : {}),
    },
    orderBy: sortKeys.map((key) => ({ [key]: "desc" as const })),
    take: limit + 1,
    select: cardSelect,
  });
  const items = rows.slice(0, limit).map(toCard);
  // A tag's window may hold stories hidden from the public (a suspended creator's): while the
  // window was full there may be more after the last story shown.
  const more = rows.length > limit || (tagged?.full === true && items.length > 0);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

/**
 * The newest published stories with a tag after the cursor: twice the page and some, so a page
 * fills even when some belong to creators hidden from the public. `full`: there may be more.
 */
async function newestTaggedStoryIds(tagSlug: string, cursorRow: { id: string; publishedAt: Date | null } | null, limit: number): Promise<{ ids: string[]; full: boolean }> {
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true } });
  if (!tag || (cursorRow && !cursorRow.publishedAt)) return { ids: [], full: false };
  const take = limit * 2 + 10;
  const rows = await db.storyTag.findMany({
    where: { tagId: tag.id, publishedAt: { not: null }, ...(cursorRow ? afterKeyset(["publishedAt", "storyId"], { publishedAt: cursorRow.publishedAt, storyId: cursorRow.id }) : {}) },
    orderBy: [{ publishedAt: "desc" }, { storyId: "desc" }],
    take,
    select: { storyId: true },
  });
  return { ids: rows.map((row) => row.storyId), full: rows.length === take };
}

/** Public: a published story by its URL, or null. */
export async function getPublishedStory(communitySlug: string, slug: string): Promise<StoryPage | null> {
  if (!isSlug(communitySlug) || !isSlug(slug)) return null;
  const row = await db.story.findFirst({
    where: { ...publicWhere, slug, community: { slug: communitySlug } },
    select: {
      ...cardSelect,
      bodyHtml: true,
      aiAssisted: true,
      heroImageUrl: true,
      heroImageAlt: true,
      updatedAt: true,
      commentCount: true,
      commentsEnabled: true,
      commentsLocked: true,
      author: { select: { id: true, name: true, handle: true, bio: true, avatarUrl: true } },
    },
  });
  return row ? toCard(row) : null;
}

/** The signed-in creator: their own stories, any status, most recently edited first; 50 a page (keyset). */
export async function listMyStories(viewer: Viewer | null, filter: StudioFilter = {}): Promise<Page<StudioStoryRow>> {
  const me = requirePermission(viewer, "story:write");
  const status = filter.status && filter.status !== "REMOVED" ? filter.status : { not: "REMOVED" as const };
  const query = filter.query?.trim();
  const limit = Math.min(filter.limit ?? 50, 100);
  // Only the creator's own story can be a cursor; anyone else's id reads as "no more".
  const cursorRow = filter.cursor && isId(filter.cursor) ? await db.story.findFirst({ where: { id: filter.cursor, authorId: me.id }, select: { id: true, updatedAt: true } }) : null;
  if (filter.cursor && !cursorRow) return { items: [], nextCursor: null };
  const rows = await db.story.findMany({
    where: { authorId: me.id, status, deletedAt: null, ...(query ? { title: { contains: query, mode: "insensitive" as const } } : {}), ...(cursorRow ? afterKeyset(["updatedAt", "id"], cursorRow) : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, title: true, status: true, updatedAt: true, publishedAt: true, submittedAt: true, scheduledAt: true, slug: true, commentCount: true, heartCount: true, readCount: true, community: { select: { slug: true } } },
  });
  const items = rows.slice(0, limit).map(({ slug, community, ...row }) => ({ ...row, href: row.status === "PUBLISHED" && slug ? storyHref(community.slug, slug) : null }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** Author only; other users' stories (and deleted ones) are NOT_FOUND. */
export async function getStoryForEditing(viewer: Viewer | null, storyId: string): Promise<StoryDraft> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: ownStoryWhere(me.id, storyId), select: draftSelect });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  return toDraft(story);
}

export type StoryPreview = Omit<StoryPage, "publishedAt" | "href" | "heartCount" | "commentCount" | "commentsEnabled" | "commentsLocked" | "updatedAt" | "author"> & {
  publishedAt: Date | null;
  status: StoryStatus;
  author: { name: string; handle: string; avatarUrl: string | null };
};

/** Author only: their story as saved, in the shape the story page shows. Others' stories are NOT_FOUND. */
export async function getStoryPreview(viewer: Viewer | null, storyId: string): Promise<StoryPreview> {
  const me = requirePermission(viewer, "story:write");
  const row = await db.story.findFirst({
    where: ownStoryWhere(me.id, storyId),
    select: {
      ...cardSelect,
      status: true,
      bodyHtml: true,
      aiAssisted: true,
      heroImageUrl: true,
      heroImageAlt: true,
      author: { select: { name: true, handle: true, avatarUrl: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  const { slug: _slug, tags, ...rest } = row;
  return { ...rest, tags: tags.map((t) => t.tag) };
}

async function communityIdFor(slug: string): Promise<string> {
  const community = await db.community.findUnique({ where: { slug }, select: { id: true } });
  if (!community) throw new AppError("INVALID", "Choose a community from the list.", { community: ["Choose a community from the list"] });
  return community.id;
}

/** Renders before any transaction opens: a render may take a while, and holds no connection. */
async function contentFields(input: StoryInput) {
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
  const communityId = await communityIdFor(input.community);
  const content = await contentFields(input);
  const draft = await db.$transaction(async (tx) => {
    const story = await tx.story.create({ data: { ...content, authorId: me.id, communityId }, select: { id: true, version: true } });
    await setStoryTags(tx, story.id, input.tags);
    if (options.revision) await recordRevision(tx, story.id, options.revision);
    return story;
  });
  await refreshSearchVector(draft.id);
  return draft;
}

export type StoryLocation = { id: string; href: string | null; authorHandle: string; communitySlug: string };
export type SavedStory = StoryLocation & { version: number; updatedAt: Date };

export type SaveOptions = {
  /** The version the editor started from; when it is not the current one, the save is a CONFLICT. */
  expectedVersion?: number;
  /** Keep a revision of what was saved (explicit saves and restores; autosaves keep none). */
  revision?: "SAVE" | "RESTORE";
};

/**
 * Author only (others' stories are NOT_FOUND): saves new content; a published story updates live.
 * With `expectedVersion`, a save from a tab that missed a later save fails with CONFLICT instead
 * of silently overwriting it.
 */
export async function updateStory(viewer: Viewer | null, storyId: string, input: StoryInput, options: SaveOptions = {}): Promise<SavedStory> {
  const me = requirePermission(viewer, "story:write");
  const current = await db.story.findFirst({
    where: ownStoryWhere(me.id, storyId),
    select: { slug: true, status: true, version: true, community: { select: { slug: true } } },
  });
  if (!current) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (isLocked(current.status)) throw new AppError("INVALID", lockedMessage(current.status));
  // Saving a live story publishes the new text at once, so a publishing ban stops it too.
  if (current.status === "PUBLISHED") requirePermission(viewer, "story:publish");
  if (current.status === "PUBLISHED" && input.heroImageUrl && !input.heroImageAlt) {
    throw new AppError("INVALID", "This story is live, so its hero image needs a description.", { heroImageAlt: [HERO_ALT_MISSING] });
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw conflict();
  // The URL contains the community, so it is fixed once the story has been published.
  if (current.slug && input.community !== current.community.slug) {
    throw new AppError("INVALID", "A published story stays in its community.", { community: ["A published story can't move to another community"] });
  }
  const communityId = await communityIdFor(input.community);
  const content = await contentFields(input);
  const story = await db.$transaction(async (tx) => {
    // The version in the where makes check-and-write one step: of two racing saves, one wins.
    const written = await tx.story.updateMany({
      where: { ...ownStoryWhere(me.id, storyId), version: current.version, status: { notIn: ["REMOVED", ...LOCKED_STATUSES] } },
      data: { ...content, communityId, version: { increment: 1 } },
    });
    if (written.count === 0) throw conflict();
    await setStoryTags(tx, storyId, input.tags);
    if (options.revision) await recordRevision(tx, storyId, options.revision);
    return tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { id: true, status: true, slug: true, version: true, updatedAt: true, community: { select: { slug: true } } } });
  });
  await refreshSearchVector(storyId);
  return {
    id: story.id,
    href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null,
    authorHandle: me.handle,
    communitySlug: story.community.slug,
    version: story.version,
    updatedAt: story.updatedAt,
  };
}

/** Inside a save's transaction: keeps a copy of what the story now says (lib/data/revisions.ts reads them). */
async function recordRevision(tx: Prisma.TransactionClient, storyId: string, kind: RevisionKind) {
  const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { title: true, subtitle: true, bodyMarkdown: true, tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } } } });
  await tx.storyRevision.create({
    data: { storyId, kind, title: story.title, subtitle: story.subtitle, bodyMarkdown: story.bodyMarkdown, tags: story.tags.map((t) => t.tag.name).join(", ") },
  });
}

function isLocked(status: StoryStatus) {
  return (LOCKED_STATUSES as readonly StoryStatus[]).includes(status);
}

function conflict() {
  return new AppError("CONFLICT", "This story was changed in another tab or window since you opened it.");
}

/** A story's community rules (and a described hero image): the field problems that keep it from going live. */
function publishProblems(story: { wordCount: number; subtitle: string; heroImageUrl: string | null; heroImageAlt: string | null }, community: { name: string; requireSubtitle: boolean; requireHero: boolean; minWords: number }) {
  const problems: Record<string, string[]> = {};
  if (story.wordCount === 0) problems.body = ["Write your story before publishing"];
  else if (story.wordCount < community.minWords) problems.body = [`${community.name} stories need at least ${community.minWords} words; this one has ${story.wordCount}`];
  if (community.requireSubtitle && !story.subtitle) problems.subtitle = [`${community.name} stories need a subtitle`];
  if (community.requireHero && !story.heroImageUrl) problems.heroImage = [`${community.name} stories need a hero image`];
  if (story.heroImageUrl && !story.heroImageAlt) problems.heroImageAlt = [HERO_ALT_MISSING];
  return problems;
}

/** What the creator's Publish button did: live now, waiting for a moderator, or approved to go live later. */
export type PublishOutcome = "published" | "submitted" | "scheduled";
export type PublishResult = StoryLocation & { outcome: PublishOutcome; scheduledAt: Date | null };

/** Statuses the creator's Publish / Submit button starts from (a live story re-publishes its edits). */
const PUBLISHABLE_STATUSES = ["DRAFT", "CHANGES_REQUESTED", "UNPUBLISHED", "PUBLISHED"] as const satisfies readonly StoryStatus[];

/** Review fields reset whenever a story leaves review. */
const reviewCleared = { reviewReason: null, reviewNotes: Prisma.DbNull, reviewClaimedById: null, reviewClaimedAt: null };

/**
 * Author only (needs story:publish; others' stories are NOT_FOUND): once the story meets its
 * community's rules, a trusted creator publishes it (or, with a future `scheduledAt`, approves it
 * to go live then); anyone else submits it for review. A story already live just stays live.
 */
export async function publishStory(viewer: Viewer | null, storyId: string, options: { scheduledAt?: Date | null } = {}): Promise<PublishResult> {
  const me = requirePermission(viewer, "story:publish");
  const story = await db.story.findFirst({
    where: ownStoryWhere(me.id, storyId),
    select: {
      status: true,
      subtitle: true,
      wordCount: true,
      heroImageUrl: true,
      heroImageAlt: true,
      community: { select: { slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true } },
    },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (isLocked(story.status)) throw new AppError("INVALID", story.status === "APPROVED" ? "This story is already scheduled to go live." : "This story is already waiting for review.");
  const problems = publishProblems(story, story.community);
  if (Object.keys(problems).length) throw new AppError("INVALID", "This story isn't ready to publish yet.", problems);

  const scheduledAt = story.status === "PUBLISHED" ? null : (options.scheduledAt ?? null);
  if (scheduledAt && (scheduledAt.getTime() <= Date.now() || scheduledAt.getTime() > Date.now() + PUBLISH_AT_MAX_DAYS * DAY_MS)) {
    throw new AppError("INVALID", "Choose a publishing time in the future, at most a year ahead.", { scheduledAt: ["Choose a time in the future, at most a year ahead"] });
  }
  const stillPublishable = { authorId: me.id, deletedAt: null, status: { in: [...PUBLISHABLE_STATUSES] } };
  const location = { id: storyId, href: null, authorHandle: me.handle, communitySlug: story.community.slug };
  const trusted = story.status === "PUBLISHED" || (await isTrusted(db, me.id));

  if (trusted && !scheduledAt) {
    const live = await putStoryLive(storyId, { where: stillPublishable, data: { scheduledAt: null, ...reviewCleared } });
    if (!live) throw conflict();
    return { ...live, outcome: "published", scheduledAt: null };
  }
  const { count } = await db.story.updateMany({
    where: { id: storyId, ...stillPublishable },
    data: trusted ? { status: "APPROVED", scheduledAt, ...reviewCleared } : { status: "SUBMITTED", submittedAt: new Date(), scheduledAt, ...reviewCleared },
  });
  if (count === 0) throw conflict();
  return { ...location, outcome: trusted ? "scheduled" : "submitted", scheduledAt };
}

type GoLiveOptions = {
  /** What must still hold at the moment it goes live (status, claim): checked and written in one step. */
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
  for (let attempt = 0; ; attempt++) {
    const slug = story.slug ?? (await freeSlug(story.communityId, story.title, attempt));
    const live = { id: storyId, href: storyHref(story.community.slug, slug), authorHandle: story.author.handle, communitySlug: story.community.slug };
    try {
      const written = await db.$transaction(async (tx) => {
        const { count } = await tx.story.updateMany({
          where: { ...options.where, id: storyId },
          data: { ...options.data, status: "PUBLISHED", slug, publishedAt: story.publishedAt ?? new Date() },
        });
        if (count === 0) return false;
        await recordRevision(tx, storyId, "PUBLISH");
        await options.also?.(tx, live);
        return true;
      });
      if (!written) return null;
      await refreshSearchVector(storyId);
      return live;
    } catch (error) {
      if (!isUniqueViolation(error) || story.slug || attempt >= 3) throw error; // another story took the slug first: pick again
    }
  }
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
      where: { status: "APPROVED", scheduledAt: { lte: now }, deletedAt: null },
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
  const story = await db.story.findFirst({ where: ownStoryWhere(me.id, storyId), select: { status: true, slug: true, community: { select: { slug: true } } } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  const { count } = await db.story.updateMany({
    where: { ...ownStoryWhere(me.id, storyId), status: { in: [...LOCKED_STATUSES] } },
    // A story that was live before keeps its address, so it goes back to UNPUBLISHED.
    data: { status: story.slug ? "UNPUBLISHED" : "DRAFT", submittedAt: null, scheduledAt: null, reviewClaimedById: null, reviewClaimedAt: null },
  });
  if (count === 0) throw new AppError("INVALID", "This story isn't waiting for review or scheduled, so there is nothing to withdraw.");
  return { id: storyId, href: null, authorHandle: me.handle, communitySlug: story.community.slug };
}

/** The signed-in creator: whether their Publish button publishes at once or submits for review. */
export async function getPublishingMode(viewer: Viewer | null): Promise<"publish" | "submit"> {
  const me = requirePermission(viewer, "story:write");
  return (await isTrusted(db, me.id)) ? "publish" : "submit";
}

async function freeSlug(communityId: string, title: string, attempt: number): Promise<string> {
  const base = slugify(title) || "story";
  const taken = await db.story.findMany({ where: { communityId, slug: { startsWith: base } }, select: { slug: true } });
  const slug = withNumericSuffix(base, new Set(taken.map((s) => s.slug ?? "")));
  return attempt === 0 ? slug : `${slug}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Author only: takes a published story off the site; it stays in the studio as a draft-like UNPUBLISHED story. */
export async function unpublishStory(viewer: Viewer | null, storyId: string): Promise<StoryLocation> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({ where: { ...ownStoryWhere(me.id, storyId), status: "PUBLISHED" }, select: { slug: true, community: { select: { slug: true } } } });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find a published story of yours to unpublish.");
  await db.story.update({ where: { id: storyId, authorId: me.id }, data: { status: "UNPUBLISHED" } });
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
  await db.story.update({
    where: { id: storyId, authorId: me.id },
    data: { deletedAt: new Date(), status: story.status === "PUBLISHED" ? "UNPUBLISHED" : story.status },
  });
  return { id: storyId, href: story.slug ? storyHref(story.community.slug, story.slug) : null, authorHandle: me.handle, communitySlug: story.community.slug };
}
