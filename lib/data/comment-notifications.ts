import "server-only";
import type { NewNotification } from "@/lib/data/notifications";
import { storyHref } from "@/lib/data/story-shapes";

/**
 * What a new comment tells people: the author of the comment replied to about the reply, and the
 * story's creator about the comment (never the commenter themself, never anyone twice). For
 * createComment to insert in its transaction.
 */
export function commentNotifications(comment: {
  authorId: string;
  authorName: string;
  story: { authorId: string; title: string; slug: string | null; communitySlug: string };
  repliedToAuthorId: string | null;
}): NewNotification[] {
  const { story, repliedToAuthorId } = comment;
  const href = story.slug ? `${storyHref(story.communitySlug, story.slug)}#comments-heading` : null;
  const out: NewNotification[] = [];
  if (repliedToAuthorId && repliedToAuthorId !== comment.authorId) {
    out.push({ userId: repliedToAuthorId, kind: "REPLY", message: `${comment.authorName} replied to your comment on “${story.title}”.`, href, actorId: comment.authorId });
  }
  if (story.authorId !== repliedToAuthorId) {
    out.push({ userId: story.authorId, kind: "NEW_COMMENT", message: `${comment.authorName} commented on “${story.title}”.`, href, actorId: comment.authorId });
  }
  return out;
}
