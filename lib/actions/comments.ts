"use server";
import { getViewer } from "@/lib/auth/session";
import { createComment, deleteComment, editComment } from "@/lib/data/comments";
import { commentEditSchema, commentInputSchema } from "@/lib/validation/comment";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";
import { isId } from "@/lib/validation/ids";

/** Posts a comment, or a reply when the form carries `parentId`. */
export async function postCommentAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  if (!isId(storyId)) return { message: "We couldn't find that story.", values };
  const input = commentInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await createComment(await getViewer(), storyId, input.data);
    expireTags(cacheTags.comments(storyId));
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true, values: { body: "" }, savedAt: new Date().toISOString() };
}

export async function editCommentAction(commentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  if (!isId(commentId)) return { message: "We couldn't find that comment.", values };
  const input = commentEditSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { storyId } = await editComment(await getViewer(), commentId, input.data);
    expireTags(cacheTags.comments(storyId));
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true, values, savedAt: new Date().toISOString() };
}

export async function deleteCommentAction(commentId: string): Promise<FormState> {
  if (!isId(commentId)) return { message: "We couldn't find that comment." };
  try {
    const { storyId } = await deleteComment(await getViewer(), commentId);
    expireTags(cacheTags.comments(storyId));
  } catch (error) {
    return formError(error);
  }
  return { ok: true };
}
