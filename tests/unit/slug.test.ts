import { describe, expect, it } from "vitest";
import { slugify, withNumericSuffix } from "@/lib/content/slug";

describe("slugify", () => {
  it.each([
    ["Hello, World!", "hello-world"],
    ["Café au lait", "cafe-au-lait"],
    ["  --Many   spaces--  ", "many-spaces"],
    ["Ünïcödé & symbols: 100%", "unicode-symbols-100"],
    ["日本語", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("cuts long titles at the limit without a trailing hyphen", () => {
    const slug = slugify("word ".repeat(40), 22);
    expect(slug.length).toBeLessThanOrEqual(22);
    expect(slug).not.toMatch(/-$/);
  });
});

describe("withNumericSuffix", () => {
  it("returns the base when free, else the first free numbered variant", () => {
    expect(withNumericSuffix("story", new Set())).toBe("story");
    expect(withNumericSuffix("story", new Set(["story", "story-2"]))).toBe("story-3");
  });
});
