"use server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { removeMyAvatar, setMyAvatar, updateMyProfile } from "@/lib/data/users";
import { uploadImage } from "@/lib/data/media";
import { profileInputSchema } from "@/lib/validation/profile";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

/** What a profile change shows on: the profile under both handles, About the Creator on every story, story lists. */
function expireProfile(id: string, ...handles: string[]) {
  expireTags(cacheTags.creator(id), ...handles.map(cacheTags.creatorHandle), cacheTags.storyLists);
}

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = profileInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { id, handle, previousHandle } = await updateMyProfile(await getViewer(), input.data);
    expireProfile(id, handle, previousHandle);
    return { ok: true, values: { ...values, handle }, savedAt: new Date().toISOString() };
  } catch (error) {
    return formError(error, values);
  }
}

const avatarFormSchema = z.object({ avatar: z.instanceof(File, { message: "Choose an image to upload." }).refine((file) => file.size > 0, "Choose an image to upload.") });

/** Uploads an image through the same pipeline as story images and makes it the viewer's avatar. */
export async function uploadAvatarAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = avatarFormSchema.safeParse({ avatar: form.get("avatar") });
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error) };
  try {
    const viewer = await getViewer();
    const media = await uploadImage(viewer, new Uint8Array(await input.data.avatar.arrayBuffer()));
    const { id, handle } = await setMyAvatar(viewer, media.id);
    expireProfile(id, handle);
  } catch (error) {
    const state = formError(error);
    // The image's own problems (type, size, damage) belong beside the file input.
    return state.fieldErrors ? state : { fieldErrors: { avatar: [state.message ?? "That didn't work."] } };
  }
  return { ok: true, savedAt: new Date().toISOString() };
}

export async function removeAvatarAction(_prev: FormState, _form: FormData): Promise<FormState> {
  try {
    const { id, handle } = await removeMyAvatar(await getViewer());
    expireProfile(id, handle);
  } catch (error) {
    return formError(error);
  }
  return { ok: true, savedAt: new Date().toISOString() };
}
