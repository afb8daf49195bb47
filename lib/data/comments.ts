import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { renderComment } from "@/lib/content/markdown";
import type { CommentEdit, CommentInput } from "@/lib/validation/comment";
import { checkCommentSpam, commentSpamVerdicts } from "@/lib/data/spam";
import { commentNotifications } from "@/lib/data/comment-notifications";
import { notifyMany } from "@/lib/data/notifications";
import { batched, type Settled } from "@/lib/data/batch";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/data/prisma-errors";
import { afterKeyset } from "@/lib/data/keyset";
import { publicWhere } from "@/lib/data/story-shapes";

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
export type StoryComments = { count: number; threads: CommentThread[]; earlier: string | null };

/** What the public sees: visible comments by active accounts. */
const shownWhere = { status: "VISIBLE", author: { status: "ACTIVE" } } as const satisfies Prisma.CommentWhereInput;
const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies Prisma.CommentOrderByWithRelationInput[];

/** Hidden comments keep their place (as placeholders) while their author's account is active. */
const hiddenWhere = { status: "HIDDEN", author: { status: "ACTIVE" } } as const satisfies Prisma.CommentWhereInput;

function placeholder(c: { id: string; status: string; hiddenByCreator: boolean; createdAt: Date }): RemovedComment {
  return c.status === "HIDDEN" ? { id: c.id, status: "HIDDEN", hiddenBy: c.hiddenByCreator ? "CREATOR" : "MODERATOR", createdAt: c.createdAt } : { id: c.id, status: "DELETED", createdAt: c.createdAt };
}

/** Top-level comments per page: the story page shows the latest; /<community>/<slug>/comments pages back through the rest. */
const THREADS_PER_PAGE = 30;

/**
 * Public: a page of a story's conversation: the latest `limit` top-level comments (or those
 * before the thread `before`), shown oldest first, each with its replies oldest first; `earlier`
 * is the cursor for the page before, if any. Hidden comments show as placeholders (who hid them,
 * never the text); deleted ones only while they have replies to hold in place. `count` is every
 * visible comment on the story.
 */
export async function listStoryComments(storyId: string, { before, limit = THREADS_PER_PAGE }: { before?: string; limit?: number } = {}): Promise<StoryComments> {
  const cursorRow = before ? await db.comment.findFirst({ where: { id: before, storyId, parentId: null }, select: { id: true, createdAt: true } }) : null;
  if (before && !cursorRow) return { count: await countShown(storyId), threads: [], earlier: null };
  const [heads, count] = await Promise.all([
    db.comment.findMany({
      where: { storyId, parentId: null, AND: [{ OR: [shownWhere, hiddenWhere, { status: "DELETED" }] }, cursorRow ? afterKeyset(["createdAt", "id"], cursorRow, "desc") : {}] },
      orderBy: newestFirst,
      take: limit + 1,
      select: { id: true, status: true, hiddenByCreator: true, body: true, bodyHtml: true, createdAt: true, editedAt: true, author: { select: authorSelect } },
    }),
    countShown(storyId),
  ]);
  const page = heads.slice(0, limit).reverse();
  const replies = page.length
    ? await db.comment.findMany({
        where: { parentId: { in: page.map((c) => c.id) }, storyId, OR: [shownWhere, hiddenWhere] },
        orderBy: oldestFirst,
        select: { id: true, parentId: true, status: true, hiddenByCreator: true, body: true, bodyHtml: true, createdAt: true, editedAt: true, author: { select: authorSelect } },
      })
    : [];
  const repliesTo = new Map<string, ThreadReply[]>();
  for (const { parentId, ...reply } of replies) {
    const shown: ThreadReply = reply.status === "VISIBLE" ? visible(reply) : (placeholder(reply) as HiddenComment);
    repliesTo.set(parentId!, [...(repliesTo.get(parentId!) ?? []), shown]);
  }
  const threads = page.flatMap((c): CommentThread[] => {
    const own = repliesTo.get(c.id) ?? [];
    // A deleted comment stays only to hold its replies' place.
    if (c.status === "DELETED" && !own.length) return [];
    return [{ ...(c.status === "VISIBLE" ? visible(c) : placeholder(c)), replies: own }];
  });
  return { count, threads, earlier: heads.length > limit ? page[0].id : null };
}

