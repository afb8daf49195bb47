import { describe, expect, it } from "vitest";
import { changedSpan, isMinorEdit, type ReviewedText } from "@/lib/domain/story-edits";

const reviewed: ReviewedText = { title: "A walk by the river", subtitle: "Notes", body: "We walked along the water for an hour.\n\nThen we crossed the bridge.", tags: "walking", heroImageUrl: "", heroImageAlt: "", aiAssisted: false };

describe("minor fixes (edits a creator who is not trusted may publish without review)", () => {
  it("measures one local change exactly", () => {
    expect(changedSpan("the watre", "the water")).toBe(2);
    expect(changedSpan("same", "same")).toBe(0);
    expect(changedSpan("", "hello")).toBe(5);
  });

  it("a typo fix is minor", () => {
    expect(isMinorEdit(reviewed, { ...reviewed, body: reviewed.body.replace("water", "waters") })).toBe(true);
    expect(isMinorEdit(reviewed, { ...reviewed, title: "A walk by the River" })).toBe(true);
    expect(isMinorEdit(reviewed, { ...reviewed, aiAssisted: true })).toBe(true);
  });

  it("a rewrite, a new link, other tags or hero image, or dropping the AI note is not", () => {
    expect(isMinorEdit(reviewed, { ...reviewed, title: "BUY CHEAP PILLS", body: "Visit our shop for the best prices on everything today" })).toBe(false);
    expect(isMinorEdit(reviewed, { ...reviewed, body: `${reviewed.body} spam.example` })).toBe(true);
    expect(isMinorEdit(reviewed, { ...reviewed, body: `${reviewed.body} https://x.io` })).toBe(false);
    expect(isMinorEdit(reviewed, { ...reviewed, body: `${reviewed.body} [x](/y)` })).toBe(false);
    expect(isMinorEdit(reviewed, { ...reviewed, tags: "spam" })).toBe(false);
    expect(isMinorEdit(reviewed, { ...reviewed, heroImageUrl: "/uploads/x" })).toBe(false);
    expect(isMinorEdit({ ...reviewed, aiAssisted: true }, { ...reviewed, aiAssisted: false })).toBe(false);
  });

  it("two small changes far apart count as everything between them", () => {
    const long = { ...reviewed, body: `${"a".repeat(100)}\n\n${"b".repeat(100)}` };
    expect(isMinorEdit(long, { ...long, body: `X${long.body.slice(1, -1)}Y` })).toBe(false);
  });
});
