import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderComment } from "@/lib/content/markdown";
import type { CommentEdit, CommentInput } from "@/lib/validation/comment";
import { checkCommentSpam } from "@/lib/data/spam";
import { notifyAboutComment } from "@/lib/data/comment-notifications";

export type CommentAuthor = { id: string; name: string; handle: string; avatarUrl: string | null };
/** `body` is the Markdown source, for the author's edit form; it is public like the HTML. */
export type VisibleComment = { id: string; status: "VISIBLE"; author: CommentAuthor; body: string; bodyHtml: string; createdAt: Date; editedAt: Date | null };
/** A removed top-level comment kept as a placeholder so its replies keep their place: no author, no text. */
export type RemovedComment = { id: string; status: "DELETED" | "HIDDEN"; createdAt: Date };
export type CommentThread = (VisibleComment | RemovedComment) & { replies: VisibleComment[] };
export type StoryComments = { count: number; threads: CommentThread[] };

/** What the public sees: visible comments by active accounts. */
const shownWhere = { status: "VISIBLE", author: { status: "ACTIVE" } } as const satisfies Prisma.CommentWhereInput;
const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies Prisma.CommentOrderByWithRelationInput[];

/** Public: a story's thread, top-level comments oldest first, each with its replies oldest first. */
export async function listStoryComments(storyId: string): Promise<StoryComments> {
  const shown = await db.comment.findMany({
    where: { storyId, ...shownWhere },
    orderBy: oldestFirst,
    select: { id: true, parentId: true, body: true, bodyHtml: true, createdAt: true, editedAt: true, author: { select: { id: true, name: true, handle: true, avatarUrl: true } } },
  });
  // Only the removed comments that still have a reply shown under them, and never their text.
  const shownIds = new Set(shown.map((c) => c.id));
  const missingParents = [...new Set(shown.flatMap((c) => (c.parentId && !shownIds.has(c.parentId) ? [c.parentId] : [])))];
  const removedParents = missingParents.length
    ? await db.comment.findMany({ where: { id: { in: missingParents }, storyId, parentId: null }, orderBy: oldestFirst, select: { id: true, status: true, createdAt: true } })
    : [];
  const threads: CommentThread[] = removedParents.map((c) => ({ ...c, status: c.status === "DELETED" ? "DELETED" : "HIDDEN", replies: [] }));
  for (const { parentId, ...c } of shown) if (!parentId) threads.push({ ...c, status: "VISIBLE", replies: [] });
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  for (const { parentId, ...c } of shown) if (parentId) byId.get(parentId)?.replies.push({ ...c, status: "VISIBLE" });
  threads.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return { count: shown.length, threads };
}

/** Where a story takes new comments: published, by an active creator, comments on. */
async function requireOpenStory(tx: Prisma.TransactionClient, storyId: string) {
  const story = await tx.story.findFirst({
    where: { id: storyId, status: "PUBLISHED", author: { status: "ACTIVE" } },
    select: { commentsEnabled: true },
  });
  if (!story) throw new AppError("NOT_FOUND", "That story isn't open for comments.");
  if (!story.commentsEnabled) throw new AppError("FORBIDDEN", "Comments are turned off for this story.");
}

/** Replies are one level deep: replying to a reply joins its top-level comment's thread. */
async function threadIdFor(tx: Prisma.TransactionClient, storyId: string, commentId: string): Promise<string> {
  const target = await tx.comment.findFirst({ where: { id: commentId, storyId, ...shownWhere }, select: { id: true, parentId: true } });
  if (!target) throw new AppError("NOT_FOUND", "The comment you replied to isn't there any more.");
  return target.parentId ?? target.id;
}

/** Signed-in users who may comment, on stories open for comments; keeps the story's count in step. */
export async function createComment(viewer: Viewer | null, storyId: string, input: CommentInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, "comment:write");
  await checkCommentSpam(me.id, input.body);
  return db.$transaction(async (tx) => {
    await requireOpenStory(tx, storyId);
    const parentId = input.parentId ? await threadIdFor(tx, storyId, input.parentId) : null;
    const comment = await tx.comment.create({
      data: { storyId, parentId, authorId: me.id, body: input.body, bodyHtml: renderComment(input.body) },
      select: { id: true },
    });
    await tx.story.update({ where: { id: storyId }, data: { commentCount: { increment: 1 } } });
    await notifyAboutComment(tx, { storyId, authorId: me.id, authorName: me.name, repliedToId: input.parentId ?? null });
    return comment;
  });
}

/** The viewer's own visible comment: anyone else's reads as NOT_FOUND. */
function ownComment(me: Viewer, commentId: string) {
  return { id: commentId, authorId: me.id, status: "VISIBLE" } as const satisfies Prisma.CommentWhereInput;
}

const notFound = () => new AppError("NOT_FOUND", "We couldn't find that comment.");

/** Author only, while the story is open for comments: replaces the text and marks it edited. */
export async function editComment(viewer: Viewer | null, commentId: string, input: CommentEdit): Promise<{ storyId: string }> {
  const me = requirePermission(viewer, "comment:write");
  await checkCommentSpam(me.id, input.body, { countAttempt: false });
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: ownComment(me, commentId), select: { storyId: true } });
    if (!comment) throw notFound();
    await requireOpenStory(tx, comment.storyId);
    const { count } = await tx.comment.updateMany({
      where: ownComment(me, commentId),
      data: { body: input.body, bodyHtml: renderComment(input.body), editedAt: new Date() },
    });
    if (count === 0) throw notFound();
    return comment;
  });
}

/** Author only: removes the comment (a placeholder stays while it has replies); keeps the story's count in step. */
export async function deleteComment(viewer: Viewer | null, commentId: string): Promise<{ storyId: string }> {
  const me = requirePermission(viewer, "comment:write");
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: ownComment(me, commentId), select: { storyId: true } });
    if (!comment) throw notFound();
    // The status check in the update makes a double delete count once.
    const { count } = await tx.comment.updateMany({ where: ownComment(me, commentId), data: { status: "DELETED" } });
    if (count === 0) throw notFound();
    await tx.story.update({ where: { id: comment.storyId }, data: { commentCount: { decrement: 1 } } });
    return comment;
  });
}
