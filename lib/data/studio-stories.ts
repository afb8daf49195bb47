import "server-only";
import { db } from "@/lib/db";
import { isId } from "@/lib/validation/ids";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { StoryStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterKeyset } from "@/lib/data/keyset";
import { isTrusted } from "@/lib/data/trust";
import { cardSelect, ownStoryReadWhere, reviewNotesOf, storyHref, type Page, type StoryPage } from "@/lib/data/story-shapes";

// The creator's studio: their own stories, as they edit and preview them. Writes: stories.ts.

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
  /**
   * A live story's edit held for review (the fields above are then the edit, not what readers
   * see): whether it is in the queue, and a moderator's reason when they sent it back.
   */
  pendingEdit: PendingEditState | null;
  /** Taken down by staff (REMOVED): their reason and the decision's page, where the creator can appeal. */
  takedown: { reason: string; actionId: string } | null;
};

export type PendingEditState = { submitted: boolean; updatedAt: Date; reviewReason: string | null; reviewNotes: Record<string, string>; liveTitle: string };

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
  pendingEdit: { select: { title: true, subtitle: true, bodyMarkdown: true, tags: true, heroImageUrl: true, heroImageAlt: true, aiAssisted: true, submitted: true, updatedAt: true, reviewReason: true, reviewNotes: true } },
} as const;

type DraftRow = Prisma.StoryGetPayload<{ select: typeof draftSelect }>;

function toDraft(story: DraftRow): StoryDraft {
  // The creator keeps working on their held edit; readers keep the live text.
  const pending = story.status === "PUBLISHED" ? story.pendingEdit : null;
  const text = pending ?? { ...story, tags: story.tags.map((t) => t.tag.name).join(", ") };
  return {
    id: story.id,
    title: text.title,
    subtitle: text.subtitle,
    community: story.community.slug,
    body: text.bodyMarkdown,
    tags: text.tags,
    heroImageUrl: text.heroImageUrl ?? "",
    heroImageAlt: text.heroImageAlt ?? "",
    aiAssisted: text.aiAssisted,
    status: story.status,
    href: story.status === "PUBLISHED" && story.slug ? storyHref(story.community.slug, story.slug) : null,
    version: story.version,
    updatedAt: story.updatedAt,
    submittedAt: story.submittedAt,
    scheduledAt: story.scheduledAt,
    reviewReason: story.reviewReason,
    reviewNotes: reviewNotesOf(story.reviewNotes),
    pendingEdit: pending
      ? { submitted: pending.submitted, updatedAt: pending.updatedAt, reviewReason: pending.reviewReason, reviewNotes: reviewNotesOf(pending.reviewNotes), liveTitle: story.title }
      : null,
    takedown: null,
  };
}

/** The signed-in creator: their own stories, any status, most recently edited first; 50 a page (keyset). */
export async function listMyStories(viewer: Viewer | null, filter: StudioFilter = {}): Promise<Page<StudioStoryRow>> {
  const me = requirePermission(viewer, "story:write");
  // Taken-down stories stay listed (read-only) so their creator sees what happened and can appeal.
  const status = filter.status ?? undefined;
  const query = filter.query?.trim();
  const limit = Math.min(filter.limit ?? 50, 100);
  // Only the creator's own story can be a cursor; anyone else's id reads as "no more".
  const cursorRow = filter.cursor && isId(filter.cursor) ? await db.story.findFirst({ where: { id: filter.cursor, authorId: me.id }, select: { id: true, updatedAt: true } }) : null;
  if (filter.cursor && !cursorRow) return { items: [], nextCursor: null };
  const rows = await db.story.findMany({
    where: { authorId: me.id, ...(status ? { status } : {}), deletedAt: null, ...(query ? { title: { contains: query, mode: "insensitive" as const } } : {}), ...(cursorRow ? afterKeyset(["updatedAt", "id"], cursorRow) : {}) },
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
  const story = await db.story.findFirst({ where: ownStoryReadWhere(me.id, storyId), select: draftSelect });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  if (story.status !== "REMOVED") return toDraft(story);
  // Taken down by a moderator (a report) or with the creator's other content (a restriction).
  const action = await db.moderationAction.findFirst({
    where: { subjectUserId: me.id, OR: [{ targetType: "STORY", targetId: storyId, action: "STORY_UNPUBLISH" }, { targetType: "USER", targetId: me.id, action: "RESTRICT", details: { path: ["removedStoryIds"], array_contains: [storyId] } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, reason: true },
  });
  return { ...toDraft(story), takedown: action ? { reason: action.reason, actionId: action.id } : null };
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
    where: ownStoryReadWhere(me.id, storyId),
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

/** The signed-in creator: whether their Publish button publishes at once or submits for review. */
export async function getPublishingMode(viewer: Viewer | null): Promise<"publish" | "submit"> {
  const me = requirePermission(viewer, "story:write");
  return (await isTrusted(db, me.id)) ? "publish" : "submit";
}
