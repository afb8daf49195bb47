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
/** A hidden comment's placeholder: who hid it, never its author or text (its author sees those via /api/stories/<id>/comments). */
export type HiddenComment = { id: string; status: "HIDDEN"; hiddenBy: "MODERATOR" | "CREATOR"; createdAt: Date };
/** A deleted top-level comment kept as a placeholder so its replies keep their place: no author, no text. */
export type DeletedComment = { id: string; status: "DELETED"; createdAt: Date };
export type RemovedComment = HiddenComment | DeletedComment;
export type ThreadReply = VisibleComment | HiddenComment;
export type CommentThread = (VisibleComment | RemovedComment) & { replies: ThreadReply[] };
export type StoryComments = { count: number; threads: CommentThread[] };

/** What the public sees: visible comments by active accounts. */
const shownWhere = { status: "VISIBLE", author: { status: "ACTIVE" } } as const satisfies Prisma.CommentWhereInput;
const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies Prisma.CommentOrderByWithRelationInput[];

/** Hidden comments keep their place (as placeholders) while their author's account is active. */
const hiddenWhere = { status: "HIDDEN", author: { status: "ACTIVE" } } as const satisfies Prisma.CommentWhereInput;

function placeholder(c: { id: string; status: string; hiddenByCreator: boolean; createdAt: Date }): RemovedComment {
  return c.status === "HIDDEN" ? { id: c.id, status: "HIDDEN", hiddenBy: c.hiddenByCreator ? "CREATOR" : "MODERATOR", createdAt: c.createdAt } : { id: c.id, status: "DELETED", createdAt: c.createdAt };
}

/**
 * Public: a story's thread, top-level comments oldest first, each with its replies oldest first.
 * Hidden comments show as placeholders (who hid them, never the text); deleted ones only while
 * they have replies to hold in place.
 */
export async function listStoryComments(storyId: string): Promise<StoryComments> {
  const [shown, hidden] = await Promise.all([
    db.comment.findMany({
      where: { storyId, ...shownWhere },
      orderBy: oldestFirst,
      select: { id: true, parentId: true, body: true, bodyHtml: true, createdAt: true, editedAt: true, author: { select: { id: true, name: true, handle: true, avatarUrl: true } } },
    }),
    // Never their text or author.
    db.comment.findMany({ where: { storyId, ...hiddenWhere }, orderBy: oldestFirst, select: { id: true, parentId: true, status: true, hiddenByCreator: true, createdAt: true } }),
  ]);
  // Other removed comments (deleted ones) only while a reply still hangs under them: looked up by
  // id, which stays on an index at any size (a "has replies" join would read every comment).
  const present = new Set([...shown, ...hidden].map((c) => c.id));
  const missingParents = [...new Set([...shown, ...hidden].flatMap((c) => (c.parentId && !present.has(c.parentId) ? [c.parentId] : [])))];
  const removedParents = missingParents.length
    ? await db.comment.findMany({ where: { id: { in: missingParents }, storyId, parentId: null }, select: { id: true, parentId: true, status: true, hiddenByCreator: true, createdAt: true } })
    : [];
  const removed = [...hidden, ...removedParents];
  const threads: CommentThread[] = [];
  for (const c of removed) if (!c.parentId) threads.push({ ...placeholder(c), replies: [] });
  for (const { parentId, ...c } of shown) if (!parentId) threads.push({ ...c, status: "VISIBLE", replies: [] });
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  const replies: (ThreadReply & { parentId: string })[] = [];
  for (const { parentId, ...c } of shown) if (parentId) replies.push({ ...c, status: "VISIBLE", parentId });
  for (const c of removed) if (c.parentId && c.status === "HIDDEN") replies.push({ ...(placeholder(c) as HiddenComment), parentId: c.parentId });
  replies.sort(byOldest);
  for (const { parentId, ...reply } of replies) byId.get(parentId)?.replies.push(reply);
  threads.sort(byOldest);
  return { count: shown.length, threads };
}

function byOldest(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);
}

/** Where a story takes new comments: published, by an active creator, comments on, thread not locked. */
async function requireOpenStory(tx: Prisma.TransactionClient, storyId: string) {
  const story = await tx.story.findFirst({
    where: { id: storyId, status: "PUBLISHED", author: { status: "ACTIVE" } },
    select: { commentsEnabled: true, commentsLocked: true },
  });
  if (!story) throw new AppError("NOT_FOUND", "That story isn't open for comments.");
  if (!story.commentsEnabled) throw new AppError("FORBIDDEN", "Comments are turned off for this story.");
  if (story.commentsLocked) throw new AppError("FORBIDDEN", "This conversation is locked.");
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
  await checkCommentSpam(me, input.body);
  return db.$transaction(async (tx) => {
    await requireOpenStory(tx, storyId);
    const parentId = input.parentId ? await threadIdFor(tx, storyId, input.parentId) : null;
    const comment = await tx.comment.create({
      data: { storyId, parentId, authorId: me.id, body: input.body, bodyHtml: renderComment(input.body) },
      select: { id: true },
    });
    await notifyAboutComment(tx, { storyId, authorId: me.id, authorName: me.name, repliedToId: input.parentId ?? null });
    // Last, so the story row stays locked only until the commit: comments (and hearts) on a
    // popular story queue on that lock (measured in tests/load).
    await tx.story.update({ where: { id: storyId }, data: { commentCount: { increment: 1 } } });
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
  await checkCommentSpam(me, input.body, { countAttempt: false });
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
