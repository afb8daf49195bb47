import { describe, expect, it } from "vitest";
import { moderationReasonSchema, reportInputSchema, resolveReportsSchema } from "@/lib/validation/report";

describe("reportInputSchema", () => {
  it("accepts a reason from the list, trims details and defaults them to empty", () => {
    expect(reportInputSchema.parse({ targetType: "COMMENT", targetId: "c1", reason: "SPAM", details: "  spam  " })).toEqual({ targetType: "COMMENT", targetId: "c1", reason: "SPAM", details: "spam" });
    expect(reportInputSchema.parse({ targetType: "USER", targetId: "u1", reason: "OTHER" }).details).toBe("");
  });

  it("refuses a missing or unknown reason, an unknown target type and details over 1000 characters", () => {
    expect(reportInputSchema.safeParse({ targetType: "STORY", targetId: "s1" }).error?.issues[0]).toMatchObject({ path: ["reason"], message: "Choose a reason" });
    expect(reportInputSchema.safeParse({ targetType: "STORY", targetId: "s1", reason: "BORING" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ targetType: "TAG", targetId: "t1", reason: "SPAM" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ targetType: "STORY", targetId: "s1", reason: "SPAM", details: "x".repeat(1001) }).success).toBe(false);
    expect(reportInputSchema.safeParse({ targetType: "STORY", targetId: "s1", reason: "SPAM", details: "x".repeat(1000) }).success).toBe(true);
  });
});

describe("moderation reasons and bulk resolution", () => {
  it("a reason is required and bounded", () => {
    expect(moderationReasonSchema.safeParse("   ").success).toBe(false);
    expect(moderationReasonSchema.safeParse("x".repeat(501)).success).toBe(false);
    expect(moderationReasonSchema.parse(" Spam ")).toBe("Spam");
  });

  it("targets arrive as TYPE:id keys; junk and empty selections are refused", () => {
    expect(resolveReportsSchema.parse({ resolution: "DISMISS", reason: "Fine", targets: ["COMMENT:abc", "USER:u_1"] }).targets).toEqual([
      { targetType: "COMMENT", targetId: "abc" },
      { targetType: "USER", targetId: "u_1" },
    ]);
    expect(resolveReportsSchema.safeParse({ resolution: "DISMISS", reason: "Fine", targets: [] }).error?.issues[0].message).toBe("Select at least one report");
    expect(resolveReportsSchema.safeParse({ resolution: "DISMISS", reason: "Fine", targets: ["APPEAL:x"] }).success).toBe(false);
    expect(resolveReportsSchema.safeParse({ resolution: "DISMISS", reason: "Fine", targets: ["COMMENT:a b"] }).success).toBe(false);
    expect(resolveReportsSchema.safeParse({ resolution: "BAN", reason: "Fine", targets: ["COMMENT:a"] }).success).toBe(false);
  });
});
