import { describe, expect, it } from "vitest";
import { publishAtSchema } from "@/lib/validation/story";
import { requestChangesFields, requestChangesSchema } from "@/lib/validation/review";
import { waitingFor } from "@/components/review/waiting";

const HOUR = 60 * 60 * 1000;

describe("publishAtSchema (the editor's Publish at)", () => {
  it("empty means now; a future time within a year is kept", () => {
    expect(publishAtSchema.parse("")).toBeNull();
    const at = new Date(Date.now() + 2 * HOUR);
    expect(publishAtSchema.parse(at.toISOString())).toEqual(at);
  });

  it("refuses the past, more than a year ahead, and junk", () => {
    expect(publishAtSchema.safeParse(new Date(Date.now() - HOUR).toISOString()).success).toBe(false);
    expect(publishAtSchema.safeParse(new Date(Date.now() + 366 * 24 * HOUR).toISOString()).success).toBe(false);
    expect(publishAtSchema.safeParse("invalid").success).toBe(false);
  });
});

describe("requestChangesSchema", () => {
  it("reads notes from note:<heading> fields and drops empty ones", () => {
    const parsed = requestChangesSchema.parse(requestChangesFields({ reason: "  Please add an example.  ", "note:The path": "Which river?", "note:The bridge": "  ", other: "x" }));
    expect(parsed).toEqual({ reason: "Please add an example.", notes: { "The path": "Which river?" } });
  });

  it("needs a reason of 10 to 1000 characters", () => {
    expect(requestChangesSchema.safeParse({ reason: "Too short" }).success).toBe(false);
    expect(requestChangesSchema.safeParse({ reason: "x".repeat(1001) }).success).toBe(false);
    expect(requestChangesSchema.safeParse({ reason: "x".repeat(10) }).success).toBe(true);
  });
});

describe("waitingFor", () => {
  it("says how long a submission has waited, in the largest sensible unit", () => {
    const now = Date.UTC(2026, 0, 10, 12);
    expect(waitingFor(new Date(now - 20_000), now)).toBe("waiting under a minute");
    expect(waitingFor(new Date(now - 12 * 60_000), now)).toBe("waiting 12 min");
    expect(waitingFor(new Date(now - 3 * HOUR), now)).toBe("waiting 3 h");
    expect(waitingFor(new Date(now - 72 * HOUR), now)).toBe("waiting 3 days");
  });
});
