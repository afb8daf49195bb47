"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { createReport, resolveReports } from "@/lib/data/reports";
import { reportInputSchema, resolveReportsSchema } from "@/lib/validation/report";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { cacheTags, expireTags, storyTags } from "@/lib/cache/tags";

/** The report dialog: what is reported (hidden fields), why (a reason and optional details). */
export async function createReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = reportInputSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await createReport(await getViewer(), input.data);
  } catch (error) {
    return formError(error, values);
  }
  // Reports change no public page; /admin/reports is dynamic.
  return { ok: true };
}

/** /admin/reports: dismisses or acts on one or more targets' reports with one reason, then back to the queue saying so. */
export async function resolveReportsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = resolveReportsSchema.safeParse({ resolution: form.get("resolution"), reason: form.get("reason"), targets: form.getAll("target") });
  if (!input.success) {
    const fieldErrors = fieldErrorsOf(input.error);
    return { fieldErrors, message: fieldErrors.targets?.[0], values: { reason: values.reason ?? "" } };
  }
  try {
    const result = await resolveReports(await getViewer(), input.data);
    expireTags(
      ...result.commentStoryIds.flatMap((id) => [cacheTags.comments(id), cacheTags.story(id)]),
      ...result.unpublished.flatMap((story) => [...storyTags(story), cacheTags.creator(story.authorId)]),
    );
  } catch (error) {
    return formError(error, { reason: values.reason ?? "" });
  }
  // The card the form lived in is gone from the refreshed queue, so the page says what happened.
  redirect(`/admin/reports?done=${input.data.resolution}`);
}
