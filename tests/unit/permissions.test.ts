import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/guard";

const expected: Record<Role, Permission[]> = {
  READER: ["story:write", "story:react", "comment:write", "profile:edit"],
  MODERATOR: ["story:write", "story:react", "comment:write", "profile:edit", "review:decide", "comment:moderate", "report:handle", "user:restrict"],
  ADMIN: [...PERMISSIONS],
};

describe("can", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = expected[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role, status: "ACTIVE" }, permission)).toBe(allowed);
      });
    }
    it(`a suspended ${role} may do nothing`, () => {
      expect(PERMISSIONS.filter((p) => can({ role, status: "SUSPENDED" }, p))).toEqual([]);
    });
  }

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
});
