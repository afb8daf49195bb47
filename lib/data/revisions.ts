import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { storyInputSchema } from "@/lib/validation/story";
import { getStoryForEditing } from "@/lib/data/studio-stories";
import { ownStoryWhere } from "@/lib/data/story-shapes";
import { updateStory, type SavedStory } from "@/lib/data/stories";

// Revisions are written by lib/data/stories.ts inside each explicit save, publish and restore.

export type RevisionRow = { id: string; kind: RevisionKind; title: string; createdAt: Date };
export type RevisionView = RevisionRow & { storyId: string; subtitle: string; body: string; tags: string };

const notFound = () => new AppError("NOT_FOUND", "We couldn't find that revision.");

/** Author only: their story's revisions, newest first. Others' stories are NOT_FOUND. */
export async function listRevisions(viewer: Viewer | null, storyId: string): Promise<RevisionRow[]> {
  const me = requirePermission(viewer, "story:write");
  const story = await db.story.findFirst({
    where: ownStoryWhere(me.id, storyId),
    select: { revisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: { id: true, kind: true, title: true, createdAt: true } } },
  });
  if (!story) throw new AppError("NOT_FOUND", "We couldn't find that story.");
  return story.revisions;
}

/** Author only: one revision of their story in full. Others' revisions are NOT_FOUND. */
export async function getRevision(viewer: Viewer | null, revisionId: string): Promise<RevisionView> {
  const me = requirePermission(viewer, "story:write");
  const row = await db.storyRevision.findFirst({
    where: { id: revisionId, story: { authorId: me.id, status: { not: "REMOVED" }, deletedAt: null } },
    select: { id: true, storyId: true, kind: true, title: true, subtitle: true, bodyMarkdown: true, tags: true, createdAt: true },
  });
  if (!row) throw notFound();
  const { bodyMarkdown, ...rest } = row;
  return { ...rest, body: bodyMarkdown };
}

/**
 * Author only: makes an older revision the story's current text (title, subtitle, body, tags),
 * keeping community, hero image and disclosure as they are. The restore is itself a revision, so
 * it can be undone. A published story updates live.
 */
export async function restoreRevision(viewer: Viewer | null, revisionId: string): Promise<SavedStory> {
  const revision = await getRevision(viewer, revisionId);
  const current = await getStoryForEditing(viewer, revision.storyId);
  const input = storyInputSchema.safeParse({ ...current, title: revision.title, subtitle: revision.subtitle, body: revision.body, tags: revision.tags });
  if (!input.success) throw new AppError("INVALID", "That revision can't be restored as it is.");
  return updateStory(viewer, revision.storyId, input.data, { expectedVersion: current.version, revision: "RESTORE" });
}
