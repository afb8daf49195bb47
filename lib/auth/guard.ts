import { AppError } from "@/lib/errors";
import { blockingRestriction, can, unverifiedBlocks, type ActiveRestriction, type Permission, type Viewer } from "@/lib/auth/permissions";

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

/** The first line of every data-layer mutation: who is asking, and may they? */
export function requirePermission(viewer: Viewer | null, permission: Permission): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const restriction = blockingRestriction(viewer, permission);
  if (restriction) throw new AppError("FORBIDDEN", restrictionMessage(restriction));
  if (viewer.emailVerified === false && unverifiedBlocks.has(permission)) {
    throw new AppError("FORBIDDEN", "Please confirm your email address first: follow the link we sent you, or send a new one from the banner at the top of the page.");
  }
  if (!can(viewer, permission)) throw new AppError("FORBIDDEN");
  return viewer;
}
