// The story lifecycle (lib/domain/story-status.ts) as the data layer enforces it: the two ways
// around review that issue 12 found, and every author action from every status.
import "../helpers/enable-query-events";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraft, deleteStory, publishStory, saveAndPublishStory, unpublishStory, updateStory, withdrawSubmission } from "@/lib/data/stories";
import { getPublishedStory } from "@/lib/data/public-stories";
import { getStoryForEditing } from "@/lib/data/studio-stories";
import { approveSubmission, claimSubmissionForReview, listReviewQueue, requestChanges } from "@/lib/data/review";
import { createReport, resolveReports } from "@/lib/data/reports";
import { reinstateStory } from "@/lib/data/story-moderation";
import { answerAppeal, createAppeal } from "@/lib/data/appeals";
import { STORY_STATUSES, editModeFor, type StoryStatusName } from "@/lib/domain/story-status";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

type QueryEvent = { query: string };
const captured: QueryEvent[] = [];
(db as unknown as { $on(event: "query", listener: (e: QueryEvent) => void): void }).$on("query", (e) => captured.push(e));

const SPAM = { title: "CHEAP PILLS HERE", body: "## Buy now\n\nVisit our shop for the cheapest pills on the whole internet today." };

/** A creator who is not trusted, whose story a moderator approved: it is live. */
async function approvedStory() {
  const [author, moderator] = await Promise.all([makeUser({ trusted: false, name: "Nia Newcomer" }), makeUser({ role: "MODERATOR", name: "Mo Moderator" })]);
  const community = await makeCommunity();
  const { id } = await createDraft(author, storyInput(community.slug));
  expect((await publishStory(author, id)).outcome).toBe("submitted");
  const live = await approveSubmission(moderator, id);
  expect(live.outcome).toBe("published");
  const slug = live.href!.split("/").pop()!;
  return { author, moderator, community, id, slug };
}

