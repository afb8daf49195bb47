"use server";
import { getViewer } from "@/lib/auth/session";
import { createComment } from "@/lib/data/comments";
import { commentInputSchema } from "@/lib/validation/comment";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

export async function postCommentAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
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
