import { describe, expect, it } from "vitest";
import { ADMIN_CONFIRM_MESSAGE, appealSchema, auditLogFilterSchema, restrictFormSchema, roleSchema } from "@/lib/validation/moderation";

describe("restrictFormSchema", () => {
  it("turns a preset into an expiry from now, and 'never' into none", () => {
    const before = Date.now();
    const day = restrictFormSchema.parse({ kind: "COMMENT_BAN", reason: "Rude", expiry: "1d" });
    expect(day.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    expect(day.expiresAt!.getTime() - before).toBeLessThan(86_400_000 + 5_000);
    expect(restrictFormSchema.parse({ kind: "WARNING", reason: "x", expiry: "never" }).expiresAt).toBeNull();
  });

  it("reads a custom date-time as UTC and refuses a past or missing one", () => {
    const parsed = restrictFormSchema.parse({ kind: "SUSPENSION", reason: "x", expiry: "custom", expiresAtCustom: "2999-01-02T03:04" });
    expect(parsed.expiresAt!.toISOString()).toBe("2999-01-02T03:04:00.000Z");
    const past = restrictFormSchema.safeParse({ kind: "SUSPENSION", reason: "x", expiry: "custom", expiresAtCustom: "2000-01-01T00:00" });
    expect(past.success).toBe(false);
    expect(past.error?.issues[0].path).toEqual(["expiresAtCustom"]);
    expect(restrictFormSchema.safeParse({ kind: "SUSPENSION", reason: "x", expiry: "custom", expiresAtCustom: "" }).success).toBe(false);
  });

  it("needs a known kind and a reason", () => {
    expect(restrictFormSchema.safeParse({ kind: "BANISH", reason: "x" }).success).toBe(false);
    expect(restrictFormSchema.safeParse({ kind: "WARNING", reason: "  " }).success).toBe(false);
  });
});

describe("appealSchema and auditLogFilterSchema", () => {
  it("appeals are 10 to 2000 characters after trimming", () => {
    expect(appealSchema.safeParse({ text: "   too short   " }).success).toBe(false);
    expect(appealSchema.safeParse({ text: "long enough now" }).success).toBe(true);
    expect(appealSchema.safeParse({ text: "x".repeat(2001) }).success).toBe(false);
  });

  it("log filters drop unknown values and a leading @", () => {
    expect(auditLogFilterSchema.parse({ action: "NOPE", target: "USER", actor: "@Ada-Admin" })).toEqual({ action: undefined, target: "USER", actor: "ada-admin", subject: undefined, cursor: undefined });
  });
});

describe("roleSchema", () => {
  it("making someone an admin needs the confirmation box; other roles don't", () => {
    const unconfirmed = roleSchema.safeParse({ role: "ADMIN" });
    expect(unconfirmed.success).toBe(false);
    expect(unconfirmed.error?.issues.map((i) => [i.path, i.message])).toEqual([[["confirmAdmin"], ADMIN_CONFIRM_MESSAGE]]);
    expect(roleSchema.safeParse({ role: "ADMIN", confirmAdmin: "on" }).success).toBe(false);
    expect(roleSchema.parse({ role: "ADMIN", confirmAdmin: "yes" }).role).toBe("ADMIN");
    expect(roleSchema.parse({ role: "MODERATOR" }).role).toBe("MODERATOR");
    expect(roleSchema.parse({ role: "READER" }).role).toBe("READER");
  });
});
