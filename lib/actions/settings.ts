"use server";
import { updateSiteSettings } from "@/lib/data/settings";
import { siteSettingsSchema } from "@/lib/validation/settings";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { updateBranding } from "@/lib/data/branding";
import { parseBranding } from "@/lib/validation/branding";
import { cacheTags } from "@/lib/cache/tags";

/** Saves the site settings (admins); nothing public is cached from them, so no tags to expire. */
export async function updateSiteSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: siteSettingsSchema,
    run: ({ viewer, input: { reason, ...settings } }) => updateSiteSettings(viewer, settings, reason),
    done: (_saved, { values }) => ({ ok: true, values: { ...values, reason: "" }, savedAt: new Date().toISOString() }),
  });
}

/** Saves the site's branding (admins): every page shows it, so its cache tag expires. */
export async function updateBrandingAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: parseBranding,
    run: ({ viewer, input }) => updateBranding(viewer, input),
    expire: () => [cacheTags.branding],
    done: (_saved, { values }) => ({ ok: true, values: { ...values, reason: "" }, savedAt: new Date().toISOString() }),
  });
}
