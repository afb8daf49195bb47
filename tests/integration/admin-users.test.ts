import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getUserForStaff, listUsersForStaff, setUserRole, setUserTrust } from "@/lib/data/admin-users";
import { restrictUser } from "@/lib/data/restrictions";
import { makeUser } from "../helpers/factories";

const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

describe("listUsersForStaff / getUserForStaff", () => {
  it("staff search by name, handle or email and filter by role and status, a page at a time", async () => {
    const [mod, admin] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser({ role: "ADMIN" })]);
    const zelda = await makeUser({ name: "Zelda Quillfeather" });
    const suspended = await makeUser({ name: "Zelda Quillpen", status: "SUSPENDED" });
    expect((await listUsersForStaff(mod, { q: "quill" })).items.map((u) => u.id).sort()).toEqual([zelda.id, suspended.id].sort());
    expect((await listUsersForStaff(admin, { q: zelda.handle })).items.map((u) => u.id)).toEqual([zelda.id]);
    expect((await listUsersForStaff(mod, { q: "quill", status: "SUSPENDED" })).items.map((u) => u.id)).toEqual([suspended.id]);
    expect((await listUsersForStaff(mod, { role: "ADMIN" })).items.every((u) => u.role === "ADMIN")).toBe(true);
    const first = await listUsersForStaff(mod, {}, 2);
    expect(first.items).toHaveLength(2);
    const second = await listUsersForStaff(mod, { cursor: first.nextCursor! }, 2);
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0].id);
    const detail = await getUserForStaff(mod, suspended.id);
    expect(detail).toMatchObject({ id: suspended.id, status: "SUSPENDED", restrictions: [expect.objectContaining({ kind: "SUSPENSION", active: true })] });
  });

  it("readers, suspended staff and signed-out visitors cannot list or open users", async () => {
    const [reader, suspendedMod] = await Promise.all([makeUser(), makeUser({ role: "MODERATOR", status: "SUSPENDED" })]);
    await expect(listUsersForStaff(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listUsersForStaff(reader, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsersForStaff(suspendedMod, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUserForStaff(reader, reader.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the detail shows restriction history with who restricted and the audit entries about the user", async () => {
    const [mod, reader] = await Promise.all([makeUser({ role: "MODERATOR", name: "Mod Mia" }), makeUser()]);
    await restrictUser(mod, reader.id, { kind: "WARNING", reason: "First warning" });
    const detail = await getUserForStaff(mod, reader.id);
    expect(detail.restrictions).toEqual([expect.objectContaining({ kind: "WARNING", reason: "First warning", createdBy: expect.objectContaining({ name: "Mod Mia" }) })]);
    expect(detail.audit).toEqual([expect.objectContaining({ action: "RESTRICT", actor: expect.objectContaining({ name: "Mod Mia" }) })]);
  });
});

describe("setUserRole", () => {
  it("an admin promotes a reader to moderator with an audit entry", async () => {
    const [admin, reader] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser()]);
    await setUserRole(admin, reader.id, "MODERATOR", "Helps a lot");
    expect(await roleOf(reader.id)).toBe("MODERATOR");
    expect(await db.moderationAction.findFirst({ where: { action: "ROLE_CHANGE", targetId: reader.id } })).toMatchObject({ actorId: admin.id, reason: "Helps a lot", details: { from: "READER", to: "MODERATOR" } });
  });

  it("moderators, readers, signed-out visitors and a suspended admin cannot change roles; nothing changes", async () => {
    const [mod, reader, target, suspendedAdmin] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser(), makeUser({ role: "ADMIN", status: "SUSPENDED" })]);
    await expect(setUserRole(null, target.id, "ADMIN")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setUserRole(reader, target.id, "ADMIN")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(reader, reader.id, "ADMIN")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(mod, target.id, "MODERATOR")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(suspendedAdmin, target.id, "MODERATOR")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect([await roleOf(target.id), await roleOf(reader.id)]).toEqual(["READER", "READER"]);
    expect(await db.moderationAction.count({ where: { action: "ROLE_CHANGE", targetId: { in: [target.id, reader.id] } } })).toBe(0);
  });

  it("the last admin cannot be demoted, even by two concurrent demotions of the last two admins", async () => {
    // Demote every admin but two, so this test controls who the admins are.
    const [a, b] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "ADMIN" })]);
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: [a.id, b.id] } }, data: { role: "READER" } });
    const results = await Promise.allSettled([setUserRole(a, b.id, "READER"), setUserRole(b, a.id, "READER")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
    const [last] = await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true } });
    const lastViewer = last.id === a.id ? a : b;
    await expect(setUserRole(lastViewer, last.id, "MODERATOR")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last admin") });
    expect(await roleOf(last.id)).toBe("ADMIN");
  });
});

describe("setUserTrust", () => {
  it("an admin overrides trust (and back to automatic) with audit entries; moderators and readers cannot", async () => {
    const [admin, mod, reader] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "MODERATOR" }), makeUser({ trusted: null })]);
    await expect(setUserTrust(mod, reader.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserTrust(reader, reader.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserTrust(null, reader.id, true)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).trustOverride).toBeNull();
    await setUserTrust(admin, reader.id, false, "New and spammy");
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).trustOverride).toBe(false);
    await setUserTrust(admin, reader.id, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).trustOverride).toBeNull();
    expect(await db.moderationAction.count({ where: { action: "TRUST_CHANGE", targetId: reader.id } })).toBe(2);
  });
});
