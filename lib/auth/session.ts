import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { sessionClaims } from "@/lib/auth/session-token";
import { findViewer, type SessionViewer } from "@/lib/data/users";
import type { Viewer } from "@/lib/auth/permissions";

/**
 * The signed-in user, fresh from the database (role and status included), or null: also null when
 * the session was ended (signed out, password changed, suspended, role changed). Once per request.
 */
export const getViewer = cache(async (): Promise<SessionViewer | null> => {
  // From cookies(), not headers(): when a server action sets a new session cookie (a password
  // change signs this browser in again), the page it re-renders sees the new cookie (Next's
  // synchronizeMutableCookies); headers() would still hold the old, ended one.
  const cookie = (await cookies())
    .getAll()
    .map(({ name, value }) => `${name}=${encodeURIComponent(value)}`)
    .join("; ");
  const claims = await sessionClaims(new Headers({ cookie }));
  return claims ? findViewer(claims.userId, { sessionVersion: claims.sessionVersion }) : null;
});

/** For pages: the viewer, or a redirect to sign in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
