import "server-only";
import type { Prisma } from "@/lib/db";
import { notify } from "@/lib/data/notifications";
import { storyHref } from "@/lib/data/stories";

/**
 * Inside createComment's transaction: tells the story's creator about a new comment and the
 * author of the comment replied to about the reply (never the commenter themself, never twice).
 */
export async function notifyAboutComment(tx: Prisma.TransactionClient, comment: { storyId: string; authorId: string; authorName: string; repliedToId: string | null }) {
  const [story, repliedTo] = await Promise.all([
    tx.story.findUnique({ where: { id: comment.storyId }, select: { authorId: true, title: true, slug: true, community: { select: { slug: true } } } }),
    comment.repliedToId ? tx.comment.findUnique({ where: { id: comment.repliedToId }, select: { authorId: true } }) : null,
  ]);
  if (!story) return;
  const href = story.slug ? `${storyHref(story.community.slug, story.slug)}#comments-heading` : null;
  if (repliedTo && repliedTo.authorId !== comment.authorId) {
    await notify(tx, repliedTo.authorId, { kind: "REPLY", message: `${comment.authorName} replied to your comment on “${story.title}”.`, href, actorId: comment.authorId });
  }
  if (story.authorId !== repliedTo?.authorId) {
    await notify(tx, story.authorId, { kind: "NEW_COMMENT", message: `${comment.authorName} commented on “${story.title}”.`, href, actorId: comment.authorId });
  }
}
