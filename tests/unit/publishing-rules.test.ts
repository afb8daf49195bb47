import { describe, expect, it } from "vitest";
import { archivedProblem, HERO_ALT_MISSING, publishProblems, scheduleWindowProblem } from "@/lib/domain/publishing-rules";

const community = { name: "Poetry", requireSubtitle: true, requireHero: true, minWords: 50 };
const story = { title: "A poem", subtitle: "", wordCount: 10, heroImageUrl: "/uploads/x", heroImageAlt: "" };

describe("publishProblems (editor, publishing and review checks share it)", () => {
  it("names every rule a story breaks, in the creator's words", () => {
    expect(publishProblems(story, community)).toEqual({
      body: ["Poetry stories need at least 50 words; this one has 10"],
      subtitle: ["Poetry stories need a subtitle"],
      heroImageAlt: [HERO_ALT_MISSING],
    });
    expect(publishProblems({ ...story, heroImageUrl: null }, community).heroImage).toEqual(["Poetry stories need a hero image"]);
    expect(publishProblems({ ...story, wordCount: 0 }, community).body).toEqual(["Write your story before publishing"]);
    expect(publishProblems({ ...story, title: " " }, undefined)).toEqual({ title: ["Give your story a title"], community: ["Choose a community"] });
  });

  it("an archived community takes no new stories but lets a live one be corrected; AI-assisted stories only where allowed", () => {
    const ready = { ...story, subtitle: "Lines", wordCount: 50, heroImageAlt: "A gull" };
    expect(publishProblems(ready, { ...community, archived: true })).toEqual({ community: [archivedProblem("Poetry")] });
    expect(publishProblems({ ...ready, liveHere: true }, { ...community, archived: true })).toEqual({});
    expect(publishProblems({ ...ready, aiAssisted: true }, { ...community, allowAiAssisted: false })).toEqual({ aiAssisted: ["Poetry doesn't take AI-assisted stories"] });
    expect(publishProblems({ ...ready, aiAssisted: true }, community)).toEqual({});
  });

  it("has nothing to say about a story that meets the rules", () => {
    expect(publishProblems({ ...story, subtitle: "Lines", wordCount: 50, heroImageAlt: "A gull" }, community)).toEqual({});
  });

  it("the schedule window: in the future, at most a year ahead", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(scheduleWindowProblem(new Date(now - 1), now)).toMatch(/future/);
    expect(scheduleWindowProblem(new Date(now + 366 * 86_400_000), now)).toMatch(/year/);
    expect(scheduleWindowProblem(new Date(now + 86_400_000), now)).toBeNull();
  });
});
