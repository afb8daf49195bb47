import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/auth";
import { verifyCredentials } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/request-ip";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
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
        const user = await verifyCredentials(input.data.email, input.data.password, { ip: clientIp(request.headers) }).catch((error) => {
          if (isAppError(error)) return null;
          throw error;
        });
        return user ? { id: user.id, name: user.name, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; role and status are read from the database per request.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
