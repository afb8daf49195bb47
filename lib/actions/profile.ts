"use server";
import { z } from "zod";
import { removeMyAvatar, setMyAvatar, updateMyProfile } from "@/lib/data/users";
import { uploadImage } from "@/lib/data/media";
import { profileInputSchema } from "@/lib/validation/profile";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { cacheTags } from "@/lib/cache/tags";

/** What a profile change shows on: the profile under both handles, About the Creator on every story, story lists. */
function profileTags({ id, handle, previousHandle }: { id: string; handle: string; previousHandle?: string }) {
  return [cacheTags.creator(id), ...[handle, previousHandle].filter((h): h is string => !!h).map(cacheTags.creatorHandle), cacheTags.storyLists];
}

const savedNow = (): FormState => ({ ok: true, savedAt: new Date().toISOString() });

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: profileInputSchema,
    run: ({ viewer, input }) => updateMyProfile(viewer, input),
    expire: profileTags,
    done: ({ handle }, { values }) => ({ ...savedNow(), values: { ...values, handle } }),
  });
}

const avatarFormSchema = z.object({ avatar: z.instanceof(File, { message: "Choose an image to upload." }).refine((file) => file.size > 0, "Choose an image to upload.") });

/** Uploads an image through the same pipeline as story images and makes it the viewer's avatar. */
export async function uploadAvatarAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: (_values, data) => avatarFormSchema.safeParse({ avatar: data?.get("avatar") }),
    run: async ({ viewer, input }) => setMyAvatar(viewer, (await uploadImage(viewer, new Uint8Array(await input.avatar.arrayBuffer()))).id),
    expire: profileTags,
    // The image's own problems (type, size, damage) belong beside the file input.
    failed: (state) => (state.fieldErrors ? state : { fieldErrors: { avatar: [state.message ?? "That didn't work."] } }),
    done: savedNow,
  });
}

export async function removeAvatarAction(_prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    run: ({ viewer }) => removeMyAvatar(viewer),
    expire: profileTags,
    done: savedNow,
  });
}
