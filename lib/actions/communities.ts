"use server";
import { redirect } from "next/navigation";
import { createCommunity, setCommunityArchived, updateCommunity } from "@/lib/data/communities";
import { addCommunityModerator, removeCommunityModerator } from "@/lib/data/community-moderators";
import { communityArchiveSchema, communityInputSchema, communityModeratorAddSchema, communityModeratorRemoveSchema } from "@/lib/validation/community";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { cacheTags } from "@/lib/cache/tags";

// Community pages, the directory, pickers and every story card (they name the community) change.
const communityPages = () => [cacheTags.communities, cacheTags.storyLists];
const NOT_FOUND = "We couldn't find that community.";

/** Admins: creates a community, then opens its edit page. */
export async function createCommunityAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: communityInputSchema,
    run: ({ viewer, input }) => createCommunity(viewer, input),
    expire: communityPages,
    done: ({ id }) => redirect(`/admin/communities/${id}?created=1`),
  });
}

/** Admins: saves a community's details and rules (a new address keeps the old one as a redirect). */
export async function updateCommunityAction(communityId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { communityId },
    notFound: NOT_FOUND,
    input: communityInputSchema,
    run: ({ viewer, ids, input }) => updateCommunity(viewer, ids.communityId, input),
    expire: communityPages,
    done: (_result, { ids }) => redirect(`/admin/communities/${ids.communityId}?saved=1`),
  });
}

/** Admins: archives a community or brings it back. */
export async function setCommunityArchivedAction(communityId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { communityId },
    notFound: NOT_FOUND,
    input: communityArchiveSchema,
    run: ({ viewer, ids, input }) => setCommunityArchived(viewer, ids.communityId, input.archived, input.reason),
    expire: communityPages,
    done: (_result, { ids }) => redirect(`/admin/communities/${ids.communityId}?saved=1`),
  });
}

/** Admins: makes a member (by handle) a moderator of this community. */
export async function addCommunityModeratorAction(communityId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { communityId },
    notFound: NOT_FOUND,
    input: communityModeratorAddSchema,
    run: ({ viewer, ids, input }) => addCommunityModerator(viewer, ids.communityId, input),
    done: ({ handle }, { ids }) => redirect(`/admin/communities/${ids.communityId}?moderator=added&handle=${encodeURIComponent(handle)}#moderators-heading`),
  });
}

/** Admins: takes a member's moderation of this community away. */
export async function removeCommunityModeratorAction(communityId: string, userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { communityId, userId },
    notFound: "That member doesn't moderate this community.",
    input: communityModeratorRemoveSchema,
    run: ({ viewer, ids, input }) => removeCommunityModerator(viewer, ids.communityId, ids.userId, input.reason),
    done: (_result, { ids }) => redirect(`/admin/communities/${ids.communityId}?moderator=removed#moderators-heading`),
  });
}
