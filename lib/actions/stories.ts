"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { createDraft, publishStory, updateStory } from "@/lib/data/stories";
import { storyInputSchema, storyIntentSchema } from "@/lib/validation/story";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { expireTags, storyTags } from "@/lib/cache/tags";

/** Saves the editor's form as a new draft, or an existing story (storyId bound), then publishes if asked. */
export async function saveStoryAction(storyId: string | null, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = storyInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  const intent = storyIntentSchema.parse(values.intent);
  const viewer = await getViewer();
  let id = storyId;
  let publishedHref: string | null = null;
  try {
    if (id) {
      expireTags(...storyTags(await updateStory(viewer, id, input.data)));
    } else {
      id = (await createDraft(viewer, input.data)).id;
    }
    if (intent === "publish") {
      const published = await publishStory(viewer, id);
      expireTags(...storyTags(published));
      publishedHref = published.href;
    }
  } catch (error) {
    const state = formError(error, values);
    // A new draft that saved but could not publish now lives at its edit URL: keep it.
    return id && !storyId ? { ...state, values: { ...values, savedStoryId: id } } : state;
  }
  if (publishedHref) redirect(publishedHref);
  if (!storyId) redirect(`/studio/stories/${id}/edit?saved=1`);
  return { ok: true, values, savedAt: new Date().toISOString() };
}
