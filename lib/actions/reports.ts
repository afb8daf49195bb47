"use server";
import { redirect } from "next/navigation";
import { createReport, resolveReports } from "@/lib/data/reports";
import { reportInputSchema, resolveReportsSchema } from "@/lib/validation/report";
import { fieldErrorsOf, type FormState } from "@/lib/validation/form";
import { formAction, invalid } from "@/lib/actions/action";
import { cacheTags, storyTags } from "@/lib/cache/tags";

/** The report dialog: what is reported (hidden fields), why (a reason and optional details). */
export async function createReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  // Reports change no public page (/admin/reports is dynamic): nothing to expire.
  return formAction(form, {
    input: reportInputSchema,
    run: ({ viewer, input }) => createReport(viewer, input),
  });
}

/** /admin/reports: dismisses or acts on one or more targets' reports with one reason, then back to the queue saying so. */
export async function resolveReportsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, {
    input: (values, data) => {
      const input = resolveReportsSchema.safeParse({ resolution: values.resolution, reason: values.reason, targets: data?.getAll("target") });
      if (input.success) return input;
      const fieldErrors = fieldErrorsOf(input.error);
      return invalid(fieldErrors, fieldErrors.targets?.[0]);
    },
    run: ({ viewer, input }) => resolveReports(viewer, input),
    expire: (result) => [
      ...result.commentStoryIds.flatMap((id) => [cacheTags.comments(id), cacheTags.story(id)]),
      ...result.unpublished.flatMap((story) => [...storyTags(story), cacheTags.creator(story.authorId)]),
    ],
    // The card the form lived in is gone from the refreshed queue, so the page says what happened.
    done: (_result, { input }) => redirect(`/admin/reports?done=${input.resolution}`),
  });
  // Only the reason is a field the queue's form keeps.
  return { ...state, values: { reason: state.values?.reason ?? "" } };
}
