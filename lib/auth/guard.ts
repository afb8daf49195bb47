import { AppError } from "@/lib/errors";
import { blockingRestriction, can, permissionScope, unverifiedBlocks, type ActiveRestriction, type Permission, type PermissionScope, type Viewer } from "@/lib/auth/permissions";

const restrictedVerb: Partial<Record<ActiveRestriction["kind"], string>> = {
  COMMENT_BAN: "You can't comment",
  PUBLISH_BAN: "You can't submit or publish stories",
  SUSPENSION: "Your account is suspended, so you can't do that",
};

/** The message a restricted user sees: what they can't do, until when, and why. */
export function restrictionMessage(restriction: ActiveRestriction): string {
  const until = restriction.expiresAt ? ` until ${restriction.expiresAt.toUTCString().replace(/:\d\d GMT$/, " UTC")}` : "";
  const why = restriction.reason ? `. Reason: ${restriction.reason}` : "";
  return `${restrictedVerb[restriction.kind] ?? "You can't do that"}${until}${why}. You can appeal from your notifications.`;
}

/**
 * The first line of every data-layer mutation: who is asking, and may they? With a scope: may
 * they here (in that community: lib/auth/permissions.ts, communityScopedPermissions)?
 */
export function requirePermission(viewer: Viewer | null, permission: Permission, scope?: PermissionScope): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const restriction = blockingRestriction(viewer, permission);
  if (restriction) throw new AppError("FORBIDDEN", restrictionMessage(restriction));
  if (viewer.emailVerified === false && unverifiedBlocks.has(permission)) {
    throw new AppError("FORBIDDEN", "Please confirm your email address first: follow the link we sent you, or send a new one from the banner at the top of the page.");
  }
  if (!can(viewer, permission, scope)) throw new AppError("FORBIDDEN");
  return viewer;
}

/**
 * The first line of a list a community moderator may see part of (the review queue, the reports):
 * who is asking, and where may they do `permission` ("all", or their communities)? Nowhere is
 * FORBIDDEN, with the restriction's message when one took it away.
 */
export function requirePermissionScope(viewer: Viewer | null, permission: Permission): { me: Viewer; communities: "all" | readonly string[] } {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const restriction = blockingRestriction(viewer, permission);
  if (restriction) throw new AppError("FORBIDDEN", restrictionMessage(restriction));
  const communities = permissionScope(viewer, permission);
  if (communities !== "all" && communities.length === 0) throw new AppError("FORBIDDEN");
  return { me: viewer, communities };
}
