import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createChallenge, getChallengeForEditing, getChallengePage, listChallenges, listChallengesForAdmin, listCreatorChallengeBadges, listStoryChallengeBadges, updateChallenge } from "@/lib/data/challenges";
import { enterChallenge, getStoryChallengePanel, withdrawEntry } from "@/lib/data/challenge-entries";
import { announceResults, getJudgingPage, scoreEntry, setEntryShortlisted } from "@/lib/data/challenge-judging";
import { listAuditLog } from "@/lib/data/audit-log";
import { listMyNotifications } from "@/lib/data/notifications";
import { createDraft, updateStory } from "@/lib/data/stories";
import { challengeInputSchema, type ChallengeInput } from "@/lib/validation/challenge";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

const HOUR = 60 * 60 * 1000;
let n = 0;
function input(community: string, overrides: Record<string, string> = {}): ChallengeInput {
  n += 1;
  return challengeInputSchema.parse({
    title: `Winter tales ${n}`,
    slug: `winter-tales-${Date.now().toString(36)}-${n}`,
    prompt: "Write about **a long night**.\n\n<script>alert(1)</script>",
    community,
    minWords: "0",
    maxWords: "0",
    entriesPerCreator: "1",
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    criteria: "Voice\nStructure",
    prizes: "Winner: $500\nRunner-up: $100",
    judges: "",
    reason: "Season opener",
    ...overrides,
  });
}

/** Moves the deadline into the past, as time passing would. */
async function closeChallenge(id: string) {
  await db.challenge.update({ where: { id }, data: { opensAt: new Date(Date.now() - 2 * HOUR), closesAt: new Date(Date.now() - 1000) } });
}

async function setup(overrides: Record<string, string> = {}) {
  const admin = await makeUser({ role: "ADMIN" });
  const judge = await makeUser({ name: "Judy Judge" });
  const community = await makeCommunity();
  const challenge = await createChallenge(admin, input(community.slug, { judges: judge.handle, ...overrides }));
  return { admin, judge, community, challenge };
}

async function enterStory(creator: Viewer, communitySlug: string, challengeId: string, overrides = {}) {
  const story = await makePublishedStory(creator, communitySlug, overrides);
  const entry = await enterChallenge(creator, story.id, challengeId);
  return { story, entry };
}

describe("challenges: staff create and edit", () => {
  it("admins create and edit with an audit entry; moderators, creators, judges and visitors may not", async () => {
    const { admin, judge, community, challenge } = await setup();
    const [mod, reader] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser()]);
    for (const who of [mod, reader, judge]) {
      await expect(createChallenge(who, input(community.slug))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateChallenge(who, challenge.id, input(community.slug))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listChallengesForAdmin(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createChallenge(null, input(community.slug))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const form = (await getChallengeForEditing(admin, challenge.id)).form;
    await updateChallenge(admin, challenge.id, challengeInputSchema.parse({ ...form, minWords: "5", reason: "Longer pieces" }));
    const log = (await listAuditLog(admin, { target: "CHALLENGE", actor: admin.handle })).items;
    expect(log.map((e) => [e.action, e.reason, e.target?.label])).toEqual([
      ["CHALLENGE_UPDATE", "Longer pieces", form.title],
      ["CHALLENGE_CREATE", "Season opener", form.title],
    ]);
    expect(log[0].details).toMatchObject({ minWords: { from: 0, to: 5 } });
  });

  it("renders the prompt through the sanitizing pipeline and refuses unknown judges and taken addresses", async () => {
    const { admin, community, challenge } = await setup();
    const page = await getChallengePage((await getChallengeForEditing(admin, challenge.id)).slug);
    expect(page?.promptHtml).toContain("<strong>a long night</strong>");
    expect(page?.promptHtml).not.toContain("<script");
    expect(page?.prizes).toEqual([{ label: "Winner", amount: "$500" }, { label: "Runner-up", amount: "$100" }]);
    await expect(createChallenge(admin, input(community.slug, { judges: "nobody-here-xyz" }))).rejects.toMatchObject({ fieldErrors: { judges: ["No member has the handle @nobody-here-xyz"] } });
    await expect(createChallenge(admin, input(community.slug, { slug: challenge.slug }))).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { slug: expect.any(Array) } });
  });

  it("the form refuses a deadline before the opening and a word range upside down", () => {
    const result = challengeInputSchema.safeParse({ ...input("c"), opensAt: new Date(Date.now() + HOUR).toISOString(), closesAt: new Date().toISOString(), minWords: "500", maxWords: "100", criteria: "A", prizes: "", judges: "" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["closesAt", "maxWords"]));
  });
});

