import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { sessionClaims } from "@/lib/auth/session-token";
import { findViewer, type SessionViewer } from "@/lib/data/users";
import type { Viewer } from "@/lib/auth/permissions";

/**
 * The signed-in user, fresh from the database (role and status included), or null: also null when
 * the session was ended (signed out, password changed, suspended, role changed). Once per request.
 */
export const getViewer = cache(async (): Promise<SessionViewer | null> => {
  const claims = await sessionClaims(await headers());
  return claims ? findViewer(claims.userId, { sessionVersion: claims.sessionVersion }) : null;
});

/** For pages: the viewer, or a redirect to sign in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
