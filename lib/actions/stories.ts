"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { createDraft, deleteStory, getStoryForEditing, saveAndPublishStory, unpublishStory, updateStory, withdrawSubmission, type PublishOutcome, type StoryDraft } from "@/lib/data/stories";
import { restoreRevision } from "@/lib/data/revisions";
import { publishAtSchema, revisionIdSchema, storyInputSchema, storyIntentSchema, storyVersionSchema } from "@/lib/validation/story";
import { idSchema } from "@/lib/validation/ids";
import { fieldErrorsOf, storableText, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { expireTags, storyTags } from "@/lib/cache/tags";
import { isAppError } from "@/lib/errors";
import { z } from "zod";

/** What the editor sends: its fields as typed, the version it started from and what to do. */
export type StoryFields = Record<string, string>;

/** What a save answers. On failure, `values` are what was typed, so nothing is lost. */
export type SaveStoryState = FormState & {
  id?: string;
  version?: number;
  /** Another tab saved first: the story as it now is, for the creator to compare and choose. */
  conflict?: StoryDraft;
  signedOut?: boolean;
  /** After publishing or submitting: where the editor goes next (the story, or back to its studio page). */
  href?: string;
  outcome?: PublishOutcome;
  /** The save was held as an edit for review: readers still see the live version. */
  held?: boolean;
};

const fieldsSchema = z.record(z.string(), z.string().max(200_000).transform(storableText));

/**
 * Saves the editor's fields: "autosave" (no revision), "save" (keeps a revision) or "publish"
 * (saves and publishes, schedules or submits for review in one step, see saveAndPublishStory, and
 * answers with where to go next; `scheduledAt` is the optional "Publish at" as ISO time). A new
 * story (storyId null) is created on its first save. Every save names the version it started
 * from: see updateStory.
 */
export async function saveStoryAction(storyId: string | null, fields: StoryFields): Promise<SaveStoryState> {
  const parsedFields = fieldsSchema.safeParse(fields);
  if (!parsedFields.success) return { message: "Those changes could not be read. Please try again." };
  const values = parsedFields.data;
  const input = storyInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  const intent = storyIntentSchema.parse(values.intent);
  const publishAt = intent === "publish" ? publishAtSchema.safeParse(values.scheduledAt ?? "") : null;
  if (publishAt && !publishAt.success) return { fieldErrors: { scheduledAt: publishAt.error.issues.map((i) => i.message) }, message: "Check the publishing time.", values };
  const expectedVersion = storyVersionSchema.parse(values.version);
  const viewer = await getViewer();
  let id = storyId;
  let version: number;
  let held = false;
  let next: { href: string; outcome: PublishOutcome } | null = null;
  try {
    const revision = intent === "save" ? "SAVE" : undefined;
    if (intent === "publish") {
      // One data call, one transaction: the text is saved and published (or submitted) together.
      const result = await saveAndPublishStory(viewer, id, input.data, { expectedVersion, scheduledAt: publishAt?.data ?? null });
      id = result.id;
      version = result.version;
      if (result.outcome === "published" && result.href) {
        expireTags(...storyTags(result));
        next = { href: result.href, outcome: result.outcome };
      } else {
        next = { href: `/studio/stories/${id}/edit?${result.outcome}=1`, outcome: result.outcome };
      }
    } else if (id) {
      const saved = await updateStory(viewer, id, input.data, { expectedVersion, revision });
      // Only a story whose public page changed has cached pages to expire (a held edit changes
      // nothing readers see). Expiring also re-renders the editor's own route in the response,
      // which a draft's autosave has no need of.
      if (saved.href && !saved.held) expireTags(...storyTags(saved));
      version = saved.version;
      held = saved.held;
    } else {
      const created = await createDraft(viewer, input.data, { revision });
      id = created.id;
      version = created.version;
    }
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return { message: error.message, signedOut: true, values };
    if (isAppError(error) && error.code === "CONFLICT" && id) {
      const current = await getStoryForEditing(viewer, id).catch(() => undefined);
      return { message: error.message, conflict: current, values };
    }
    const state = formError(error, values);
    // A new draft that saved but could not publish now has an id: the editor keeps using it.
    return id && !storyId ? { ...state, id } : state;
  }
  // The editor navigates itself (after clearing its local copy), so no redirect here.
  return { ok: true, id, version, held, savedAt: new Date().toISOString(), ...(next ?? {}) };
}

const storyIdSchema = idSchema;

/** Takes the creator's story out of review (or off its schedule) so they can edit it again. */
export async function withdrawSubmissionAction(storyId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const id = storyIdSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story." };
  try {
    await withdrawSubmission(await getViewer(), id.data);
  } catch (error) {
    return formError(error);
  }
  redirect(`/studio/stories/${id.data}/edit?withdrawn=1`);
}

/** Takes the creator's published story off the site, then back to its editor. */
export async function unpublishStoryAction(storyId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const id = storyIdSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story." };
  try {
    expireTags(...storyTags(await unpublishStory(await getViewer(), id.data)));
  } catch (error) {
    return formError(error);
  }
  redirect(`/studio/stories/${id.data}/edit?unpublished=1`);
}

/** Deletes the creator's story (they confirmed in the form); its URL then answers 410 Gone. */
export async function deleteStoryAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const id = storyIdSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story." };
  if (form.get("confirm") !== "delete") return { fieldErrors: { confirm: ["Type delete to confirm"] } };
  try {
    expireTags(...storyTags(await deleteStory(await getViewer(), id.data)));
  } catch (error) {
    return formError(error);
  }
  redirect("/studio?deleted=1");
}

/** Makes an older revision the story's current text (a restore is itself a revision). */
export async function restoreRevisionAction(revisionId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const id = revisionIdSchema.safeParse(revisionId);
  if (!id.success) return { message: "We couldn't find that revision." };
  let storyId: string;
  try {
    const saved = await restoreRevision(await getViewer(), id.data);
    expireTags(...storyTags(saved));
    storyId = saved.id;
  } catch (error) {
    return formError(error);
  }
  redirect(`/studio/stories/${storyId}/edit?restored=1`);
}
