"use server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { setFeatured } from "@/lib/data/discovery";
import { idSchema } from "@/lib/validation/ids";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

// Small toggles called from client buttons with optimistic UI; each returns the server's truth
// or a message, and the button rolls back on failure.

const id = idSchema;
type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    return { ok: false, message: formError(error).message ?? "Please try again." };
  }
}

export async function setHeartAction(storyId: string, hearted: boolean) {
  const input = z.object({ storyId: id, hearted: z.boolean() }).safeParse({ storyId, hearted });
  if (!input.success) return { ok: false as const, message: "That request didn't make sense." };
  return attempt(async () => setHeart(await getViewer(), input.data.storyId, input.data.hearted));
}

export async function setBookmarkAction(storyId: string, bookmarked: boolean) {
  const input = z.object({ storyId: id, bookmarked: z.boolean() }).safeParse({ storyId, bookmarked });
  if (!input.success) return { ok: false as const, message: "That request didn't make sense." };
  return attempt(async () => setBookmark(await getViewer(), input.data.storyId, input.data.bookmarked));
}

export async function setFollowAction(creatorId: string, following: boolean) {
  const input = z.object({ creatorId: id, following: z.boolean() }).safeParse({ creatorId, following });
  if (!input.success) return { ok: false as const, message: "That request didn't make sense." };
  return attempt(async () => {
    const result = await setFollow(await getViewer(), input.data.creatorId, input.data.following);
    expireTags(cacheTags.creator(input.data.creatorId));
    return result;
  });
}

export async function setFeaturedAction(storyId: string, featured: boolean, note: string) {
  const input = z.object({ storyId: id, featured: z.boolean(), note: z.string().trim().max(200, "Keep the note under 200 characters") }).safeParse({ storyId, featured, note });
  if (!input.success) return { ok: false as const, message: input.error.issues[0]?.message ?? "That request didn't make sense." };
  return attempt(async () => {
    await setFeatured(await getViewer(), input.data.storyId, input.data.featured, input.data.note);
    expireTags(cacheTags.storyLists);
    return { featured: input.data.featured };
  });
}
