"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AddressTakenError, assertSignInAllowed, createUser, endMySessions } from "@/lib/data/users";
import { getViewer } from "@/lib/auth/session";
import { knownUserIds } from "@/lib/auth/known-device";
import { clientIp } from "@/lib/request-ip";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError, safeReturnPath } from "@/lib/actions/form-error";
import { cacheTags, expireTags } from "@/lib/cache/tags";

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { password: _password, ...values } = formValues(form);
  const input = signUpSchema.safeParse(formValues(form));
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  let addressTaken = false;
  try {
    const user = await createUser(input.data, { ip: clientIp(await headers()) });
    expireTags(cacheTags.creatorHandle(user.handle));
  } catch (error) {
    if (!(error instanceof AddressTakenError)) return formError(error, values);
    addressTaken = true;
  }
  // The page never says an address is taken; its owner was told by email (lib/data/users.ts).
  if (addressTaken) redirect("/signup/check-email");
  // Throws Next's redirect on success, so it stays outside any try.
  await signIn("credentials", { email: input.data.email, password: input.data.password, redirectTo: safeReturnPath(values.callbackUrl, "/studio") });
  return {};
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { password: _password, ...values } = formValues(form);
  const input = signInSchema.safeParse(formValues(form));
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    // Checked here as well as in authorize, so a throttled account hears why.
    await assertSignInAllowed(input.data.email, { ip: clientIp(await headers()), knownUserIds: await knownUserIds() });
  } catch (error) {
    return formError(error, values);
  }
  try {
    await signIn("credentials", { ...input.data, redirectTo: safeReturnPath(values.callbackUrl) });
  } catch (error) {
    // One message for an unknown email and a wrong password alike.
    if (error instanceof AuthError) return { message: "That email and password don't match an account.", values };
    throw error; // the success redirect
  }
  return {};
}

/**
 * Ends the member's sessions on the server (a copy of the cookie kept from before stops working:
 * sessions carry a version, and this moves it on, so every device is signed out) and clears this
 * browser's cookie; the browser then forgets the viewer and goes home.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endMySessions(viewer);
  await signOut({ redirect: false });
}