describe("edits after approval (bypass 1: review was a one-time gate)", () => {
  it("a plain save by a creator who is not trusted is held: the live story keeps the approved text", async () => {
    const { author, community, id, slug } = await approvedStory();
    const before = await getStoryForEditing(author, id);
    const saved = await updateStory(author, id, storyInput(community.slug, SPAM), { expectedVersion: before.version });
    expect(saved.held).toBe(true);
    const live = await getPublishedStory(community.slug, slug);
    expect(live?.title).toBe("A walk by the river");
    expect(live?.bodyHtml).not.toContain("pills");
    // The creator keeps working on their edit and sees that it is held.
    const draft = await getStoryForEditing(author, id);
    expect(draft).toMatchObject({ status: "PUBLISHED", title: SPAM.title, pendingEdit: { submitted: false, liveTitle: "A walk by the river" } });
  });

  it("submitting the edit puts it in the review queue with a diff; approving it makes it live", async () => {
    const { author, moderator, community, id, slug } = await approvedStory();
    const draft = await getStoryForEditing(author, id);
    const body = storyInput(community.slug).body.replace("for an hour.", "for an hour, then sat on a bench and watched the boats until evening.");
    const result = await saveAndPublishStory(author, id, storyInput(community.slug, { title: "A walk by the wide river", body }), { expectedVersion: draft.version });
    expect(result.outcome).toBe("submitted");
    expect((await getPublishedStory(community.slug, slug))?.title).toBe("A walk by the river");

    const queue = await listReviewQueue(moderator);
    const item = queue.items.find((i) => i.id === id)!;
    expect(item).toMatchObject({ kind: "edit", title: "A walk by the wide river" });
    expect(item.changes.map((c) => c.field)).toEqual(["Title", "Story"]);
    expect(item.changes[0].parts).toEqual([{ kind: "same", text: "A walk by the " }, { kind: "added", text: "wide " }, { kind: "same", text: "river" }]);
    expect(item.changes[1].parts.filter((p) => p.kind === "added").map((p) => p.text).join("")).toContain("watched the boats until evening");

    const review = await claimSubmissionForReview(moderator, id);
    expect(review).toMatchObject({ kind: "edit", editVersion: result.version });
    await approveSubmission(moderator, id, { editVersion: review.editVersion! });
    expect((await getPublishedStory(community.slug, slug))?.title).toBe("A walk by the wide river");
    expect(await db.storyPendingEdit.count({ where: { storyId: id } })).toBe(0);
    expect((await listReviewQueue(moderator)).items.map((i) => i.id)).not.toContain(id);
  });

  it("an approval names the version the moderator saw: a later save by the creator makes it a CONFLICT", async () => {
    const { author, moderator, community, id, slug } = await approvedStory();
    const first = await saveAndPublishStory(author, id, storyInput(community.slug, { ...SPAM, title: "Innocent at first" }), {});
    const review = await claimSubmissionForReview(moderator, id);
    await updateStory(author, id, storyInput(community.slug, SPAM), { expectedVersion: first.version });
    await expect(approveSubmission(moderator, id, { editVersion: review.editVersion! })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getPublishedStory(community.slug, slug))?.title).toBe("A walk by the river");
  });

  it("requesting changes to an edit sends it back; the live text stays", async () => {
    const { author, moderator, community, id, slug } = await approvedStory();
    await saveAndPublishStory(author, id, storyInput(community.slug, SPAM), {});
    await requestChanges(moderator, id, { reason: "This is an advertisement, not a story." });
    expect((await getPublishedStory(community.slug, slug))?.title).toBe("A walk by the river");
    expect((await getStoryForEditing(author, id)).pendingEdit).toMatchObject({ submitted: false, reviewReason: "This is an advertisement, not a story." });
    expect((await listReviewQueue(moderator)).items.map((i) => i.id)).not.toContain(id);
  });

  it("a typo-sized fix goes live at once; a trusted creator's rewrite too", async () => {
    const { author, community, id, slug } = await approvedStory();
    const draft = await getStoryForEditing(author, id);
    const saved = await updateStory(author, id, storyInput(community.slug, { title: "A walk by the River" }), { expectedVersion: draft.version });
    expect(saved.held).toBe(false);
    expect((await getPublishedStory(community.slug, slug))?.title).toBe("A walk by the River");

    const trusted = await makeUser();
    const story = await makePublishedStory(trusted, community.slug, { title: "Trusted words" });
    const rewritten = await updateStory(trusted, story.id, storyInput(community.slug, { title: "Trusted words", body: "Something else entirely, written again from the start." }));
    expect(rewritten.held).toBe(false);
  });

  it("unpublishing a story with a held edit makes the edit its text; publishing again is reviewed", async () => {
    const { author, community, id } = await approvedStory();
    await updateStory(author, id, storyInput(community.slug, SPAM));
    await unpublishStory(author, id);
    expect(await getStoryForEditing(author, id)).toMatchObject({ status: "UNPUBLISHED", title: SPAM.title, pendingEdit: null });
    expect((await publishStory(author, id)).outcome).toBe("submitted");
  });
});