describe("challenges: entering", () => {
  it("a creator enters their own story; the receipt says Received; another creator's story is not found", async () => {
    const { community, challenge } = await setup();
    const [creator, other] = await Promise.all([makeUser(), makeUser()]);
    const { story } = await enterStory(creator, community.slug, challenge.id);
    const panel = await getStoryChallengePanel(creator, story.id);
    expect(panel.entries).toHaveLength(1);
    expect(panel.entries[0].receipt).toMatchObject({ readAt: null, shortlisted: false, placement: null });
    expect(panel.open.find((c) => c.id === challenge.id)).toBeUndefined();
    await expect(enterChallenge(other, story.id, challenge.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStoryChallengePanel(other, story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Entered once: a second entry of the same story is refused.
    await expect(enterChallenge(creator, story.id, challenge.id)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("checks the community's rules in publishing's words and the challenge's own rules", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const community = await db.community.create({ data: { slug: `strict-${Date.now().toString(36)}`, name: "Strict", requireSubtitle: true }, select: { slug: true } });
    const elsewhere = await makeCommunity();
    const challenge = await createChallenge(admin, input(community.slug, { minWords: "100", maxWords: "200" }));
    const creator = await makeUser();
    // A draft with no subtitle, too short: the same words as publishing, plus the word range.
    const { id: draft } = await createDraft(creator, storyInput(community.slug, { subtitle: "" }));
    const refused = await enterChallenge(creator, draft, challenge.id).catch((e) => e);
    expect(refused.code).toBe("INVALID");
    expect(refused.fieldErrors.subtitle).toEqual(["Strict stories need a subtitle"]);
    expect(refused.fieldErrors.body[0]).toMatch(/entries need at least 100 words; this one has \d+/);
    // In another community: refused with where to move it.
    const { id: away } = await createDraft(creator, storyInput(elsewhere.slug, { body: "word ".repeat(150) }));
    const moved = await enterChallenge(creator, away, challenge.id).catch((e) => e);
    expect(moved.fieldErrors.community[0]).toMatch(/entries are published in Strict; move this story there first/);
    // Too long.
    const { id: long } = await createDraft(creator, storyInput(community.slug, { body: "word ".repeat(250) }));
    expect((await enterChallenge(creator, long, challenge.id).catch((e) => e)).fieldErrors.body[0]).toMatch(/may have at most 200 words; this one has 250/);
    // Within the range: a draft may enter; it goes through review like any story and shows once live.
    const { id: fits } = await createDraft(creator, storyInput(community.slug, { body: "word ".repeat(150) }));
    await enterChallenge(creator, fits, challenge.id);
    const page = await getChallengePage(challenge.slug);
    expect(page?.entries).toHaveLength(0);
  });

  it("one entry per creator unless the challenge allows more, even when several arrive at once", async () => {
    const { community, challenge } = await setup();
    const creator = await makeUser();
    const stories = await Promise.all([1, 2, 3, 4].map((i) => makePublishedStory(creator, community.slug, { title: `Entry ${i}` })));
    const results = await Promise.allSettled(stories.map((s) => enterChallenge(creator, s.id, challenge.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.challengeEntry.count({ where: { challengeId: challenge.id } })).toBe(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.fieldErrors.challenge[0]).toMatch(/takes one story per creator, and you've entered one/);
  });

  it("entries lock after the deadline: none added, none withdrawn; before it, withdrawing works", async () => {
    const { community, challenge } = await setup({ entriesPerCreator: "3" });
    const creator = await makeUser();
    const first = await enterStory(creator, community.slug, challenge.id);
    await withdrawEntry(creator, first.entry.entryId);
    const second = await enterStory(creator, community.slug, challenge.id, { title: "Another" });
    await closeChallenge(challenge.id);
    const late = await makePublishedStory(creator, community.slug, { title: "Late" });
    await expect(enterChallenge(creator, late.id, challenge.id)).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/closed to entries/) });
    await expect(withdrawEntry(creator, second.entry.entryId)).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/entries are locked/) });
    // The entered story's text is what the judges read: it can't change until the results are out; the late one can.
    await expect(updateStory(creator, second.story.id, storyInput(community.slug, { title: "Another", body: "Changed after the deadline." }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/deadline has passed: it can't change until the results are out/) });
    await updateStory(creator, late.id, storyInput(community.slug, { title: "Late", body: "Still free to change." }));
  });

  it("a creator banned from publishing can't enter", async () => {
    const { community, challenge } = await setup();
    const creator = await makeUser();
    const story = await makePublishedStory(creator, community.slug);
    await db.restriction.create({ data: { userId: creator.id, kind: "PUBLISH_BAN", reason: "Spam", createdById: creator.id } });
    const banned = { ...creator, restrictions: [{ kind: "PUBLISH_BAN" as const, reason: "Spam", expiresAt: null }] };
    await expect(enterChallenge(banned, story.id, challenge.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("challenges: judging and results", () => {
  it("judges see entries blind and score them; others can't; the first score marks the entry read", async () => {
    const { admin, judge, community, challenge } = await setup();
    const [creator, outsider] = await Promise.all([makeUser({ name: "Secret Author" }), makeUser()]);
    const { entry } = await enterStory(creator, community.slug, challenge.id);
    const page = await getJudgingPage(judge, challenge.slug, { showNames: true });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0].author).toBeNull();
    expect(page.entries[0].label).toBe("Entry 1");
    expect(JSON.stringify(page)).not.toContain("Secret Author");
    await expect(getJudgingPage(outsider, challenge.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(scoreEntry(outsider, entry.entryId, { scores: [5, 5], note: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(scoreEntry(judge, entry.entryId, { scores: [5], note: "" })).rejects.toMatchObject({ code: "INVALID" });
    await scoreEntry(judge, entry.entryId, { scores: [8, 7], note: "A brave ending." });
    await setEntryShortlisted(judge, entry.entryId, true);
    const receipt = (await getStoryChallengePanel(creator, (await db.challengeEntry.findUniqueOrThrow({ where: { id: entry.entryId } })).storyId)).entries[0];
    expect(receipt.receipt.readAt).toBeInstanceOf(Date);
    expect(receipt.receipt.shortlisted).toBe(true);
    // Notes reach the creator with the results, not before.
    expect(receipt.judgesNotes).toEqual([]);
    // Staff may show names and see the average.
    const staffView = await getJudgingPage(admin, challenge.slug, { showNames: true });
    expect(staffView.entries[0].author?.name).toBe("Secret Author");
    expect(staffView.entries[0].average).toBe(15);
    const log = (await listAuditLog(admin, { target: "CHALLENGE", actor: judge.handle })).items;
    expect(log.map((e) => e.action)).toEqual(["CHALLENGE_SHORTLIST", "CHALLENGE_SCORE"]);
  });

  it("staff announce once the deadline has passed: placements, notes, badges, notifications, audit", async () => {
    const { admin, judge, community, challenge } = await setup();
    const [winner, runner, also] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const w = await enterStory(winner, community.slug, challenge.id, { title: "The long night" });
    const r = await enterStory(runner, community.slug, challenge.id, { title: "Snowfall" });
    await enterStory(also, community.slug, challenge.id, { title: "Frost" });
    await scoreEntry(judge, w.entry.entryId, { scores: [9, 9], note: "Unforgettable." });
    const placements = { placements: [{ entryId: w.entry.entryId, placement: "WINNER" as const, note: "A voice we won't forget." }, { entryId: r.entry.entryId, placement: "RUNNER_UP" as const, note: "Quietly perfect." }], reason: "Judges agreed" };
    // Not before the deadline, and never by a judge or a moderator.
    await expect(announceResults(admin, challenge.id, placements)).rejects.toMatchObject({ code: "INVALID" });
    await closeChallenge(challenge.id);
    await expect(announceResults(judge, challenge.id, placements)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(announceResults(await makeUser({ role: "MODERATOR" }), challenge.id, placements)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const result = await announceResults(admin, challenge.id, placements);
    expect(result.stories.map((s) => s.id).sort()).toEqual([w.story.id, r.story.id].sort());
    await expect(announceResults(admin, challenge.id, placements)).rejects.toMatchObject({ code: "CONFLICT" });
    // Judging has closed.
    await expect(scoreEntry(judge, w.entry.entryId, { scores: [1, 1], note: "" })).rejects.toMatchObject({ code: "CONFLICT" });

    const page = await getChallengePage(challenge.slug);
    expect(page?.phase).toBe("finished");
    expect(page?.results.map((x) => [x.placement, x.story.title, x.judgesNote])).toEqual([
      ["WINNER", "The long night", "A voice we won't forget."],
      ["RUNNER_UP", "Snowfall", "Quietly perfect."],
    ]);
    expect((await listChallenges()).find((c) => c.slug === challenge.slug)?.phase).toBe("finished");
    expect(await listStoryChallengeBadges(w.story.id)).toEqual([{ slug: challenge.slug, title: page!.title, placement: "WINNER" }]);
    expect(await listCreatorChallengeBadges(runner.id)).toEqual([{ slug: challenge.slug, title: page!.title, placement: "RUNNER_UP" }]);
    expect(await listCreatorChallengeBadges(also.id)).toEqual([]);

    // Every entrant is told; the winner's receipt says Winner and carries the judges' notes.
    for (const [who, pattern] of [[winner, /won/], [runner, /runner-up/], [also, /results .* are out/]] as const) {
      const items = (await listMyNotifications(who)).items.filter((i) => i.kind === "CHALLENGE_RESULT");
      expect(items).toHaveLength(1);
      expect(items[0].message).toMatch(pattern);
      expect(items[0].href).toBe(`/challenges/${challenge.slug}`);
    }
    const receipt = (await getStoryChallengePanel(winner, w.story.id)).entries[0];
    expect(receipt.receipt.placement).toBe("WINNER");
    expect(receipt.judgesNotes).toEqual(["Unforgettable."]);
    const log = (await listAuditLog(admin, { target: "CHALLENGE", actor: admin.handle })).items;
    expect(log[0]).toMatchObject({ action: "CHALLENGE_ANNOUNCE", reason: "Judges agreed" });
    // Finished challenges are a record: no more edits.
    const form = (await getChallengeForEditing(admin, challenge.id)).form;
    await expect(updateChallenge(admin, challenge.id, challengeInputSchema.parse({ ...form, reason: "late" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("only live entries of the challenge can place", async () => {
    const { admin, community, challenge } = await setup();
    const creator = await makeUser();
    const { id: draft } = await createDraft(creator, storyInput(community.slug));
    const { entryId } = await enterChallenge(creator, draft, challenge.id);
    await closeChallenge(challenge.id);
    await expect(announceResults(admin, challenge.id, { placements: [{ entryId, placement: "WINNER", note: "" }], reason: "ok" })).rejects.toMatchObject({ code: "INVALID" });
  });
});