const authorSelect = { id: true, name: true, handle: true, avatarUrl: true } as const;
const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.CommentOrderByWithRelationInput[];

function visible(c: { id: string; body: string; bodyHtml: string; createdAt: Date; editedAt: Date | null; author: CommentAuthor }): VisibleComment {
  return { id: c.id, status: "VISIBLE", author: c.author, body: c.body, bodyHtml: c.bodyHtml, createdAt: c.createdAt, editedAt: c.editedAt };
}

function countShown(storyId: string) {
  return db.comment.count({ where: { storyId, ...shownWhere } });
}

/** Why a story (read with publicWhere: published, by an active creator; so absent when not published) takes no comments now; null when it does. */
function closedFor(story: { commentsEnabled: boolean; commentsLocked: boolean } | undefined | null): AppError | null {
  if (!story) return new AppError("NOT_FOUND", "That story isn't open for comments.");
  if (!story.commentsEnabled) return new AppError("FORBIDDEN", "Comments are turned off for this story.");
  if (story.commentsLocked) return new AppError("FORBIDDEN", "This conversation is locked.");
  return null;
}

async function requireOpenStory(tx: Prisma.TransactionClient, storyId: string) {
  const closed = closedFor(await tx.story.findFirst({ where: { id: storyId, ...publicWhere }, select: { commentsEnabled: true, commentsLocked: true } }));
  if (closed) throw closed;
}

/** Signed-in users who may comment, on stories open for comments; keeps the story's count in step. */
export async function createComment(viewer: Viewer | null, storyId: string, input: CommentInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, "comment:write");
  // Rendered before joining a batch, so a batch's transaction never waits for a render.
  const bodyHtml = await renderComment(input.body);
  return writeComment({ me, storyId, input, bodyHtml });
}

type NewComment = { me: Viewer; storyId: string; input: CommentInput; bodyHtml: string };
type Outcome = Settled<{ id: string }>;
const refused = (error: unknown): Outcome => ({ ok: false, error });

// Comments that arrive while others are being written go in together (lib/data/batch.ts): under
// load, one transaction and one commit for many comments (docs/performance-load.md). One batch
// at a time measured best (436/s against 393/s with two at once); a slow database fails waiting
// comments after DB_CONNECT_TIMEOUT_MS instead of queueing them.
const writeComment = batched(writeComments, { concurrency: 1, maxWaitMs: () => env().DB_CONNECT_TIMEOUT_MS });

async function writeComments(comments: NewComment[]): Promise<Outcome[]> {
  const verdicts = await commentSpamVerdicts(comments.map(({ me, input }) => ({ viewer: me, body: input.body })));
  const outcomes: Outcome[] = verdicts.map((error) => refused(error));
  const accepted = comments.flatMap((comment, i) => (verdicts[i] ? [] : [{ ...comment, i }]));
  if (!accepted.length) return outcomes;
  try {
    (await insertComments(accepted)).forEach((outcome, n) => (outcomes[accepted[n].i] = outcome));
  } catch (error) {
    // A database that is down or too slow fails them all at once (503, "try again").
    if (accepted.length === 1 || isDatabaseUnavailable(error)) throw error;
    // One comment's failure (a constraint, say) must not fail the others: each on its own.
    for (const comment of accepted) outcomes[comment.i] = await insertComments([comment]).then(([outcome]) => outcome, refused);
  }
  return outcomes;
}

/**
 * In one transaction: checks each comment's story (published, creator active, comments on and
 * unlocked) and the comment it replies to (replies are one level deep: a reply to a reply joins
 * its top-level comment's thread), inserts the ones that pass, notifies, and adds to the stories'
 * counts.
 */
