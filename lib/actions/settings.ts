"use server";
import { getViewer } from "@/lib/auth/session";
import { updateSiteSettings } from "@/lib/data/settings";
import { siteSettingsSchema } from "@/lib/validation/settings";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";

/** Saves the site settings (admins); nothing public is cached from them, so no tags to expire. */
export async function updateSiteSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = siteSettingsSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  const { reason, ...settings } = input.data;
  try {
    await updateSiteSettings(await getViewer(), settings, reason);
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true, values: { ...values, reason: "" }, savedAt: new Date().toISOString() };
}
