import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { can, canSomewhere, communityScopedPermissions, isStaff, mayRestrictAccount, permissionScope, PERMISSIONS, roleManagesRoles, RESTRICTION_KINDS, ROLES, type ActiveRestriction, type Permission, type Role } from "@/lib/auth/permissions";
import { requirePermission, requirePermissionScope } from "@/lib/auth/guard";

const reader: Permission[] = ["story:write", "story:publish", "story:react", "comment:write", "profile:edit", "report:create", "appeal:create", "challenge:judge"];
const expected: Record<Role, Permission[]> = {
  READER: reader,
  MODERATOR: [...reader, "admin:access", "review:decide", "comment:moderate", "report:handle", "user:restrict", "log:view"],
  ADMIN: [...PERMISSIONS],
};

/** What each restriction takes away, whatever the role. */
const blocked: Record<ActiveRestriction["kind"], Permission[]> = {
  WARNING: [],
  COMMENT_BAN: ["comment:write"],
  PUBLISH_BAN: ["story:publish"],
  SUSPENSION: PERMISSIONS.filter((p) => p !== "appeal:create"),
  CONTENT_REMOVAL: [],
};

describe("can", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = expected[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role, status: "ACTIVE" }, permission)).toBe(allowed);
      });
    }
    it(`a suspended ${role} may only appeal`, () => {
      expect(PERMISSIONS.filter((p) => can({ role, status: "SUSPENDED" }, p))).toEqual(["appeal:create"]);
    });
    for (const kind of RESTRICTION_KINDS) {
      it(`a ${role} under ${kind} keeps everything else`, () => {
        const viewer = { role, status: "ACTIVE" as const, restrictions: [{ kind, reason: "r", expiresAt: null }] };
        expect(PERMISSIONS.filter((p) => can(viewer, p))).toEqual(expected[role].filter((p) => !blocked[kind].includes(p)));
      });
    }
  }

  it("staff are moderators and admins", () => {
    expect(ROLES.filter((role) => isStaff({ role }))).toEqual(["MODERATOR", "ADMIN"]);
    expect(isStaff(null)).toBe(false);
  });

  it("only the admin role hands over role management (the role form confirms it); unknown roles don't", () => {
    expect(ROLES.filter((role) => roleManagesRoles(role))).toEqual(["ADMIN"]);
    expect(roleManagesRoles("OWNER")).toBe(false);
    expect(roleManagesRoles(undefined)).toBe(false);
  });

  it("a signed-out visitor may do nothing", () => {
    expect(PERMISSIONS.filter((p) => can(null, p))).toEqual([]);
  });

  it("an unknown role (a stale token, a typo) gets nothing rather than everything", () => {
    expect(can({ role: "OWNER" as Role, status: "ACTIVE" }, "story:write")).toBe(false);
  });
});

describe("requirePermission", () => {
  const viewer = { id: "u1", name: "U", handle: "u", role: "READER" as const, status: "ACTIVE" as const };

  it("returns the viewer when allowed", () => {
    expect(requirePermission(viewer, "comment:write")).toBe(viewer);
  });

  it("throws UNAUTHENTICATED for nobody, FORBIDDEN for the suspended and the unpermitted", () => {
    expect(() => requirePermission(null, "comment:write")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => requirePermission({ ...viewer, status: "SUSPENDED" }, "comment:write")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requirePermission(viewer, "role:manage")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("tells a restricted user what they can't do, until when and why", () => {
    const banned = { ...viewer, restrictions: [{ kind: "COMMENT_BAN" as const, reason: "Spam links", expiresAt: new Date("2030-01-02T03:04:00Z") }] };
    expect(() => requirePermission(banned, "comment:write")).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/can't comment until .*2030.*Spam links/) }));
    expect(requirePermission(banned, "story:write")).toBe(banned);
  });

  it("keeps an unconfirmed address from publishing, commenting and reporting, and nothing else", () => {
    const unconfirmed = { ...viewer, emailVerified: false };
    for (const permission of ["story:publish", "comment:write", "report:create"] as const) {
      expect(can(unconfirmed, permission)).toBe(false);
      expect(() => requirePermission(unconfirmed, permission)).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: expect.stringContaining("confirm your email address") }));
    }
    for (const permission of ["story:write", "story:react", "profile:edit", "appeal:create"] as const) expect(requirePermission(unconfirmed, permission)).toBe(unconfirmed);
    expect(can({ ...viewer, emailVerified: true }, "comment:write")).toBe(true);
  });
});

