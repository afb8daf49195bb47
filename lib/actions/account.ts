"use server";
// Account security from /settings/account: the password, the email address, signing out
// everywhere, and deleting the account.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn, signOut } from "@/lib/auth/config";
import { changeMyPassword } from "@/lib/data/users";
import { cancelEmailChange, requestEmailChange } from "@/lib/data/account-changes";
import { requestAccountDeletion } from "@/lib/data/account-deletion";
import { clientIp } from "@/lib/request-ip";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { signOutAction } from "@/lib/actions/auth";

/**
 * The signed-in user: a new password, given the current one. Every session signed in before ends;
 * this browser is signed in again with the new password, so only the others are signed out.
 * Passwords are never sent back to the form.
 */
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: changePasswordSchema,
    secret: ["currentPassword", "newPassword", "confirmPassword"],
    run: async ({ viewer, input }) => changeMyPassword(viewer, input, { ip: clientIp(await headers()) }),
    done: async ({ email }, { input }) => {
      try {
        await signIn("credentials", { email, password: input.newPassword, redirect: false });
      } catch (error) {
        // Refused (this network is throttled, say): the password is changed all the same.
        if (error instanceof AuthError) return { ok: true, message: "Your password was changed and you were signed out everywhere. Sign in again with your new password." };
        throw error;
      }
      return { ok: true, message: "Password changed. Other browsers and devices are signed out; this one stays signed in.", savedAt: new Date().toISOString() };
    },
  });
}

/** The signed-in user: ends every session they have, this one included (what sign-out does), with a form's state. */
export async function signOutEverywhereAction(_prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, { run: () => signOutAction() });
}

/**
 * The signed-in user, with their password: sends a confirmation link to a new address. The answer
 * is the same whether or not another account uses it.
 */
export async function changeEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: changeEmailSchema,
    secret: ["currentPassword"],
    run: async ({ viewer, input }) => requestEmailChange(viewer, input, { ip: clientIp(await headers()) }),
    refresh: true,
    done: ({ pendingEmail }) => ({ ok: true, message: `We've sent a link to ${pendingEmail}. Your address changes when you open it.` }),
  });
}

/** The signed-in user: forgets the address waiting for confirmation. */
export async function cancelEmailChangeAction(_prev: FormState, _form: FormData): Promise<FormState> {
  return formAction(null, { run: ({ viewer }) => cancelEmailChange(viewer), refresh: true });
}

/**
 * The signed-in user, with their password: schedules their account's deletion (the grace period in
 * lib/domain/account-deletion.ts), which signed them out everywhere; this browser's cookie goes too,
 * and the page says how to cancel.
 */
export async function deleteAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: deleteAccountSchema,
    secret: ["currentPassword"],
    run: async ({ viewer, input }) => requestAccountDeletion(viewer, input, { ip: clientIp(await headers()) }),
    done: async ({ dueAt }) => {
      await signOut({ redirectTo: `/account-deletion?on=${dueAt.toISOString().slice(0, 10)}` });
      return {};
    },
  });
}
