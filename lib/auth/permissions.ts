/**
 * Roles and what each may do. One map, one `can`; unit-tested for every role and restriction.
 * Nothing else checks a role by name: code asks `can`, `isStaff` or `mayRestrictAccount`.
 * Client-safe (the browser's viewer is checked with the same map); the enums come from the
 * generated client's browser-safe enums file, so the schema is their one statement.
 */
import { RestrictionKind, Role, UserStatus } from "@/lib/generated/prisma/enums";

export { RestrictionKind, Role, UserStatus };
export const ROLES = Object.values(Role) as [Role, ...Role[]];
export const RESTRICTION_KINDS = Object.values(RestrictionKind) as [RestrictionKind, ...RestrictionKind[]];
/** A restriction in force on the viewer: why, and until when (null: until lifted). */
export type ActiveRestriction = { kind: RestrictionKind; reason: string; expiresAt: Date | null };

/**
 * Who is asking: resolved from the session and re-read from the database on every request, so a
 * role change or a restriction takes effect at once. `status` is SUSPENDED while a suspension is
 * in force (and lifts itself at its expiry).
 */
export type Viewer = { id: string; name: string; handle: string; role: Role; status: UserStatus; restrictions?: ActiveRestriction[]; emailVerified?: boolean; moderates?: readonly string[] };

export const PERMISSIONS = [
  "story:write",
  /** Submit for review, or publish directly when trusted. */
  "story:publish",
  "story:react",
  "comment:write",
  "profile:edit",
  "report:create",
  "appeal:create",
  /** Score and shortlist the entries of a challenge one judges (the judge list is checked in lib/data/challenge-judging.ts). */
  "challenge:judge",
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
  /** Restrict a moderator or an admin (restricting readers is "user:restrict"). */
  "user:restrict-staff",
  /** Let mail go to an address again after a bounce or complaint stopped it (lib/data/email-events.ts). */
  "email:manage",
  /** Create and edit challenges, judge any of them, announce the winners. */
  "challenge:manage",
  /** Download the whole site (members, content, moderation history, media) at /admin/export. */
  "site:export",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Hearts, bookmarks and follows come under "story:react". */
const readerPermissions: Permission[] = ["story:write", "story:publish", "story:react", "comment:write", "profile:edit", "report:create", "appeal:create", "challenge:judge"];
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

/**
 * What an account may not do until its email address is confirmed (the link sent at sign-up):
 * anything others see. Reading, drafts and hearts stay open. Only `emailVerified: false` blocks
 * (the session layer always sets it, lib/data/users.ts findViewer).
 */
export const unverifiedBlocks: ReadonlySet<Permission> = new Set(["story:publish", "comment:write", "report:create"]);

/** The restriction (if any) that stops the viewer doing `permission`. */
export function blockingRestriction(viewer: Pick<Viewer, "status" | "restrictions">, permission: Permission): ActiveRestriction | null {
  const found = viewer.restrictions?.find((r) => restrictionBlocks[r.kind].has(permission));
  if (found) return found;
  // A suspended status without its restriction row (set by hand, say) still blocks everything.
  if (viewer.status === "SUSPENDED" && restrictionBlocks.SUSPENSION.has(permission)) return { kind: "SUSPENSION", reason: "", expiresAt: null };
  return null;
}

/**
 * Anyone `can` may be asked about: the server's Viewer, or the browser's (restrictions' dates as
 * strings). `moderates`: the ids of the communities the member moderates (CommunityModerator).
 */
export type PermissionSubject = { role: Role; status: UserStatus; restrictions?: readonly { kind: RestrictionKind }[]; emailVerified?: boolean; moderates?: readonly string[] };

/**
 * What a community moderator may do, inside the communities they moderate only: review its
 * stories, handle reports about its stories and their comments, hide and restore those comments.
 * Nothing else (no restricting accounts, no removing comments, no other admin pages).
 */
export const communityScopedPermissions: ReadonlySet<Permission> = new Set(["review:decide", "report:handle", "comment:moderate"]);

/** Where a permission is asked for: a community's story, report or comment. */
export type PermissionScope = { communityId: string };

/** Restrictions and an unconfirmed address take a permission away whatever grants it (role or community). */
function blocked(viewer: PermissionSubject, permission: Permission): boolean {
  if (viewer.restrictions?.some((r) => restrictionBlocks[r.kind].has(permission))) return true;
  if (viewer.status === "SUSPENDED" && restrictionBlocks.SUSPENSION.has(permission)) return true;
  return viewer.emailVerified === false && unverifiedBlocks.has(permission);
}

/**
 * Whether the viewer may do `permission`, site-wide or, with a scope, in that community (their role
 * grants it, or they moderate the community and it is one of `communityScopedPermissions`).
 */
export function can(viewer: PermissionSubject | null | undefined, permission: Permission, scope?: PermissionScope): boolean {
  if (!viewer || blocked(viewer, permission)) return false;
  if (rolePermissions[viewer.role]?.has(permission)) return true;
  return Boolean(scope && communityScopedPermissions.has(permission) && viewer.moderates?.includes(scope.communityId));
}

/**
 * Where the viewer may do `permission`: "all" (their role grants it), the communities they moderate
 * (a scoped permission), or none. Lists (the review queue, the reports) filter by it.
 */
export function permissionScope(viewer: PermissionSubject | null | undefined, permission: Permission): "all" | readonly string[] {
  if (!viewer || blocked(viewer, permission)) return [];
  if (rolePermissions[viewer.role]?.has(permission)) return "all";
  return communityScopedPermissions.has(permission) ? (viewer.moderates ?? []) : [];
}

/** Whether the viewer may do `permission` anywhere at all (site-wide or in some community): what the navigation shows. */
export function canSomewhere(viewer: PermissionSubject | null | undefined, permission: Permission): boolean {
  const scope = permissionScope(viewer, permission);
  return scope === "all" || scope.length > 0;
}

/** Whether the role itself grants `permission` (restrictions aside): what an account is, not what it may do now. */
function roleGrants(role: Role | undefined, permission: Permission): boolean {
  return (role && rolePermissions[role]?.has(permission)) ?? false;
}

/**
 * Whether giving someone this role hands them the whole site (they could change every role, the
 * admins' too): the role form asks for a confirmation first, and the action refuses without it.
 */
export function roleManagesRoles(role: string | undefined): boolean {
  return roleGrants(role as Role | undefined, "role:manage");
}

/**
 * Moderators and admins (roles that handle reports): who sees the admin area at all (each page
 * checks its own permission), whose comments' moderation shows, who publishes without review.
 */
export function isStaff(viewer: Pick<Viewer, "role"> | null | undefined): boolean {
  return roleGrants(viewer?.role, "report:handle");
}

/** Nobody restricts themselves; restricting staff takes "user:restrict-staff" (admins). */
export function mayRestrictAccount(me: PermissionSubject & { id: string }, target: { id: string; role: Role }): boolean {
  return me.id !== target.id && can(me, isStaff(target) ? "user:restrict-staff" : "user:restrict");
}
