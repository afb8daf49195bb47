"use server";
import { z } from "zod";
import { setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { setFeatured } from "@/lib/data/discovery";
import { idSchema } from "@/lib/validation/ids";
import { buttonAction } from "@/lib/actions/action";
import { cacheTags } from "@/lib/cache/tags";

// Small toggles called from client buttons with optimistic UI; each returns the server's truth
// or a message, and the button rolls back on failure.

const heartArgs = z.object({ storyId: idSchema, hearted: z.boolean() });
const bookmarkArgs = z.object({ storyId: idSchema, bookmarked: z.boolean() });
const followArgs = z.object({ creatorId: idSchema, following: z.boolean() });
const featureArgs = z.object({ storyId: idSchema, featured: z.boolean(), note: z.string().trim().max(200, "Keep the note under 200 characters") });

export async function setHeartAction(storyId: string, hearted: boolean) {
  return buttonAction(heartArgs, { storyId, hearted }, (viewer, input) => setHeart(viewer, input.storyId, input.hearted));
}

export async function setBookmarkAction(storyId: string, bookmarked: boolean) {
  return buttonAction(bookmarkArgs, { storyId, bookmarked }, (viewer, input) => setBookmark(viewer, input.storyId, input.bookmarked));
}

export async function setFollowAction(creatorId: string, following: boolean) {
  return buttonAction(
    followArgs,
    { creatorId, following },
    (viewer, input) => setFollow(viewer, input.creatorId, input.following),
    (_result, input) => [cacheTags.creator(input.creatorId)],
  );
}

export async function setFeaturedAction(storyId: string, featured: boolean, note: string) {
  return buttonAction(
    featureArgs,
    { storyId, featured, note },
    async (viewer, input) => {
      await setFeatured(viewer, input.storyId, input.featured, input.note);
      return { featured: input.featured };
    },
    () => [cacheTags.storyLists],
  );
}
