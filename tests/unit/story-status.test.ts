import { describe, expect, it } from "vitest";
import { LIFECYCLE_ACTORS, STORY_STATUSES, TRANSITION_NAMES, TRANSITIONS, canTransition, editModeFor, statusAfter, type LifecycleActor, type StoryStatusName, type TransitionName } from "@/lib/domain/story-status";
import { StoryStatus } from "@/lib/generated/prisma/enums";

// Written out by hand, separately from the table: "from statuses → to, by whom". A transition or
// status added to lib/domain/story-status.ts without a line here fails the enumeration below.
const EXPECTED: Record<TransitionName, string> = {
  submit: "DRAFT CHANGES_REQUESTED UNPUBLISHED → SUBMITTED by author",
  publish: "DRAFT CHANGES_REQUESTED UNPUBLISHED → PUBLISHED by trustedAuthor",
  schedule: "DRAFT CHANGES_REQUESTED UNPUBLISHED → APPROVED by trustedAuthor",
  withdraw: "SUBMITTED APPROVED → DRAFT by author trustedAuthor",
  withdrawPublished: "SUBMITTED APPROVED → UNPUBLISHED by author trustedAuthor",
  approve: "SUBMITTED → PUBLISHED by moderator admin",
  approveScheduled: "SUBMITTED → APPROVED by moderator admin",
  requestChanges: "SUBMITTED → CHANGES_REQUESTED by moderator admin",
  goLive: "APPROVED → PUBLISHED by scheduler",
  edit: "DRAFT CHANGES_REQUESTED UNPUBLISHED → same by author trustedAuthor",
  editLive: "PUBLISHED → same by author trustedAuthor",
  holdEdit: "PUBLISHED → same by author",
  submitEdit: "PUBLISHED → same by author",
  approveEdit: "PUBLISHED → same by moderator admin",
  requestEditChanges: "PUBLISHED → same by moderator admin",
  unpublish: "PUBLISHED → UNPUBLISHED by author trustedAuthor",
  delete: "DRAFT SUBMITTED CHANGES_REQUESTED APPROVED UNPUBLISHED → same by author trustedAuthor",
  deleteLive: "PUBLISHED → UNPUBLISHED by author trustedAuthor",
  takeDown: "DRAFT SUBMITTED CHANGES_REQUESTED APPROVED PUBLISHED UNPUBLISHED → REMOVED by moderator admin",
  reinstate: "REMOVED → PUBLISHED by moderator admin",
  overturn: "REMOVED → PUBLISHED by admin",
};

function parse(line: string) {
  const [from, rest] = line.split(" → ");
  const [to, by] = rest.split(" by ");
  return { from: new Set(from.split(" ")), to, by: new Set(by.split(" ")) };
}

describe("the story lifecycle table", () => {
  it("lists exactly the database's statuses", () => {
    expect([...STORY_STATUSES].sort()).toEqual(Object.values(StoryStatus).sort());
  });

  it("every transition has a written expectation, and every expectation a transition", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  const cases = STORY_STATUSES.flatMap((status) => TRANSITION_NAMES.flatMap((name) => LIFECYCLE_ACTORS.map((actor) => [status, name, actor] as [StoryStatusName, TransitionName, LifecycleActor])));
  it.each(cases)("from %s, %s by %s", (status, name, actor) => {
    const expected = parse(EXPECTED[name]);
    expect(canTransition(name, status, actor)).toBe(expected.from.has(status) && expected.by.has(actor));
    if (expected.from.has(status)) expect(statusAfter(name, status)).toBe(expected.to === "same" ? status : expected.to);
  });

  it("a status nothing leaves or reaches is a mistake: every status has a way in and out", () => {
    for (const status of STORY_STATUSES) {
      const out = TRANSITION_NAMES.some((name) => TRANSITIONS[name].from.some((from) => from === status) && statusAfter(name, status) !== status);
      const into = status === "DRAFT" || TRANSITION_NAMES.some((name) => TRANSITIONS[name].to === status);
      expect({ status, out, into }).toEqual({ status, out: true, into: true });
    }
  });

  it("only staff bring a taken-down story back; its creator can do nothing with it", () => {
    expect(TRANSITION_NAMES.filter((name) => canTransition(name, "REMOVED", "author") || canTransition(name, "REMOVED", "trustedAuthor"))).toEqual([]);
    expect(TRANSITION_NAMES.filter((name) => TRANSITIONS[name].from.some((s) => s === "REMOVED"))).toEqual(["reinstate", "overturn"]);
  });

  it("edit modes: drafts directly; a live story held unless trusted; waiting and taken-down stories locked", () => {
    const modes = Object.fromEntries(STORY_STATUSES.map((s) => [s, [editModeFor(s, "author"), editModeFor(s, "trustedAuthor")]]));
    expect(modes).toEqual({
      DRAFT: ["direct", "direct"],
      SUBMITTED: ["locked", "locked"],
      CHANGES_REQUESTED: ["direct", "direct"],
      APPROVED: ["locked", "locked"],
      PUBLISHED: ["held", "direct"],
      UNPUBLISHED: ["direct", "direct"],
      REMOVED: ["locked", "locked"],
    });
  });
});
