/** Roles and what each may do. One map, one `can`; unit-tested for every role and restriction. */
export const ROLES = ["READER", "MODERATOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = "ACTIVE" | "SUSPENDED";

export const RESTRICTION_KINDS = ["WARNING", "COMMENT_BAN", "PUBLISH_BAN", "SUSPENSION", "CONTENT_REMOVAL"] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];
/** A restriction in force on the viewer: why, and until when (null: until lifted). */
export type ActiveRestriction = { kind: RestrictionKind; reason: string; expiresAt: Date | null };

/**
 * Who is asking: resolved from the session and re-read from the database on every request, so a
 * role change or a restriction takes effect at once. `status` is SUSPENDED while a suspension is
 * in force (and lifts itself at its expiry).
 */
export type Viewer = { id: string; name: string; handle: string; role: Role; status: UserStatus; restrictions?: ActiveRestriction[] };

export const PERMISSIONS = [
  "story:write",
  /** Submit for review, or publish directly when trusted. */
  "story:publish",
  "story:react",
  "comment:write",
  "profile:edit",
  "report:create",
  "appeal:create",
  /** See the admin area's entrance (the account menu's Admin link); each page checks its own permission. */
  "admin:access",
  "review:decide",
  "comment:moderate",
  "report:handle",
  "user:restrict",
  "log:view",
  "appeal:decide",
  "user:trust",
  "role:manage",
  "settings:manage",
  "community:manage",
  "story:feature",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Hearts, bookmarks and follows come under "story:react". */
const readerPermissions: Permission[] = ["story:write", "story:publish", "story:react", "comment:write", "profile:edit", "report:create", "appeal:create"];
const moderatorPermissions: Permission[] = [...readerPermissions, "admin:access", "review:decide", "comment:moderate", "report:handle", "user:restrict", "log:view"];

const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  READER: new Set(readerPermissions),
  MODERATOR: new Set(moderatorPermissions),
  ADMIN: new Set(PERMISSIONS),
};

/** What each restriction takes away while it is in force. A suspension takes all but appealing. */
export const restrictionBlocks: Record<RestrictionKind, ReadonlySet<Permission>> = {
  WARNING: new Set(),
  COMMENT_BAN: new Set(["comment:write"]),
  PUBLISH_BAN: new Set(["story:publish"]),
  SUSPENSION: new Set(PERMISSIONS.filter((p) => p !== "appeal:create")),
  CONTENT_REMOVAL: new Set(),
};

/** The restriction (if any) that stops the viewer doing `permission`. */
export function blockingRestriction(viewer: Pick<Viewer, "status" | "restrictions">, permission: Permission): ActiveRestriction | null {
  const found = viewer.restrictions?.find((r) => restrictionBlocks[r.kind].has(permission));
  if (found) return found;
  // A suspended status without its restriction row (set by hand, say) still blocks everything.
  if (viewer.status === "SUSPENDED" && restrictionBlocks.SUSPENSION.has(permission)) return { kind: "SUSPENSION", reason: "", expiresAt: null };
  return null;
}

export function can(viewer: Pick<Viewer, "role" | "status" | "restrictions"> | null | undefined, permission: Permission): boolean {
  if (!viewer) return false;
  if (blockingRestriction(viewer, permission)) return false;
  return rolePermissions[viewer.role]?.has(permission) ?? false;
}

/** Moderators and admins: who sees the admin area at all (each page checks its own permission). */
export function isStaff(viewer: Pick<Viewer, "role"> | null | undefined): boolean {
  return viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
}
