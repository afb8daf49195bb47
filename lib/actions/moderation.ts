"use server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { hideComment, removeComment, restoreComment, setCommentsEnabled, setThreadLocked } from "@/lib/data/comment-moderation";
import { moderatorUnpublishStory } from "@/lib/data/story-moderation";
import { moderationReasonSchema } from "@/lib/validation/report";
import { idSchema } from "@/lib/validation/ids";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags, storyTags } from "@/lib/cache/tags";

// Moderation from the story page: small forms in client components (the page itself is static).
// Each takes the target's id bound, a reason from the form, and expires what the public sees.

const reasonForm = z.object({ reason: moderationReasonSchema });

type CommentMove = (viewer: Awaited<ReturnType<typeof getViewer>>, commentId: string, reason: string) => Promise<{ storyId: string }>;

async function moderateComment(move: CommentMove, commentId: string, form: FormData, needsReason = true): Promise<FormState> {
  const values = formValues(form);
  const id = idSchema.safeParse(commentId);
  if (!id.success) return { message: "We couldn't find that comment.", values };
  const input = needsReason ? reasonForm.safeParse(values) : { success: true as const, data: { reason: values.reason?.trim() || "Restored" } };
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { storyId } = await move(await getViewer(), id.data, input.data.reason);
    expireTags(cacheTags.comments(storyId), cacheTags.story(storyId));
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true };
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
  const values = formValues(form);
  const id = idSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story.", values };
  const input = reasonForm.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const story = await setThreadLocked(await getViewer(), id.data, locked, input.data.reason);
    expireTags(...storyTags(story), cacheTags.comments(story.id));
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true };
}

/** The story's creator: turns comments on their story on or off. */
export async function setCommentsEnabledAction(storyId: string, enabled: boolean): Promise<FormState> {
  const id = idSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story." };
  try {
    const story = await setCommentsEnabled(await getViewer(), id.data, enabled);
    expireTags(...storyTags(story), cacheTags.comments(story.id));
  } catch (error) {
    return formError(error);
  }
  return { ok: true };
}

/** Moderators: unpublishes a story with a reason its creator sees; it leaves every public list at once. */
export async function moderatorUnpublishStoryAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = idSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story.", values };
  const input = reasonForm.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const story = await moderatorUnpublishStory(await getViewer(), id.data, input.data.reason);
    expireTags(...storyTags(story), cacheTags.creator(story.authorId));
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true };
}
