import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findViewer } from "@/lib/data/users";
import { createDraft, publishDueStories, publishStory, updateStory, withdrawSubmission } from "@/lib/data/stories";
import { getPublishedStory } from "@/lib/data/public-stories";
import { getPublishingMode, getStoryForEditing, listMyStories } from "@/lib/data/studio-stories";
import { approveSubmission, CLAIM_MINUTES, claimSubmissionForReview, listReviewQueue, requestChanges } from "@/lib/data/review";
import type { Viewer } from "@/lib/auth/permissions";
import type { RestrictionKind } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function restrict(user: Viewer, kind: RestrictionKind, options: { createdAt?: Date; liftedAt?: Date } = {}): Promise<Viewer> {
  await db.restriction.create({ data: { userId: user.id, kind, reason: `Test ${kind.toLowerCase()}`, createdById: user.id, ...options } });
  return (await findViewer(user.id))!;
}

async function storyRow(id: string) {
  return db.story.findUniqueOrThrow({
    where: { id },
    select: { status: true, slug: true, publishedAt: true, submittedAt: true, scheduledAt: true, reviewReason: true, reviewNotes: true, reviewClaimedById: true, title: true, version: true },
  });
}

async function auditAndNotifications(storyId: string, authorId: string) {
  const [actions, notifications] = await Promise.all([
    db.moderationAction.findMany({ where: { targetType: "STORY", targetId: storyId }, select: { action: true, actorId: true, subjectUserId: true, reason: true, details: true } }),
    db.notification.findMany({ where: { userId: authorId }, select: { kind: true, href: true, message: true } }),
  ]);
  return { actions, notifications };
}

/** A new (untrusted) creator's story, submitted for review. */
async function submittedStory(options: { scheduledAt?: Date; body?: string } = {}) {
  const author = await makeUser({ trusted: false, name: "Nia Newcomer" });
  const community = await makeCommunity();
  const { id } = await createDraft(author, storyInput(community.slug, options.body ? { body: options.body } : {}));
  const result = await publishStory(author, id, { scheduledAt: options.scheduledAt });
  expect(result.outcome).toBe("submitted");
  return { author, community, id };
}

async function staff() {
  const [moderator, other, admin] = await Promise.all([
    makeUser({ role: "MODERATOR", name: "Mo Moderator" }),
    makeUser({ role: "MODERATOR", name: "Max Moderator" }),
    makeUser({ role: "ADMIN", name: "Ada Admin" }),
  ]);
  return { moderator, other, admin };
}

