import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderComment } from "@/lib/content/markdown";
import type { CommentInput } from "@/lib/validation/comment";
import { storyHref } from "@/lib/data/stories";

export type CommentView = { id: string; bodyHtml: string; createdAt: Date; editedAt: Date | null; author: { name: string; handle: string } };

/** Public: a published story's visible comments, oldest first. */
export async function listStoryComments(storyId: string): Promise<CommentView[]> {
  return db.comment.findMany({
    where: { storyId, status: "VISIBLE", author: { status: "ACTIVE" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, bodyHtml: true, createdAt: true, editedAt: true, author: { select: { name: true, handle: true } } },
  });
}

/** Signed-in users who may comment, on published stories only; keeps the story's count in step. */
export async function createComment(viewer: Viewer | null, storyId: string, input: CommentInput): Promise<{ id: string; storyHref: string }> {
  const me = requirePermission(viewer, "comment:write");
  return db.$transaction(async (tx) => {
    const story = await tx.story.findFirst({ where: { id: storyId, status: "PUBLISHED", author: { status: "ACTIVE" } }, select: { slug: true, community: { select: { slug: true } } } });
    if (!story?.slug) throw new AppError("NOT_FOUND", "That story isn't open for comments.");
    const comment = await tx.comment.create({
      data: { storyId, authorId: me.id, body: input.body, bodyHtml: renderComment(input.body) },
      select: { id: true },
    });
    await tx.story.update({ where: { id: storyId }, data: { commentCount: { increment: 1 } } });
    return { id: comment.id, storyHref: storyHref(story.community.slug, story.slug) };
  });
}
