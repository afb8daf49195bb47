"use server";
import { getViewer } from "@/lib/auth/session";
import { unsubscribeByLink, updateMyEmailPreferences } from "@/lib/data/email-preferences";
import { emailPreferencesSchema, unsubscribeSchema } from "@/lib/validation/settings";
import { formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { EMAIL_KINDS } from "@/lib/domain/email-preferences";

export async function updateEmailPreferencesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = emailPreferencesSchema.safeParse(values);
  if (!input.success) return { message: "Those settings could not be read. Please try again.", values };
  try {
    await updateMyEmailPreferences(await getViewer(), input.data);
  } catch (error) {
    return formError(error, values);
  }
  return { ok: true, message: "Saved.", values, savedAt: new Date().toISOString() };
}

/** The unsubscribe page's button (the link from an email; no sign-in needed). */
export async function unsubscribeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = unsubscribeSchema.safeParse(formValues(form));
  if (!input.success) return { message: "This unsubscribe link is not valid." };
  try {
    await unsubscribeByLink(input.data.u, input.data.k, input.data.s);
  } catch (error) {
    return formError(error);
  }
  return { ok: true, message: `Done: you will no longer get emails about ${EMAIL_KINDS[input.data.k].label.toLowerCase()}.` };
}
