import { describe, expect, it } from "vitest";
import { saveStateText } from "@/components/editor/save-status";
import type { StoryDraft } from "@/lib/data/studio-stories";

// The editor's save indicator (components/editor/save-status.tsx): what it says in each state,
// as the nested conditional it replaced said it.
describe("saveStateText", () => {
  it("says what happened to the text, and never hides unsaved changes", () => {
    expect(saveStateText({ kind: "idle" }, false)).toBe("");
    expect(saveStateText({ kind: "idle" }, true)).toBe("Unsaved changes");
    expect(saveStateText({ kind: "dirty" }, true)).toBe("Unsaved changes");
    expect(saveStateText({ kind: "saving" }, true)).toBe("Saving…");
    expect(saveStateText({ kind: "saved", at: new Date(2026, 11, 2, 10, 42) }, false)).toMatch(/^Saved 10:42/);
    expect(saveStateText({ kind: "saved", at: new Date() }, true)).toBe("Unsaved changes");
    expect(saveStateText({ kind: "offline" }, true)).toBe("Offline — changes kept on this device");
    expect(saveStateText({ kind: "signed-out" }, true)).toBe("Signed out — changes kept on this device");
    expect(saveStateText({ kind: "waiting", reason: "Add a title." }, true)).toBe("Add a title.");
    expect(saveStateText({ kind: "error", message: "Nope" }, true)).toBe("Not saved — changes kept on this device");
    expect(saveStateText({ kind: "conflict", theirs: {} as StoryDraft }, true)).toBe("Not saved — changed elsewhere");
  });
});