/** A trusted creator's live story, reported by a reader and unpublished by a moderator. */
async function takenDown(options: { dodge?: boolean } = {}) {
  const [author, reader, moderator, admin] = await Promise.all([makeUser({ name: "Tess Trusted" }), makeUser(), makeUser({ role: "MODERATOR" }), makeUser({ role: "ADMIN" })]);
  const community = await makeCommunity();
  const story = await makePublishedStory(author, community.slug);
  await createReport(reader, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
  // The dodge: the creator takes it off the site themselves before the moderator decides.
  if (options.dodge) await unpublishStory(author, story.id);
  const resolved = await resolveReports(moderator, { resolution: "UNPUBLISH_STORY", reason: "Copied from another site", targets: [{ targetType: "STORY", targetId: story.id }] });
  expect(resolved.unpublished).toHaveLength(1);
  return { author, moderator, admin, community, story, actionId: resolved.unpublished[0].actionId };
}

describe("staff decisions stick (bypass 2: a moderator's unpublish could be undone)", () => {
  it("the creator can't publish a story a moderator unpublished, nor edit it; they see why", async () => {
    const { author, community, story, actionId } = await takenDown();
    await expect(publishStory(author, story.id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveAndPublishStory(author, story.id, storyInput(community.slug), {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateStory(author, story.id, storyInput(community.slug))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPublishedStory(community.slug, story.href.split("/").pop()!)).toBeNull();
    expect(await getStoryForEditing(author, story.id)).toMatchObject({ status: "REMOVED", takedown: { reason: "Copied from another site", actionId } });
  });

  it("unpublishing it first doesn't dodge the decision", async () => {
    const { author, story } = await takenDown({ dodge: true });
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("REMOVED");
    await expect(publishStory(author, story.id)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("an accepted appeal brings it back; so does a moderator's reversal", async () => {
    const first = await takenDown();
    const appeal = await createAppeal(first.author, first.actionId, "It is my own work, published first on my blog.");
    await answerAppeal(first.admin, appeal.id, { decision: "OVERTURN", response: "You're right, sorry." });
    expect(await getPublishedStory(first.community.slug, first.story.href.split("/").pop()!)).not.toBeNull();

    const second = await takenDown();
    await expect(reinstateStory(second.author, second.story.id, "mine")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reinstateStory(second.moderator, second.story.id, "The report was mistaken.");
    expect((await db.story.findUniqueOrThrow({ where: { id: second.story.id } })).status).toBe("PUBLISHED");
    await expect(reinstateStory(second.moderator, second.story.id, "again")).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("every author action from every status follows the table", () => {
  async function storyIn(author: Viewer, community: string, status: StoryStatusName) {
    const { id } = await createDraft(author, storyInput(community));
    const everLive = ["PUBLISHED", "UNPUBLISHED", "REMOVED"].includes(status);
    await db.story.update({ where: { id }, data: { status, slug: everLive ? `s-${id}` : null, publishedAt: everLive ? new Date() : null } });
    return id;
  }
  const outcome = (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code?: string }) => error.code ?? "error");

  it.each(STORY_STATUSES)("from %s", async (status) => {
    const author = await makeUser(); // trusted
    const community = await makeCommunity();
    const mode = editModeFor(status, "trustedAuthor");
    const hidden = status === "REMOVED"; // staff took it down: the author can read it, change nothing
    const refused = hidden ? "NOT_FOUND" : "INVALID";
    expect(await outcome(updateStory(author, await storyIn(author, community.slug, status), storyInput(community.slug)))).toBe(mode === "locked" ? refused : "ok");
    expect(await outcome(publishStory(author, await storyIn(author, community.slug, status)))).toBe(mode === "locked" ? "INVALID" : "ok");
    expect(await outcome(withdrawSubmission(author, await storyIn(author, community.slug, status)))).toBe(["SUBMITTED", "APPROVED"].includes(status) ? "ok" : hidden ? "NOT_FOUND" : "INVALID");
    expect(await outcome(unpublishStory(author, await storyIn(author, community.slug, status)))).toBe(status === "PUBLISHED" ? "ok" : "NOT_FOUND");
    expect(await outcome(deleteStory(author, await storyIn(author, community.slug, status)))).toBe(hidden ? "NOT_FOUND" : "ok");
  });
});

describe("publishing is one step", () => {
  it("save and publish read the story row once and write it in one transaction", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id, version } = await createDraft(author, storyInput(community.slug));
    captured.length = 0;
    const result = await saveAndPublishStory(author, id, storyInput(community.slug, { title: "Published in one step" }), { expectedVersion: version });
    expect(result.outcome).toBe("published");
    const queries = captured.map((e) => e.query);
    const storyReads = queries.filter((q) => /^SELECT\b/.test(q) && /FROM "public"\."Story"/.test(q) && !/"slug"::text LIKE|"slug" LIKE/.test(q));
    const searchVectorRebuilds = queries.filter((q) => q.includes('"searchVector"'));
    // Prisma logs an interactive transaction's COMMIT (not its BEGIN).
    const transactions = queries.filter((q) => /^COMMIT/i.test(q));
    console.log(`publish: ${queries.length} queries, ${storyReads.length} story reads, ${searchVectorRebuilds.length} search-vector rebuilds, ${transactions.length} transactions`);
    expect(searchVectorRebuilds).toHaveLength(1);
    expect(transactions).toHaveLength(1);
    // The story row is read once before the write (the others: the slug search, and reads inside the transaction).
    expect(queries.findIndex((q) => /^UPDATE "public"\."Story"/.test(q))).toBeGreaterThan(0);
    expect(queries.slice(0, queries.findIndex((q) => /^UPDATE "public"\."Story"/.test(q))).filter((q) => /^SELECT "public"\."Story"\.[^]*"status"/.test(q))).toHaveLength(1);
  });
});
