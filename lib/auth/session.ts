import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { findViewer, type SessionViewer } from "@/lib/data/users";
import type { Viewer } from "@/lib/auth/permissions";

/** The signed-in user, fresh from the database (role and status included), or null. Once per request. */
export const getViewer = cache(async (): Promise<SessionViewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findViewer(id) : null;
});

/** For pages: the viewer, or a redirect to sign in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
