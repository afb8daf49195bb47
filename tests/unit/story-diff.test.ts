import { describe, expect, it } from "vitest";
import { diffText, revisionChanges, storyChanges } from "@/lib/domain/story-diff";

const text = { title: "A walk", subtitle: "Notes", tags: "river", body: "We walked along the water for an hour." };
const live = { ...text, heroImageUrl: "", heroImageAlt: "", aiAssisted: false };

describe("story diffs, word by word", () => {
  it("marks removed and added words, and keeps the rest", () => {
    expect(diffText("We walked along the water", "We ran along the water")).toEqual([
      { kind: "same", text: "We " },
      { kind: "removed", text: "walked" },
      { kind: "added", text: "ran" },
      { kind: "same", text: " along the water" },
    ]);
  });

  it("shortens long unchanged stretches to their ends", () => {
    const long = "word ".repeat(200);
    const parts = diffText(`${long}old`, `${long}new`);
    expect(parts[0]).toMatchObject({ kind: "same" });
    expect(parts[0].text).toContain("[…]");
    expect(parts[0].text.length).toBeLessThan(long.length);
  });

  it("a held edit lists only the fields that changed, in the editor's order", () => {
    expect(storyChanges(live, { ...live, body: "We ran along the water for an hour.", aiAssisted: true }).map((c) => c.field)).toEqual(["AI-assisted", "Story"]);
    expect(storyChanges(live, live)).toEqual([]);
  });

  it("a revision compared with the current text: title, subtitle, tags and story", () => {
    const changes = revisionChanges(text, { ...text, title: "A long walk", tags: "river, city" });
    expect(changes.map((c) => c.field)).toEqual(["Title", "Tags"]);
    expect(changes[0].parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["long"]);
    expect(revisionChanges(text, text)).toEqual([]);
  });
});
