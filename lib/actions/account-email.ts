"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { clientIp } from "@/lib/request-ip";
import { confirmEmailWithToken, requestPasswordReset, resendEmailConfirmation, resetPasswordWithToken } from "@/lib/data/account-email";
import { confirmEmailChange } from "@/lib/data/account-changes";
import { emailTokenSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form";
import { formAction, invalid } from "@/lib/actions/action";

export async function requestPasswordResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: forgotPasswordSchema,
    run: async ({ input }) => requestPasswordReset(input.email, { ip: clientIp(await headers()) }),
    // The same answer whether or not an account uses the address.
    done: (_result, { input, values }) => ({ ok: true, message: `If an account uses ${input.email}, we've sent it a link to choose a new password. It works for one hour.`, values }),
  });
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: resetPasswordSchema,
    secret: ["newPassword", "confirmPassword"],
    run: ({ input }) => resetPasswordWithToken(input.token, input.newPassword),
    // Every other session ended with the reset; this browser signs in with the new password (a redirect).
    done: async ({ email }, { input }) => {
      await signIn("credentials", { email, password: input.newPassword, redirectTo: "/settings/account" });
      return {};
    },
  });
}

const LINK_USED = "This confirmation link has expired or was already used. Sign in and send a new one from the banner at the top of the page.";

export async function confirmEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: (values) => {
      const parsed = emailTokenSchema.safeParse(values);
      return parsed.success ? parsed : invalid({}, LINK_USED);
    },
    run: ({ input }) => confirmEmailWithToken(input.token),
    failed: () => ({ message: LINK_USED }),
    done: (confirmed) => (confirmed ? redirect("/verify-email/done") : { message: LINK_USED }),
  });
}

export async function resendEmailConfirmationAction(_prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, {
    run: ({ viewer }) => resendEmailConfirmation(viewer),
    done: ({ email }) => ({ ok: true, message: `We've sent a new link to ${email}.` }),
  });
}

/** Anyone holding the link sent to a new address: makes it the account's address. */
export async function confirmEmailChangeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: (values) => {
      const parsed = emailTokenSchema.safeParse(values);
      return parsed.success ? parsed : invalid({}, "This link is not valid. Ask again from your account settings.");
    },
    run: ({ input }) => confirmEmailChange(input.token),
    done: () => redirect("/confirm-email-change/done"),
  });
}
