import { AppError } from "@/lib/errors";
import { can, type Permission, type Viewer } from "@/lib/auth/permissions";

/** The first line of every data-layer mutation: who is asking, and may they? */
export function requirePermission(viewer: Viewer | null, permission: Permission): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (viewer.status === "SUSPENDED") throw new AppError("FORBIDDEN", "Your account is suspended, so you can't do that right now.");
  if (!can(viewer, permission)) throw new AppError("FORBIDDEN");
  return viewer;
}
