import { describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/data/audit-log";
import { restrictUser } from "@/lib/data/restrictions";
import { setUserTrust } from "@/lib/data/admin-users";
import { makeUser } from "../helpers/factories";

describe("listAuditLog", () => {
  it("staff see every entry newest first, filtered by action, target, actor and subject handle, a page at a time", async () => {
    const [admin, mod, a, b] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "MODERATOR" }), makeUser(), makeUser()]);
    const w = await restrictUser(mod, a.id, { kind: "WARNING", reason: "one" });
    const s = await restrictUser(mod, b.id, { kind: "COMMENT_BAN", reason: "two" });
    await setUserTrust(admin, a.id, false);
    const all = await listAuditLog(mod, {});
    expect(all.items.slice(0, 3).map((e) => e.action)).toEqual(["TRUST_CHANGE", "RESTRICT", "RESTRICT"]);
    expect(all.items[1]).toMatchObject({ id: s.actionId, actor: { handle: mod.handle }, subject: { handle: b.handle } });
    expect((await listAuditLog(admin, { subject: a.handle })).items.map((e) => e.action)).toEqual(["TRUST_CHANGE", "RESTRICT"]);
    expect((await listAuditLog(admin, { actor: mod.handle })).items.map((e) => e.id)).toEqual([s.actionId, w.actionId]);
    expect((await listAuditLog(admin, { action: "TRUST_CHANGE", subject: a.handle })).items).toHaveLength(1);
    expect((await listAuditLog(admin, { target: "STORY", actor: mod.handle })).items).toEqual([]);
    expect((await listAuditLog(admin, { actor: "nobody-has-this-handle" })).items).toEqual([]);
    const page1 = await listAuditLog(admin, { actor: mod.handle }, 1);
    const page2 = await listAuditLog(admin, { actor: mod.handle, cursor: page1.nextCursor! }, 1);
    expect([...page1.items, ...page2.items].map((e) => e.id)).toEqual([s.actionId, w.actionId]);
    expect(page2.nextCursor).toBeNull();
  });

  it("readers, creators, suspended moderators and signed-out visitors cannot read the log", async () => {
    const [reader, suspendedMod] = await Promise.all([makeUser(), makeUser({ role: "MODERATOR", status: "SUSPENDED" })]);
    await expect(listAuditLog(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listAuditLog(reader, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditLog(suspendedMod, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
