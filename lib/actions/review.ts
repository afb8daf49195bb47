"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { approveSubmission, requestChanges } from "@/lib/data/review";
import { idSchema } from "@/lib/validation/ids";
import { approveSubmissionSchema, requestChangesFields, requestChangesSchema } from "@/lib/validation/review";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { expireTags, storyTags } from "@/lib/cache/tags";

const storyIdSchema = idSchema;

/** Approves a submission (live now, or at its scheduled time), then back to the queue. */
export async function approveSubmissionAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = storyIdSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story.", values };
  const input = approveSubmissionSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  let outcome: "published" | "scheduled";
  try {
    const approved = await approveSubmission(await getViewer(), id.data, input.data);
    if (approved.href) expireTags(...storyTags(approved));
    outcome = approved.outcome;
  } catch (error) {
    return formError(error, values);
  }
  redirect(`/admin/reviews?done=${outcome}`);
}

/** Sends a submission back to its creator with a reason and per-section notes, then back to the queue. */
export async function requestChangesAction(storyId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = storyIdSchema.safeParse(storyId);
  if (!id.success) return { message: "We couldn't find that story.", values };
  const input = requestChangesSchema.safeParse(requestChangesFields(values));
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await requestChanges(await getViewer(), id.data, input.data);
  } catch (error) {
    return formError(error, values);
  }
  redirect("/admin/reviews?done=changes");
}
