"use server";
import { redirect } from "next/navigation";
import { createDraft, deleteStory, saveAndPublishStory, unpublishStory, updateStory, withdrawSubmission, type PublishOutcome } from "@/lib/data/stories";
import { getStoryForEditing, type StoryDraft } from "@/lib/data/studio-stories";
import { restoreRevision } from "@/lib/data/revisions";
import { publishAtSchema, storyInputSchema, storyIntentSchema, storyVersionSchema, type StoryInput } from "@/lib/validation/story";
import { storableText, type FormState, type FormValues } from "@/lib/validation/form";
import { formAction, invalid, type Parsed } from "@/lib/actions/action";
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

/** The editor's fields: the story, what to do with it, the version it started from and the optional "Publish at". */
function parseSave(values: FormValues): Parsed<{ story: StoryInput; intent: "save" | "publish" | "autosave"; expectedVersion?: number; scheduledAt: Date | null }> {
  const story = storyInputSchema.safeParse(values);
  if (!story.success) return story;
  const intent = storyIntentSchema.parse(values.intent);
  const publishAt = intent === "publish" ? publishAtSchema.safeParse(values.scheduledAt ?? "") : null;
  if (publishAt && !publishAt.success) return invalid({ scheduledAt: publishAt.error.issues.map((i) => i.message) }, "Check the publishing time.");
  return { success: true, data: { story: story.data, intent, expectedVersion: storyVersionSchema.parse(values.version), scheduledAt: publishAt?.data ?? null } };
}

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
  return formAction(parsedFields.data, {
    ids: storyId === null ? undefined : { storyId },
    notFound: "We couldn't find that story.",
    input: parseSave,
    run: async ({ viewer, input: { story, intent, expectedVersion, scheduledAt } }): Promise<SaveStoryState & { id: string; expire: string[] }> => {
      const revision = intent === "save" ? "SAVE" : undefined;
      if (intent === "publish") {
        // One data call, one transaction: the text is saved and published (or submitted) together.
        const result = await saveAndPublishStory(viewer, storyId, story, { expectedVersion, scheduledAt });
        const live = result.outcome === "published" && result.href;
        const href = live ? result.href! : `/studio/stories/${result.id}/edit?${result.outcome}=1`;
        return { id: result.id, version: result.version, held: false, href, outcome: result.outcome, expire: live ? storyTags(result) : [] };
      }
      if (storyId) {
        const saved = await updateStory(viewer, storyId, story, { expectedVersion, revision });
        // Only a story whose public page changed has cached pages to expire (a held edit changes
        // nothing readers see). Expiring also re-renders the editor's own route in the response,
        // which a draft's autosave has no need of.
        return { id: storyId, version: saved.version, held: saved.held, expire: saved.href && !saved.held ? storyTags(saved) : [] };
      }
      const created = await createDraft(viewer, story, { revision });
      return { id: created.id, version: created.version, held: false, expire: [] };
    },
    expire: (saved) => saved.expire,
    failed: async (state, error, { viewer }): Promise<SaveStoryState> => {
      if (isAppError(error) && error.code === "UNAUTHENTICATED") return { ...state, signedOut: true };
      if (isAppError(error) && error.code === "CONFLICT" && storyId) {
        return { message: state.message, conflict: await getStoryForEditing(viewer, storyId).catch(() => undefined), values: state.values };
      }
      return state;
    },
    // The editor navigates itself (after clearing its local copy), so no redirect here.
    done: ({ expire: _expire, ...saved }) => ({ ok: true, ...saved, savedAt: new Date().toISOString() }),
  });
}

const notFound = "We couldn't find that story.";

/** Takes the creator's story out of review (or off its schedule) so they can edit it again. */
export async function withdrawSubmissionAction(storyId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    ids: { storyId },
    notFound,
    run: ({ viewer, ids }) => withdrawSubmission(viewer, ids.storyId),
    done: (_story, { ids }) => redirect(`/studio/stories/${ids.storyId}/edit?withdrawn=1`),
  });
}

/** Takes the creator's published story off the site, then back to its editor. */
export async function unpublishStoryAction(storyId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    ids: { storyId },
    notFound,
    run: ({ viewer, ids }) => unpublishStory(viewer, ids.storyId),
    expire: storyTags,
    done: (_story, { ids }) => redirect(`/studio/stories/${ids.storyId}/edit?unpublished=1`),
  });
}

const deleteConfirmSchema = z.object({ confirm: z.literal("delete", "Type delete to confirm") });

/** Deletes the creator's story (they confirmed in the form); its URL then answers 404. */
export async function deleteStoryAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound,
    input: deleteConfirmSchema,
    run: ({ viewer, ids }) => deleteStory(viewer, ids.storyId),
    expire: storyTags,
    done: () => redirect("/studio?deleted=1"),
  });
}

/** Makes an older revision the story's current text (a restore is itself a revision). */
export async function restoreRevisionAction(revisionId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    ids: { revisionId },
    notFound: "We couldn't find that revision.",
    run: ({ viewer, ids }) => restoreRevision(viewer, ids.revisionId),
    expire: storyTags,
    done: (saved) => redirect(`/studio/stories/${saved.id}/edit?restored=1`),
  });
}