describe("publishing through review", () => {
  it("a new account's story is submitted, not published: SUBMITTED, submittedAt set, not public", async () => {
    const { author, community, id } = await submittedStory();
    const row = await storyRow(id);
    expect(row).toMatchObject({ status: "SUBMITTED", slug: null, publishedAt: null, reviewReason: null });
    expect(row.submittedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await getPublishedStory(community.slug, "a-walk-by-the-river")).toBeNull();
    expect(await getPublishingMode(author)).toBe("submit");
    await expect(getPublishingMode(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a trusted creator (admin override) publishes at once", async () => {
    const author = await makeUser({ trusted: true });
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    const result = await publishStory(author, id);
    expect(result).toMatchObject({ outcome: "published", href: `/${community.slug}/a-walk-by-the-river` });
    expect(await getPublishingMode(author)).toBe("publish");
    expect((await storyRow(id)).status).toBe("PUBLISHED");
  });

  it("staff are trusted; an override of false keeps even an old, prolific account in review", async () => {
    const { moderator } = await staff();
    expect(await getPublishingMode(moderator)).toBe("publish");
    const author = await makeUser({ trusted: false });
    await db.user.update({ where: { id: author.id }, data: { createdAt: new Date(Date.now() - 400 * DAY) } });
    expect(await getPublishingMode(author)).toBe("submit");
  });

  it("the automatic rule: an account over a day old with enough live stories and no recent violation publishes", async () => {
    await db.siteSettings.update({ where: { id: 1 }, data: { trustApprovedStories: 2, trustCleanDays: 30 } });
    const author = await makeUser({ trusted: null });
    const community = await makeCommunity();
    expect(await getPublishingMode(author)).toBe("submit"); // brand new
    await db.user.update({ where: { id: author.id }, data: { createdAt: new Date(Date.now() - 3 * DAY) } });
    expect(await getPublishingMode(author)).toBe("submit"); // old enough, but nothing live yet
    for (const title of ["One", "Two"]) {
      const { id } = await createDraft(author, storyInput(community.slug, { title }));
      await db.story.update({ where: { id }, data: { status: "PUBLISHED", slug: title.toLowerCase(), publishedAt: new Date() } });
    }
    expect(await getPublishingMode(author)).toBe("publish");
    const { id } = await createDraft(author, storyInput(community.slug, { title: "Three" }));
    expect((await publishStory(author, id)).outcome).toBe("published");

    // A warning doesn't cost trust; a recent comment ban (even one already lifted) does.
    await restrict(author, "WARNING");
    expect(await getPublishingMode(author)).toBe("publish");
    const banned = await restrict(author, "COMMENT_BAN", { liftedAt: new Date() });
    expect(await getPublishingMode(banned)).toBe("submit");
    // ...until it is older than the clean period.
    await db.restriction.updateMany({ where: { userId: author.id, kind: "COMMENT_BAN" }, data: { createdAt: new Date(Date.now() - 31 * DAY) } });
    expect(await getPublishingMode(banned)).toBe("publish");
    await db.siteSettings.update({ where: { id: 1 }, data: { trustApprovedStories: 3, trustCleanDays: 90 } });
  });

  it("community rules are checked before submitting; a failing story stays a draft", async () => {
    const author = await makeUser({ trusted: false });
    const community = await makeCommunity({ minWords: 50, requireSubtitle: true });
    const { id } = await createDraft(author, storyInput(community.slug, { subtitle: "" }));
    await expect(publishStory(author, id)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { body: [expect.stringMatching(/at least 50 words/)], subtitle: [expect.any(String)] } });
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", submittedAt: null });
  });

  it("refuses signed-out, another creator, a publishing ban (with the guard's message) and a suspension, changing nothing", async () => {
    const author = await makeUser({ trusted: false });
    const other = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(publishStory(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(publishStory(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const banned = await restrict(author, "PUBLISH_BAN");
    await expect(publishStory(banned, id)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/^You can't submit or publish stories.*Reason: Test publish_ban/) });
    const suspended = await makeUser({ status: "SUSPENDED" });
    const { id: theirs } = await db.story.create({ data: { authorId: suspended.id, communityId: community.id, title: "Mine", bodyMarkdown: "Hello", bodyHtml: "<p>Hello</p>", wordCount: 1 }, select: { id: true } });
    await expect(publishStory(suspended, theirs)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await storyRow(theirs)).toMatchObject({ status: "DRAFT", submittedAt: null });
  });
});

describe("a publishing ban and live stories", () => {
  it("stops edits to a live story (they would go live at once) but not to drafts", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const live = await makePublishedStory(author, community.slug, { title: "Live one" });
    const { id: draftId } = await createDraft(author, storyInput(community.slug, { title: "Draft one" }));
    const banned = await restrict(author, "PUBLISH_BAN");
    await expect(updateStory(banned, live.id, storyInput(community.slug, { title: "Spam now" }))).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/can't submit or publish/) });
    expect(await storyRow(live.id)).toMatchObject({ title: "Live one" });
    await expect(updateStory(banned, draftId, storyInput(community.slug, { title: "Draft two" }))).resolves.toMatchObject({ id: draftId });
  });
});

describe("while in review", () => {
  it("a SUBMITTED story can't be saved (INVALID, nothing changes) until withdrawn", async () => {
    const { author, community, id } = await submittedStory();
    const before = await storyRow(id);
    await expect(updateStory(author, id, storyInput(community.slug, { title: "Sneaky edit" }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/waiting for review.*Withdraw/) });
    expect(await storyRow(id)).toMatchObject({ title: before.title, version: before.version });
    await expect(publishStory(author, id)).rejects.toMatchObject({ code: "INVALID" });

    await withdrawSubmission(author, id);
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", submittedAt: null });
    await updateStory(author, id, storyInput(community.slug, { title: "Better title" }));
    expect((await storyRow(id)).title).toBe("Better title");
  });

  it("withdraw: only the author, only from review; others get NOT_FOUND and nothing changes", async () => {
    const { author, id } = await submittedStory();
    const { moderator } = await staff();
    const other = await makeUser();
    await expect(withdrawSubmission(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(withdrawSubmission(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawSubmission(moderator, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await storyRow(id)).status).toBe("SUBMITTED");
    await withdrawSubmission(author, id);
    await expect(withdrawSubmission(author, id)).rejects.toMatchObject({ code: "INVALID" });
    expect((await storyRow(id)).status).toBe("DRAFT");
  });

  it("a story with changes requested is editable and can be resubmitted; resubmitting clears the request", async () => {
    const { author, community, id } = await submittedStory();
    const { moderator } = await staff();
    await requestChanges(moderator, id, { reason: "Please expand the ending a little.", notes: { "The bridge": "Say which bridge." } });
    const draft = await getStoryForEditing(author, id);
    expect(draft).toMatchObject({ status: "CHANGES_REQUESTED", reviewReason: "Please expand the ending a little.", reviewNotes: { "The bridge": "Say which bridge." } });
    await updateStory(author, id, storyInput(community.slug, { title: "Revised" }));
    expect((await publishStory(author, id)).outcome).toBe("submitted");
    expect(await storyRow(id)).toMatchObject({ status: "SUBMITTED", reviewReason: null, reviewNotes: null, title: "Revised" });
  });
});

describe("scheduling", () => {
  it("a trusted creator with a future time is APPROVED and goes live when publishDueStories runs after it", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    const at = new Date(Date.now() + 2 * HOUR);
    expect(await publishStory(author, id, { scheduledAt: at })).toMatchObject({ outcome: "scheduled", href: null });
    expect(await storyRow(id)).toMatchObject({ status: "APPROVED", scheduledAt: at, slug: null });
    expect(((await listMyStories(author)).items)[0]).toMatchObject({ status: "APPROVED", scheduledAt: at });
    // Too early: nothing happens.
    expect((await publishDueStories(new Date(Date.now() + HOUR))).map((s) => s.id)).not.toContain(id);
    expect((await storyRow(id)).status).toBe("APPROVED");
    // Two processes at once: the story goes live exactly once.
    const later = new Date(at.getTime() + 1000);
    const [a, b] = await Promise.all([publishDueStories(later), publishDueStories(later)]);
    expect([...a, ...b].filter((s) => s.id === id)).toEqual([{ id, href: `/${community.slug}/a-walk-by-the-river`, authorHandle: author.handle, communitySlug: community.slug }]);
    expect(await storyRow(id)).toMatchObject({ status: "PUBLISHED", slug: "a-walk-by-the-river" });
    expect(await db.storyRevision.count({ where: { storyId: id, kind: "PUBLISH" } })).toBe(1);
    // The creator hears it went live, once.
    expect(await db.notification.findMany({ where: { userId: author.id }, select: { message: true, href: true } })).toEqual([{ message: "Your scheduled story “A walk by the river” is now live.", href: `/${community.slug}/a-walk-by-the-river` }]);
  });

  it("refuses a time in the past or more than a year ahead, changing nothing", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(publishStory(author, id, { scheduledAt: new Date(Date.now() - HOUR) })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { scheduledAt: [expect.any(String)] } });
    await expect(publishStory(author, id, { scheduledAt: new Date(Date.now() + 400 * DAY) })).rejects.toMatchObject({ code: "INVALID" });
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", scheduledAt: null });
  });

  it("a scheduled story can be withdrawn back to a draft", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await publishStory(author, id, { scheduledAt: new Date(Date.now() + DAY) });
    await expect(updateStory(author, id, storyInput(community.slug))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/scheduled/) });
    await withdrawSubmission(author, id);
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", scheduledAt: null });
    expect(await publishDueStories(new Date(Date.now() + 2 * DAY))).not.toContainEqual(expect.objectContaining({ id }));
  });

  it("approving a submission with a future time schedules it; with a past time it publishes now", async () => {
    const at = new Date(Date.now() + 3 * HOUR);
    const { author, id } = await submittedStory({ scheduledAt: at });
    const { moderator } = await staff();
    expect(await approveSubmission(moderator, id)).toMatchObject({ outcome: "scheduled", href: null });
    expect(await storyRow(id)).toMatchObject({ status: "APPROVED", scheduledAt: at, slug: null });
    const { notifications } = await auditAndNotifications(id, author.id);
    expect(notifications).toEqual([expect.objectContaining({ kind: "STORY_APPROVED", href: `/studio/stories/${id}/edit`, message: expect.stringMatching(/will go live on/) })]);
    await publishDueStories(new Date(at.getTime() + 1));
    expect((await storyRow(id)).status).toBe("PUBLISHED");

    const second = await submittedStory({ scheduledAt: new Date(Date.now() + HOUR) });
    await db.story.update({ where: { id: second.id }, data: { scheduledAt: new Date(Date.now() - HOUR) } }); // the time passed while waiting
    expect(await approveSubmission(moderator, second.id)).toMatchObject({ outcome: "published" });
    expect(await storyRow(second.id)).toMatchObject({ status: "PUBLISHED", scheduledAt: null });
  });
});

describe("the review queue", () => {
  it("staff see submissions oldest first, paginated, with checks and claim holder; others are refused", async () => {
    const { moderator, other, admin } = await staff();
    const community = await makeCommunity({ minWords: 10, requireSubtitle: true });
    const author = await makeUser({ trusted: false, name: "Queue Author" });
    const ids: string[] = [];
    for (const [i, subtitle] of ["Has one", "", "Third"].entries()) {
      const { id } = await createDraft(author, storyInput(community.slug, { title: `Queued ${i}`, subtitle, body: "## One\n\n" + "word ".repeat(20) }));
      await db.story.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date(Date.now() - (10 - i) * HOUR + 1_000_000_000_000), aiAssisted: i === 0 } });
      ids.push(id);
    }
    // Pushed to the far future so earlier tests' submissions come first; ours are in order among themselves.
    const all: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listReviewQueue(moderator, { cursor, limit: 2 });
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    expect(all.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(all).size).toBe(all.length);

    await claimSubmissionForReview(other, ids[1]);
    const { items } = await listReviewQueue(admin, { limit: 50 });
    const first = items.find((i) => i.id === ids[0])!;
    expect(first).toMatchObject({ author: { name: "Queue Author" }, community: { slug: community.slug }, claim: null, own: false });
    expect(Object.fromEntries(first.checks.map((c) => [c.key, c.result]))).toEqual({ words: "pass", subtitle: "pass", hero: "info", ai: "pass" });
    const secondItem = items.find((i) => i.id === ids[1])!;
    expect(secondItem.checks.find((c) => c.key === "subtitle")?.result).toBe("fail");
    expect(secondItem.claim).toMatchObject({ holder: "Max Moderator", mine: false });

    const reader = await makeUser();
    await expect(listReviewQueue(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listReviewQueue(reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReviewQueue(await makeUser({ role: "MODERATOR", status: "SUSPENDED" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opening a submission claims it and shows the article, checks, sections and earlier decisions", async () => {
    const { author, community, id } = await submittedStory();
    const { moderator, other } = await staff();
    await requestChanges(other, id, { reason: "The ending needs more.", notes: { "The path": "Which river?" } });
    await publishStory(author, id); // resubmitted
    const review = await claimSubmissionForReview(moderator, id);
    expect(review).toMatchObject({
      status: "SUBMITTED",
      article: { title: "A walk by the river", community: { slug: community.slug }, author: { name: "Nia Newcomer" } },
      sections: ["The path", "The bridge"],
      claim: { holder: "Mo Moderator", mine: true },
      history: [{ action: "REVIEW_REQUEST_CHANGES", actorName: "Max Moderator", reason: "The ending needs more.", notes: { "The path": "Which river?" } }],
    });
    expect(review.article.bodyHtml).toContain("<h2");
    expect((await storyRow(id)).reviewClaimedById).toBe(moderator.id);
    // The second moderator sees who holds it, and does not take it.
    expect((await claimSubmissionForReview(other, id)).claim).toMatchObject({ holder: "Mo Moderator", mine: false });
    expect((await storyRow(id)).reviewClaimedById).toBe(moderator.id);
  });

  it("refuses readers, the author, signed-out and suspended staff; drafts are not reviewable", async () => {
    const { author, community, id } = await submittedStory();
    const reader = await makeUser();
    await expect(claimSubmissionForReview(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(claimSubmissionForReview(reader, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimSubmissionForReview(author, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimSubmissionForReview(await makeUser({ role: "MODERATOR", status: "SUSPENDED" }), id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await storyRow(id)).reviewClaimedById).toBeNull();
    const { moderator } = await staff();
    const { id: draft } = await createDraft(author, storyInput(community.slug));
    await expect(claimSubmissionForReview(moderator, draft)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("review decisions", () => {
  it("approving publishes with a slug, writes the audit entry and notifies the creator in the same step", async () => {
    const { author, community, id } = await submittedStory();
    const { moderator } = await staff();
    await claimSubmissionForReview(moderator, id);
    const approved = await approveSubmission(moderator, id, { note: "Lovely piece." });
    expect(approved).toMatchObject({ outcome: "published", href: `/${community.slug}/a-walk-by-the-river` });
    expect(await storyRow(id)).toMatchObject({ status: "PUBLISHED", slug: "a-walk-by-the-river", reviewClaimedById: null });
    expect(await getPublishedStory(community.slug, "a-walk-by-the-river")).toMatchObject({ id });
    const { actions, notifications } = await auditAndNotifications(id, author.id);
    expect(actions).toEqual([{ action: "REVIEW_APPROVE", actorId: moderator.id, subjectUserId: author.id, reason: "Lovely piece.", details: { scheduledAt: null } }]);
    expect(notifications).toEqual([{ kind: "STORY_APPROVED", href: approved.href, message: expect.stringMatching(/approved and is now live/) }]);
  });

  it("requesting changes needs a reason of 10–1000 characters, keeps notes for real sections, logs and notifies", async () => {
    const { author, id } = await submittedStory();
    const { moderator } = await staff();
    await expect(requestChanges(moderator, id, { reason: "Too short", notes: {} })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { reason: [expect.any(String)] } });
    await expect(requestChanges(moderator, id, { reason: "x".repeat(1001), notes: {} })).rejects.toMatchObject({ code: "INVALID" });
    expect(await auditAndNotifications(id, author.id)).toEqual({ actions: [], notifications: [] });
    expect((await storyRow(id)).status).toBe("SUBMITTED");

    await requestChanges(moderator, id, { reason: "Please tighten the opening paragraph.", notes: { "The path": "Start at the water.", "The bridge": "", "No such section": "Ignored" } });
    expect(await storyRow(id)).toMatchObject({ status: "CHANGES_REQUESTED", reviewReason: "Please tighten the opening paragraph.", reviewNotes: { "The path": "Start at the water." } });
    const { actions, notifications } = await auditAndNotifications(id, author.id);
    expect(actions).toEqual([{ action: "REVIEW_REQUEST_CHANGES", actorId: moderator.id, subjectUserId: author.id, reason: "Please tighten the opening paragraph.", details: { notes: { "The path": "Start at the water." } } }]);
    expect(notifications).toEqual([{ kind: "STORY_CHANGES_REQUESTED", href: `/studio/stories/${id}/edit`, message: expect.stringContaining("Please tighten the opening paragraph.") }]);
  });

  it("denied decisions change nothing and write no log or notification: signed-out, reader, other creator, restricted, suspended, own story", async () => {
    const { author, id } = await submittedStory();
    const reader = await makeUser();
    const otherCreator = await makeUser({ trusted: false });
    const publishBanned = await restrict(await makeUser(), "PUBLISH_BAN");
    const suspendedMod = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    const reason = { reason: "Please fix the second section.", notes: {} };
    for (const viewer of [null, reader, otherCreator, publishBanned, author, suspendedMod]) {
      await expect(approveSubmission(viewer, id)).rejects.toMatchObject({ code: viewer ? "FORBIDDEN" : "UNAUTHENTICATED" });
      await expect(requestChanges(viewer, id, reason)).rejects.toMatchObject({ code: viewer ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
    expect(await storyRow(id)).toMatchObject({ status: "SUBMITTED", slug: null, reviewReason: null });
    expect(await auditAndNotifications(id, author.id)).toEqual({ actions: [], notifications: [] });

    // A moderator who writes: their own submission is for someone else to review.
    const modAuthor = await makeUser({ role: "MODERATOR", name: "Self Reviewer" });
    const community = await makeCommunity();
    const { id: own } = await createDraft(modAuthor, storyInput(community.slug));
    await db.story.update({ where: { id: own }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await expect(approveSubmission(modAuthor, own)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/your own story/) });
    await expect(requestChanges(modAuthor, own, reason)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await storyRow(own)).status).toBe("SUBMITTED");
    expect((await listReviewQueue(modAuthor, { limit: 50 })).items.find((i) => i.id === own)?.own).toBe(true);
  });

  it("a submission claimed by another moderator can't be decided until the claim expires", async () => {
    const { author, id } = await submittedStory();
    const { moderator, other, admin } = await staff();
    await claimSubmissionForReview(moderator, id);
    await expect(approveSubmission(other, id)).rejects.toMatchObject({ code: "CONFLICT", message: "Mo Moderator is reviewing this story." });
    await expect(requestChanges(admin, id, { reason: "Please fix the second section.", notes: {} })).rejects.toMatchObject({ code: "CONFLICT", message: "Mo Moderator is reviewing this story." });
    expect(await storyRow(id)).toMatchObject({ status: "SUBMITTED", reviewClaimedById: moderator.id });
    expect(await auditAndNotifications(id, author.id)).toEqual({ actions: [], notifications: [] });

    await db.story.update({ where: { id }, data: { reviewClaimedAt: new Date(Date.now() - (CLAIM_MINUTES + 1) * 60_000) } });
    await approveSubmission(other, id);
    expect((await storyRow(id)).status).toBe("PUBLISHED");
    // The first moderator comes back to a story already decided.
    await expect(requestChanges(moderator, id, { reason: "Please fix the second section.", notes: {} })).rejects.toMatchObject({ code: "CONFLICT", message: "This story was already approved by Max Moderator." });
    expect((await auditAndNotifications(id, author.id)).actions).toHaveLength(1);
  });

  it("two moderators approving at the same moment: exactly one succeeds, one log entry, one notification", async () => {
    const { author, id } = await submittedStory();
    const { moderator, other } = await staff();
    const results = await Promise.allSettled([approveSubmission(moderator, id), approveSubmission(other, id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already approved by (Mo|Max) Moderator/) });
    const { actions, notifications } = await auditAndNotifications(id, author.id);
    expect(actions).toHaveLength(1);
    expect(notifications).toHaveLength(1);
    expect(await db.storyRevision.count({ where: { storyId: id, kind: "PUBLISH" } })).toBe(1);
  });

  it("a withdrawn submission can't be decided, and the moderator is told why", async () => {
    const { author, id } = await submittedStory();
    const { moderator } = await staff();
    await claimSubmissionForReview(moderator, id);
    await withdrawSubmission(author, id);
    await expect(approveSubmission(moderator, id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/withdrew/) });
    expect(await storyRow(id)).toMatchObject({ status: "DRAFT", slug: null });
    expect(await auditAndNotifications(id, author.id)).toEqual({ actions: [], notifications: [] });
  });
});
