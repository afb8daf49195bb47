/** Roles and what each may do. One map, one `can`; unit-tested for every role. */
export const ROLES = ["READER", "MODERATOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = "ACTIVE" | "SUSPENDED";

/** Who is asking: resolved from the session and re-read from the database on every request. */
export type Viewer = { id: string; name: string; handle: string; role: Role; status: UserStatus };

export const PERMISSIONS = [
  "story:write",
  "story:react",
  "comment:write",
  "profile:edit",
  "review:decide",
  "comment:moderate",
  "report:handle",
  "user:restrict",
  "role:manage",
  "community:manage",
  "story:feature",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Hearts, bookmarks and follows come under "story:react". */
const readerPermissions: Permission[] = ["story:write", "story:react", "comment:write", "profile:edit"];
const moderatorPermissions: Permission[] = [...readerPermissions, "review:decide", "comment:moderate", "report:handle", "user:restrict"];

const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  READER: new Set(readerPermissions),
  MODERATOR: new Set(moderatorPermissions),
  ADMIN: new Set(PERMISSIONS),
};

/** A suspended account may read but do nothing else, whatever its role. */
export function can(viewer: Pick<Viewer, "role" | "status"> | null | undefined, permission: Permission): boolean {
  if (!viewer || viewer.status !== "ACTIVE") return false;
  return rolePermissions[viewer.role]?.has(permission) ?? false;
}
