import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/auth";
import { findViewer, verifyCredentials } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/request-ip";
import { knownUserIds, rememberDevice } from "@/lib/auth/known-device";
import { claimsOf } from "@/lib/auth/session-token";
import { authLogger } from "@/lib/auth/logger";

declare module "next-auth" {
  interface User {
    /** The member's session version when they signed in (lib/data/users.ts findViewer). */
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: authLogger,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        // Throttled per account and per address here too, so posting to the auth route directly
        // (not through the sign-in form's action) meets the same limits.
        const context = { ip: clientIp(request.headers), knownUserIds: await knownUserIds() };
        const user = await verifyCredentials(input.data.email, input.data.password, context).catch((error) => {
          if (isAppError(error)) return null;
          throw error;
        });
        if (!user) return null;
        await rememberDevice(user.id);
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the session version it was issued under; role and status
    // are read from the database per request, and so is whether the session has been ended.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, sv: user.sessionVersion ?? 0 };
      // Reading the session (/api/auth/session): an ended one is no session (null clears the cookie).
      const claims = claimsOf(token);
      return claims && (await findViewer(claims.userId, claims)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
