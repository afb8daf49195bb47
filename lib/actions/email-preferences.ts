"use server";
import { unsubscribeByLink, updateMyEmailPreferences } from "@/lib/data/email-preferences";
import { clearMyEmailStop } from "@/lib/data/email-events";
import { emailPreferencesSchema, unsubscribeSchema } from "@/lib/validation/settings";
import type { FormState } from "@/lib/validation/form";
import { formAction, invalid } from "@/lib/actions/action";
import { EMAIL_KINDS } from "@/lib/domain/email-preferences";

export async function updateEmailPreferencesAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: emailPreferencesSchema,
    run: ({ viewer, input }) => updateMyEmailPreferences(viewer, input),
    done: (_result, { values }) => ({ ok: true, message: "Saved.", values, savedAt: new Date().toISOString() }),
  });
}

/** The unsubscribe page's button (the link from an email; no sign-in needed). */
export async function unsubscribeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: (values) => {
      const parsed = unsubscribeSchema.safeParse(values);
      return parsed.success ? parsed : invalid({}, "This unsubscribe link is not valid.");
    },
    run: ({ input }) => unsubscribeByLink(input.u, input.k, input.s),
    done: (_result, { input }) => ({ ok: true, message: `Done: you will no longer get emails about ${EMAIL_KINDS[input.k].label.toLowerCase()}.` }),
  });
}

/** The signed-in member: their address works again (a bounce or complaint had stopped mail to it). */
export async function clearMyEmailStopAction(_prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    run: ({ viewer }) => clearMyEmailStop(viewer),
    refresh: true,
    done: () => ({ ok: true, message: "Email to your address is back on." }),
  });
}
