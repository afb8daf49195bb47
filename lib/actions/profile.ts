"use server";
import { getViewer } from "@/lib/auth/session";
import { updateMyProfile } from "@/lib/data/users";
import { profileInputSchema } from "@/lib/validation/profile";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = profileInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { id } = await updateMyProfile(await getViewer(), input.data);
    // The name and bio also appear in every story's About the Creator box and in story lists.
    expireTags(cacheTags.creator(id), cacheTags.storyLists);
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true, values, savedAt: new Date().toISOString() };
}
