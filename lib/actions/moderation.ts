"use server";
import { z } from "zod";
import { hideComment, removeComment, restoreComment, setCommentsEnabled, setThreadLocked } from "@/lib/data/comment-moderation";
import { moderatorUnpublishStory } from "@/lib/data/story-moderation";
import type { SessionViewer } from "@/lib/data/users";
import { moderationReasonSchema } from "@/lib/validation/report";
import type { FormState } from "@/lib/validation/form";
import { formAction, type Parsed } from "@/lib/actions/action";
import { cacheTags, storyTags } from "@/lib/cache/tags";

// Moderation from the story page: small forms in client components (the page itself is static).
// Each takes the target's id bound, a reason from the form, and expires what the public sees.

const reasonForm = z.object({ reason: moderationReasonSchema });
/** Restoring needs no reason; an empty one is recorded as "Restored". */
const optionalReason = (values: Record<string, string>): Parsed<{ reason: string }> => ({ success: true, data: { reason: values.reason?.trim() || "Restored" } });

type CommentMove = (viewer: SessionViewer | null, commentId: string, reason: string) => Promise<{ storyId: string }>;

function moderateComment(move: CommentMove, commentId: string, form: FormData, needsReason = true): Promise<FormState> {
  return formAction(form, {
    ids: { commentId },
    notFound: "We couldn't find that comment.",
    input: needsReason ? reasonForm : optionalReason,
    run: ({ viewer, ids, input }) => move(viewer, ids.commentId, input.reason),
    expire: ({ storyId }) => [cacheTags.comments(storyId), cacheTags.story(storyId)],
  });
}

/** Moderators, or the story's creator on their own story: hides a comment with a reason its author sees. */
export async function hideCommentAction(commentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return moderateComment(hideComment, commentId, form);
}

/** Moderators, or the creator for comments they hid: puts a hidden comment back. */
export async function restoreCommentAction(commentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return moderateComment(restoreComment, commentId, form, false);
}

/** Moderators only: removes a comment for good, with a reason. */
export async function removeCommentAction(commentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return moderateComment(removeComment, commentId, form);
}

/** Moderators only: locks or unlocks a story's conversation, with a reason. */
export async function setThreadLockedAction(storyId: string, locked: boolean, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: (values) => reasonForm.extend({ locked: z.boolean() }).safeParse({ ...values, locked }),
    run: ({ viewer, ids, input }) => setThreadLocked(viewer, ids.storyId, input.locked, input.reason),
    expire: (story) => [...storyTags(story), cacheTags.comments(story.id)],
  });
}

/** The story's creator: turns comments on their story on or off. */
export async function setCommentsEnabledAction(storyId: string, enabled: boolean): Promise<FormState> {
  return formAction(null, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: () => z.boolean().safeParse(enabled),
    run: ({ viewer, ids, input }) => setCommentsEnabled(viewer, ids.storyId, input),
    expire: (story) => [...storyTags(story), cacheTags.comments(story.id)],
  });
}

/** Moderators: unpublishes a story with a reason its creator sees; it leaves every public list at once. */
export async function moderatorUnpublishStoryAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: reasonForm,
    run: ({ viewer, ids, input }) => moderatorUnpublishStory(viewer, ids.storyId, input.reason),
    expire: (story) => [...storyTags(story), cacheTags.creator(story.authorId)],
  });
}
