"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/session";
import { clientIp } from "@/lib/request-ip";
import { confirmEmailWithToken, requestPasswordReset, resendEmailConfirmation, resetPasswordWithToken } from "@/lib/data/account-email";
import { emailTokenSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";

export async function requestPasswordResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = forgotPasswordSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await requestPasswordReset(input.data.email, { ip: clientIp(await headers()) });
  } catch (error) {
    return formError(error, values);
  }
  // The same answer whether or not an account uses the address.
  return { ok: true, message: `If an account uses ${input.data.email}, we've sent it a link to choose a new password. It works for one hour.`, values };
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { newPassword: _n, confirmPassword: _c, ...values } = formValues(form);
  const input = resetPasswordSchema.safeParse(formValues(form));
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  let email: string;
  try {
    ({ email } = await resetPasswordWithToken(input.data.token, input.data.newPassword));
  } catch (error) {
    return formError(error, values);
  }
  // Every other session ended with the reset; this browser signs in with the new password.
  await signIn("credentials", { email, password: input.data.newPassword, redirectTo: "/settings/account" });
  return {};
}

export async function confirmEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = emailTokenSchema.safeParse(formValues(form));
  if (!input.success || !(await confirmEmailWithToken(input.data.token))) {
    return { message: "This confirmation link has expired or was already used. Sign in and send a new one from the banner at the top of the page." };
  }
  redirect("/verify-email/done");
}

export async function resendEmailConfirmationAction(_prev: FormState, _form: FormData): Promise<FormState> {
  try {
    const { email } = await resendEmailConfirmation(await getViewer());
    return { ok: true, message: `We've sent a new link to ${email}.` };
  } catch (error) {
    return formError(error);
  }
}
