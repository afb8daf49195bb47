"use server";
import { redirect } from "next/navigation";
import { createCommunity, setCommunityArchived, updateCommunity } from "@/lib/data/communities";
import { communityArchiveSchema, communityInputSchema } from "@/lib/validation/community";
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
