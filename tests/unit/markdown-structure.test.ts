import { describe, expect, it } from "vitest";
import { COMMENT_STRUCTURE, markdownStructureProblem, STORY_STRUCTURE } from "@/lib/content/structure";
import { storyInputSchema } from "@/lib/validation/story";
import { commentInputSchema } from "@/lib/validation/comment";
import { comments, stories, submission } from "@/prisma/seed-content";

const story = (text: string) => markdownStructureProblem(text, STORY_STRUCTURE);
const comment = (text: string) => markdownStructureProblem(text, COMMENT_STRUCTURE);

describe("Markdown structure checks", () => {
  // The inputs of the findings (docs/security.md, "Bounded rendering"): each took a render from
  // seconds to minutes, or the server down.
  it.each([
    ["`>` × 10,000 (the 10 KB autosave that took the site down)", ">".repeat(10_000), /Quotes nest at most 10 deep/],
    ["7,000 nested quotes", "> ".repeat(7_000) + "x", /Quotes nest at most 10 deep/],
    ["`- ` × 4,000", "- ".repeat(4_000), /A line of - marks can have at most 128 of them/],
    ["`- ` × 4,000 and a word", `${"- ".repeat(4_000)}x`, /Lists nest at most 10 deep/],
    ["mixed `> - > -`", "> - ".repeat(500) + "x", /Quotes and lists nest at most 10 deep together/],
    ["lists nested by indentation", Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n"), /Lists nest at most 10 deep/],
    ["`*_` × 50,000", "*_".repeat(50_000), /Too many \*, _ or ~ in one paragraph/],
    ["a long run of *", `${"*".repeat(100)}a${"*".repeat(100)}`, /Too many \* in a row \(100\); use at most 32/],
    ["thousands of one-line quotes", "> quoted\n\n".repeat(2_000), /Too many separate quotes and list items/],
    ["nested images", `${"![".repeat(300)}a${"](b)".repeat(300)}`, /Too many \[ or \] in one paragraph/],
    ["code-span marks of every length", Array.from({ length: 300 }, (_, i) => `${"`".repeat((i % 16) + 1)}a`).join(" "), /Too many ` code marks/],
    ["HTML comment openers", `x ${"<!--a ".repeat(300)}`, /Too many < in one paragraph/],
    ["a table of 1,000 columns", `${"|a".repeat(1000)}|\n${"|-".repeat(1000)}|`, /Tables can have at most 64 columns/],
    ["a table of 20,000 cells", `${"|a".repeat(50)}|\n${"|-".repeat(50)}|\n${"|x\n".repeat(400)}`, /Tables can have at most 2,500 cells/],
    ["a line per character", "a\n".repeat(6_000), /at most 5,000 lines/],
    ["link reference definitions", Array.from({ length: 600 }, (_, i) => `[r${i}]: https://example.com/${i}`).join("\n"), /at most 500 link or footnote definitions/],
  ])("refuses %s, saying what to change", (_label, text, message) => {
    expect(story(text)).toMatch(message);
  });

  it("holds comments to fewer lines and containers", () => {
    expect(comment("line\n".repeat(400))).toMatch(/Comments can have at most 300 lines/);
    expect(comment("- item\n".repeat(299))).toBeNull();
    expect(comment("> > a\n\n".repeat(140))).toMatch(/Too many separate quotes and list items/);
  });

  it("lets real writing through: nested lists and quotes, code, tables, emphasis, rules", () => {
    const writing = [
      "## A heading with *emphasis*, **strong** and `code`",
      "A paragraph with a [link](https://example.com), an ![image](https://example.com/a.png), snake_case_names and ~~struck~~ words.",
      "- one\n  - two\n    - three\n      1. four\n         - five",
      "> A quote\n> > with a reply\n> > > and another\n>\n> - and a list in it",
      "```python\n" + "                        deeply_indented = '- - - > > > ****' * 40\n".repeat(50) + "```",
      "| a | b | c |\n|---|:-:|--:|\n" + "| 1 | 2 | 3 |\n".repeat(200),
      "***\n\n___\n\n- - -",
      "Fill in your name: ______________________________________________",
      "[ref]: https://example.com\n\nA [reference][ref] link.",
    ].join("\n\n");
    expect(story(writing)).toBeNull();
    expect(story(writing.repeat(10))).toBeNull();
  });

  it("passes every demo story and comment", () => {
    for (const s of [...stories, submission]) expect(story(s.body), s.title).toBeNull();
    for (const c of comments) expect(comment(c.body), c.body).toBeNull();
  });

  it("is linear: the largest hostile story is checked in milliseconds", () => {
    const inputs = ["*_".repeat(50_000), "> ".repeat(50_000), "a\n".repeat(50_000), "[".repeat(100_000), "|".repeat(100_000), "`a ".repeat(33_000)];
    // A few milliseconds each on a quiet machine; the limit leaves room for a loaded one (a
    // quadratic scan of 100,000 characters would take seconds to minutes).
    for (const input of inputs) story(input);
    for (const input of inputs) {
      const started = performance.now();
      story(input);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("is part of the story and comment schemas, as a field error on body", () => {
    const storyResult = storyInputSchema.safeParse({ title: "T", community: "c", body: ">".repeat(10_000) });
    expect(storyResult.success).toBe(false);
    expect(storyResult.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["body", expect.stringMatching(/Quotes nest at most/)]]);
    const commentResult = commentInputSchema.safeParse({ body: "*_".repeat(900) });
    expect(commentResult.success).toBe(false);
    expect(commentResult.error?.issues[0].path).toEqual(["body"]);
  });
});
