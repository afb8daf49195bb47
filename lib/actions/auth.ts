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
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { safeReturnPath } from "@/lib/actions/form-error";
import { cacheTags } from "@/lib/cache/tags";

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: signUpSchema,
    secret: ["password"],
    // A taken address is not an error the page shows: its owner was told by email (lib/data/users.ts).
    run: async ({ input }) => {
      try {
        return await createUser(input, { ip: clientIp(await headers()) });
      } catch (error) {
        if (error instanceof AddressTakenError) return null;
        throw error;
      }
    },
    expire: (user) => (user ? [cacheTags.creatorHandle(user.handle)] : []),
    // Throws Next's redirect on success.
    done: async (user, { input, values }) => {
      if (!user) redirect("/signup/check-email");
      await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeReturnPath(values.callbackUrl, "/studio") });
      return {};
    },
  });
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: signInSchema,
    secret: ["password"],
    // Checked here as well as in authorize, so a throttled account hears why.
    run: async ({ input }) => assertSignInAllowed(input.email, { ip: clientIp(await headers()), knownUserIds: await knownUserIds() }),
    done: async (_allowed, { input, values }) => {
      try {
        await signIn("credentials", { ...input, redirectTo: safeReturnPath(values.callbackUrl) });
      } catch (error) {
        // One message for an unknown email and a wrong password alike.
        if (error instanceof AuthError) return { message: "That email and password don't match an account.", values };
        throw error; // the success redirect
      }
      return {};
    },
  });
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