async function insertComments(comments: NewComment[]): Promise<Outcome[]> {
  const storyIds = [...new Set(comments.map((c) => c.storyId))];
  const parentIds = [...new Set(comments.flatMap((c) => (c.input.parentId ? [c.input.parentId] : [])))];
  return db.$transaction(async (tx) => {
    const stories = await tx.story.findMany({
      where: { id: { in: storyIds }, ...publicWhere },
      select: { id: true, authorId: true, title: true, slug: true, commentsEnabled: true, commentsLocked: true, community: { select: { slug: true } } },
    });
    const parents = parentIds.length ? await tx.comment.findMany({ where: { id: { in: parentIds }, ...shownWhere }, select: { id: true, storyId: true, parentId: true, authorId: true } }) : [];
    const storyById = new Map(stories.map((story) => [story.id, story]));
    const parentById = new Map(parents.map((parent) => [parent.id, parent]));

    const outcomes: Outcome[] = [];
    const rows: (Prisma.CommentCreateManyInput & { i: number })[] = [];
    comments.forEach(({ me, storyId, input, bodyHtml }, i) => {
      const story = storyById.get(storyId);
      const parent = input.parentId ? parentById.get(input.parentId) : undefined;
      const closed = closedFor(story);
      if (closed) outcomes[i] = refused(closed);
      else if (input.parentId && parent?.storyId !== storyId) outcomes[i] = refused(new AppError("NOT_FOUND", "The comment you replied to isn't there any more."));
      else rows.push({ i, storyId, parentId: parent ? (parent.parentId ?? parent.id) : null, authorId: me.id, body: input.body, bodyHtml });
    });
    if (!rows.length) return outcomes;

    const created = await tx.comment.createManyAndReturn({ data: rows.map(({ i: _, ...row }) => row), select: { id: true, authorId: true, storyId: true, body: true } });
    rows.forEach((row, n) => {
      const c = created[n];
      // Rows come back in the order they were given; checked, since each id goes to its own caller.
      if (c?.authorId !== row.authorId || c.storyId !== row.storyId || c.body !== row.body) throw new Error("createComment: inserted rows came back out of order");
      outcomes[row.i] = { ok: true, value: { id: c.id } };
    });

    await notifyMany(
      tx,
      rows.flatMap(({ i, storyId }) => {
        const story = storyById.get(storyId)!;
        const { me, input } = comments[i];
        const repliedTo = input.parentId ? parentById.get(input.parentId) : undefined;
        return commentNotifications({ authorId: me.id, authorName: me.name, story: { ...story, communitySlug: story.community.slug }, repliedToAuthorId: repliedTo?.authorId ?? null });
      }),
    );

    // Last, so the story rows stay locked only until the commit (comments and hearts on a popular
    // story queue on that lock), and taken in id order, so two batches can never deadlock. NO KEY
    // UPDATE, as a plain UPDATE of a counter takes: it does not wait for the key-share locks the
    // comment inserts above (theirs and another batch's) hold on the same stories.
    const added = new Map<string, number>();
    for (const { storyId } of rows) added.set(storyId, (added.get(storyId) ?? 0) + 1);
    const ids = [...added.keys()].sort();
    await tx.$executeRaw`
      with locked as (select id from "Story" where id = any(${ids}::text[]) order by id for no key update)
      update "Story" s set "commentCount" = s."commentCount" + t.n
      from unnest(${ids}::text[], ${ids.map((id) => added.get(id)!)}::int[]) as t(id, n)
      where s.id = t.id and s.id in (select id from locked)`;
    return outcomes;
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
  const bodyHtml = await renderComment(input.body);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: ownComment(me, commentId), select: { storyId: true } });
    if (!comment) throw notFound();
    await requireOpenStory(tx, comment.storyId);
    const { count } = await tx.comment.updateMany({
      where: ownComment(me, commentId),
      data: { body: input.body, bodyHtml, editedAt: new Date() },
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
