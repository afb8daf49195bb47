"use server";
import { redirect } from "next/navigation";
import { approveSubmission, requestChanges } from "@/lib/data/review";
import { approveSubmissionSchema, requestChangesFields, requestChangesSchema } from "@/lib/validation/review";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { storyTags } from "@/lib/cache/tags";

/** Approves a submission (live now, or at its scheduled time), then back to the queue. */
export async function approveSubmissionAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: approveSubmissionSchema,
    run: ({ viewer, ids, input }) => approveSubmission(viewer, ids.storyId, input),
    expire: (approved) => (approved.href ? storyTags(approved) : []),
    done: (approved) => redirect(`/admin/reviews?done=${approved.outcome}`),
  });
}

/** Sends a submission back to its creator with a reason and per-section notes, then back to the queue. */
export async function requestChangesAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { storyId },
    notFound: "We couldn't find that story.",
    input: (values) => requestChangesSchema.safeParse(requestChangesFields(values)),
    run: ({ viewer, ids, input }) => requestChanges(viewer, ids.storyId, input),
    done: () => redirect("/admin/reviews?done=changes"),
  });
}
