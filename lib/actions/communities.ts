"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { createCommunity, setCommunityArchived, updateCommunity } from "@/lib/data/communities";
import { communityArchiveSchema, communityInputSchema } from "@/lib/validation/community";
import { idSchema } from "@/lib/validation/ids";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

// Community pages, the directory, pickers and every story card (they name the community) change.
const expireCommunityPages = () => expireTags(cacheTags.communities, cacheTags.storyLists);

/** Admins: creates a community, then opens its edit page. */
export async function createCommunityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = communityInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  let id: string;
  try {
    ({ id } = await createCommunity(await getViewer(), input.data));
  } catch (error) {
    return formError(error, values);
  }
  expireCommunityPages();
  redirect(`/admin/communities/${id}?created=1`);
}

/** Admins: saves a community's details and rules (a new address keeps the old one as a redirect). */
export async function updateCommunityAction(communityId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = idSchema.safeParse(communityId);
  const input = communityInputSchema.safeParse(values);
  if (!id.success) return { message: "We couldn't find that community.", values };
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await updateCommunity(await getViewer(), id.data, input.data);
  } catch (error) {
    return formError(error, values);
  }
  expireCommunityPages();
  redirect(`/admin/communities/${id.data}?saved=1`);
}

/** Admins: archives a community or brings it back. */
export async function setCommunityArchivedAction(communityId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = idSchema.safeParse(communityId);
  const input = communityArchiveSchema.safeParse(values);
  if (!id.success) return { message: "We couldn't find that community.", values };
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await setCommunityArchived(await getViewer(), id.data, input.data.archived, input.data.reason);
  } catch (error) {
    return formError(error, values);
  }
  expireCommunityPages();
  redirect(`/admin/communities/${id.data}?saved=1`);
}