describe("community moderators (scoped permissions)", () => {
  const commod = { id: "c", name: "C", handle: "c", role: "READER" as const, status: "ACTIVE" as const, moderates: ["here"] };
  const here = { communityId: "here" };
  const elsewhere = { communityId: "elsewhere" };

  it("grant exactly review, reports and comment moderation, in their communities only", () => {
    expect([...communityScopedPermissions].sort()).toEqual(["comment:moderate", "report:handle", "review:decide"]);
    for (const permission of PERMISSIONS) {
      const scoped = communityScopedPermissions.has(permission);
      expect(can(commod, permission, here), permission).toBe(scoped || reader.includes(permission));
      expect(can(commod, permission, elsewhere), permission).toBe(reader.includes(permission));
      expect(can(commod, permission), permission).toBe(reader.includes(permission));
    }
    expect(permissionScope(commod, "review:decide")).toEqual(["here"]);
    expect(permissionScope(commod, "user:restrict")).toEqual([]);
    expect(canSomewhere(commod, "report:handle")).toBe(true);
    expect(canSomewhere(commod, "admin:access")).toBe(false);
    expect(requirePermission(commod, "review:decide", here)).toBe(commod);
    expect(() => requirePermission(commod, "review:decide", elsewhere)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(requirePermissionScope(commod, "review:decide").communities).toEqual(["here"]);
    expect(() => requirePermissionScope({ ...commod, moderates: [] }, "review:decide")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("staff's scope is everywhere; a scope never widens what a role lacks", () => {
    expect(permissionScope({ role: "MODERATOR", status: "ACTIVE" }, "review:decide")).toBe("all");
    expect(can({ role: "READER", status: "ACTIVE", moderates: ["here"] }, "user:restrict", here)).toBe(false);
  });

  it("a suspension takes them away as it does staff's; comment and publishing bans don't", () => {
    const suspended = { ...commod, restrictions: [{ kind: "SUSPENSION" as const, reason: "x", expiresAt: null }] };
    for (const permission of communityScopedPermissions) {
      expect(can(suspended, permission, here)).toBe(false);
      expect(can({ ...commod, status: "SUSPENDED" as const }, permission, here)).toBe(false);
      expect(can({ ...commod, restrictions: [{ kind: "COMMENT_BAN" as const }, { kind: "PUBLISH_BAN" as const }] }, permission, here)).toBe(true);
    }
    expect(permissionScope(suspended, "review:decide")).toEqual([]);
    expect(() => requirePermissionScope(suspended, "review:decide")).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: expect.stringContaining("suspended") }));
  });
});

describe("mayRestrictAccount", () => {
  const person = (id: string, role: Role) => ({ id, role, status: "ACTIVE" as const });
  it("moderators restrict readers only; admins restrict anyone; nobody restricts themselves", () => {
    const mod = person("m", "MODERATOR");
    const admin = person("a", "ADMIN");
    expect(mayRestrictAccount(mod, person("r", "READER"))).toBe(true);
    expect(mayRestrictAccount(mod, person("m2", "MODERATOR"))).toBe(false);
    expect(mayRestrictAccount(mod, person("a2", "ADMIN"))).toBe(false);
    expect(mayRestrictAccount(admin, person("m2", "MODERATOR"))).toBe(true);
    expect(mayRestrictAccount(admin, person("a2", "ADMIN"))).toBe(true);
    expect(mayRestrictAccount(admin, admin)).toBe(false);
    expect(mayRestrictAccount(person("r", "READER"), person("r2", "READER"))).toBe(false);
  });
});

describe("permissions only through the map", () => {
  // Role names compared by hand drift from the map (docs/architecture.md). Allowed: the map itself,
  // and the role change (admin-users.ts compares the role being set, which is data, not a check).
  const allowed = new Set(["lib/auth/permissions.ts", "lib/data/admin-users.ts"]);
  it("no module outside the map compares a role", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !allowed.has(file) && /\brole\s*[!=]==|[!=]==\s*"(READER|MODERATOR|ADMIN)"/.test(readFileSync(file, "utf8"))) {
          offenders.push(file);
        }
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(dir);
    expect(offenders).toEqual([]);
  });
});
