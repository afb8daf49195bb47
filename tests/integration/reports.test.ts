import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment, listStoryComments } from "@/lib/data/comments";
import { hideComment } from "@/lib/data/comment-moderation";
import { createReport, listOpenReportGroups, resolveReports } from "@/lib/data/reports";
import { RATE_RULES } from "@/lib/data/rate-limits";
import { listPublishedStories } from "@/lib/data/public-stories";
import { findViewer } from "@/lib/data/users";
import type { RestrictionKind, Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

async function restricted(kind: RestrictionKind, role: Viewer["role"] = "READER") {
  const user = await makeUser({ role });
  await db.restriction.create({ data: { userId: user.id, kind, reason: `Test ${kind}`, createdById: user.id } });
  return (await findViewer(user.id))!;
}

/** An account that is not new: over a day old with a story that went live (so only the general rate rule applies). */
async function establishedUser(name?: string) {
  const user = await makeUser({ name });
  const community = await makeCommunity();
  await makePublishedStory(user, community.slug);
  await db.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - 7 * 24 * 3600 * 1000) } });
  return user;
}

async function scene() {
  const community = await makeCommunity();
  const [creator, commenter, reader, moderator, admin] = await Promise.all([
    makeUser({ name: "Cleo Creator" }),
    makeUser({ name: "Carl Commenter" }),
    makeUser({ name: "Rae Reader" }),
    makeUser({ role: "MODERATOR" }),
    makeUser({ role: "ADMIN" }),
  ]);
  const story = await makePublishedStory(creator, community.slug, { title: "A reported story", subtitle: "With a dek" });
  const comment = await createComment(commenter, story.id, { body: "Buy cheap watches at example.com" });
  return { community, creator, commenter, reader, moderator, admin, story, comment };
}

const reportsOn = (targetId: string) =>
  db.report.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { reporterId: true, targetType: true, targetUserId: true, reason: true, details: true, status: true, resolvedById: true, resolution: true } });

describe("createReport", () => {
  it("any signed-in user reports a story, a comment or an account; the owner is recorded", async () => {
    const s = await scene();
    const banned = await restricted("COMMENT_BAN");
    await createReport(s.reader, { targetType: "STORY", targetId: s.story.id, reason: "PLAGIARISM", details: "Copied from my blog" });
    await createReport(s.reader, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" });
    await createReport(banned, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" });
    await createReport(s.moderator, { targetType: "USER", targetId: s.commenter.id, reason: "SPAM", details: "Spam account" });
    expect(await reportsOn(s.story.id)).toEqual([
      { reporterId: s.reader.id, targetType: "STORY", targetUserId: s.creator.id, reason: "PLAGIARISM", details: "Copied from my blog", status: "OPEN", resolvedById: null, resolution: null },
    ]);
    expect((await reportsOn(s.comment.id)).map((r) => [r.reporterId, r.targetUserId])).toEqual([
      [s.reader.id, s.commenter.id],
      [banned.id, s.commenter.id],
    ]);
    expect((await reportsOn(s.commenter.id)).map((r) => r.targetUserId)).toEqual([s.commenter.id]);
  });

  it("one open report per reporter and target: a friendly conflict", async () => {
    const s = await scene();
    await createReport(s.reader, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" });
    await expect(createReport(s.reader, { targetType: "COMMENT", targetId: s.comment.id, reason: "HATE", details: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You've already reported this. A moderator will look at it.",
    });
    expect(await reportsOn(s.comment.id)).toHaveLength(1);
    // Two at once (a double click): the partial unique index lets one through.
    const other = await makeUser();
    const twice = await Promise.allSettled([1, 2].map(() => createReport(other, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" })));
    expect(twice.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(twice.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: "You've already reported this. A moderator will look at it." } });
    expect(await reportsOn(s.comment.id)).toHaveLength(2);
    // Once handled, the reader may report it again.
    await resolveReports(s.moderator, { resolution: "DISMISS", reason: "Not spam", targets: [{ targetType: "COMMENT", targetId: s.comment.id }] });
    await createReport(s.reader, { targetType: "COMMENT", targetId: s.comment.id, reason: "HATE", details: "It got worse" });
    expect((await reportsOn(s.comment.id)).map((r) => r.status)).toEqual(["DISMISSED", "DISMISSED", "OPEN"]);
  });

  it("refuses the signed-out, the suspended, and reports on oneself or one's own content", async () => {
    const s = await scene();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(createReport(null, { targetType: "STORY", targetId: s.story.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createReport(suspended, { targetType: "STORY", targetId: s.story.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createReport(s.creator, { targetType: "STORY", targetId: s.story.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(createReport(s.commenter, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(createReport(s.reader, { targetType: "USER", targetId: s.reader.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "INVALID", message: "You can't report yourself." });
    expect(await db.report.count({ where: { targetId: { in: [s.story.id, s.comment.id, s.reader.id] } } })).toBe(0);
  });

  it("refuses targets the public cannot see: drafts' absence, hidden comments, suspended users, unknown ids", async () => {
    const s = await scene();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await hideComment(s.moderator, s.comment.id, "Spam");
    await db.story.update({ where: { id: s.story.id }, data: { status: "UNPUBLISHED" } });
    for (const target of [
      { targetType: "STORY", targetId: s.story.id },
      { targetType: "COMMENT", targetId: s.comment.id },
      { targetType: "USER", targetId: suspended.id },
      { targetType: "STORY", targetId: "nope" },
    ] as const) {
      await expect(createReport(s.reader, { ...target, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.report.count({ where: { reporterId: s.reader.id } })).toBe(0);
  });

  it("rate limits: a new account after 5 reports an hour, an established one after 20", async () => {
    const community = await makeCommunity();
    const writer = await makeUser();
    const stories = await Promise.all(Array.from({ length: 22 }, (_, i) => makePublishedStory(writer, community.slug, { title: `Story ${i}` })));
    const newbie = await makeUser({ trusted: false });
    for (const story of stories.slice(0, RATE_RULES.reportNewAccount.limit)) await createReport(newbie, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
    await expect(createReport(newbie, { targetType: "STORY", targetId: stories[5].id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "RATE_LIMITED", message: RATE_RULES.reportNewAccount.message });
    expect(await db.report.count({ where: { reporterId: newbie.id } })).toBe(5);

    const veteran = await establishedUser();
    for (const story of stories.slice(0, RATE_RULES.report.limit)) await createReport(veteran, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
    await expect(createReport(veteran, { targetType: "STORY", targetId: stories[20].id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "RATE_LIMITED", message: RATE_RULES.report.message });
    expect(await db.report.count({ where: { reporterId: veteran.id } })).toBe(20);
  });
});

describe("listOpenReportGroups", () => {
  it("groups open reports by target, oldest first, with context, reasons and reporters' text", async () => {
    const s = await scene();
    const other = await makeUser({ name: "Oli Other" });
    await createReport(s.reader, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "Link spam" });
    await createReport(s.reader, { targetType: "STORY", targetId: s.story.id, reason: "PLAGIARISM", details: "" });
    await createReport(other, { targetType: "COMMENT", targetId: s.comment.id, reason: "OTHER", details: "Weird" });
    await createReport(other, { targetType: "USER", targetId: s.commenter.id, reason: "SPAM", details: "" });
    // Other tests in this file leave open reports too: walk every page.
    const groups = [];
    let cursor: string | undefined;
    do {
      const page = await listOpenReportGroups(s.moderator, { cursor, limit: 50 });
      groups.push(...page.groups);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const mine = groups.filter((g) => [s.comment.id, s.story.id, s.commenter.id].includes(g.targetId));
    expect(mine.map((g) => [g.targetType, g.count])).toEqual([
      ["COMMENT", 2],
      ["STORY", 1],
      ["USER", 1],
    ]);
    expect(mine[0].reports.map((r) => [r.reporter.name, r.reason, r.details])).toEqual([
      ["Rae Reader", "SPAM", "Link spam"],
      ["Oli Other", "OTHER", "Weird"],
    ]);
    expect(mine[0].content).toEqual({ kind: "COMMENT", bodyHtml: expect.stringContaining("cheap watches"), status: "VISIBLE", author: expect.objectContaining({ name: "Carl Commenter" }), story: { id: s.story.id, title: "A reported story", href: s.story.href } });
    expect(mine[1].content).toMatchObject({ kind: "STORY", title: "A reported story", subtitle: "With a dek", href: s.story.href });
    expect(mine[2].content).toMatchObject({ kind: "USER", user: { id: s.commenter.id, name: "Carl Commenter" } });
  });

  it("pages with a keyset cursor, each target once", async () => {
    const s = await scene();
    const writer = await makeUser();
    const stories = await Promise.all(Array.from({ length: 5 }, (_, i) => makePublishedStory(writer, s.community.slug, { title: `Paged ${i}` })));
    for (const story of stories) await createReport(s.reader, { targetType: "STORY", targetId: story.id, reason: "SPAM", details: "" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOpenReportGroups(s.admin, { cursor, limit: 2 });
      seen.push(...page.groups.map((g) => g.targetId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const story of stories) expect(seen.filter((id) => id === story.id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("is for moderators and admins only", async () => {
    const s = await scene();
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    await expect(listOpenReportGroups(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const viewer of [s.reader, s.creator, suspended]) await expect(listOpenReportGroups(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("resolveReports", () => {
  async function reported() {
    const s = await scene();
    const other = await makeUser();
    for (const reporter of [s.reader, other]) {
      await createReport(reporter, { targetType: "COMMENT", targetId: s.comment.id, reason: "SPAM", details: "" });
      await createReport(reporter, { targetType: "STORY", targetId: s.story.id, reason: "PLAGIARISM", details: "" });
    }
    return { ...s, other };
  }

  it("dismiss: all of a target's open reports DISMISSED with one REPORT_DISMISS entry, content untouched", async () => {
    const s = await reported();
    const result = await resolveReports(s.moderator, { resolution: "DISMISS", reason: "Not spam", targets: [{ targetType: "COMMENT", targetId: s.comment.id }] });
    expect(result.resolved).toBe(2);
    expect((await reportsOn(s.comment.id)).map((r) => [r.status, r.resolvedById, r.resolution])).toEqual([
      ["DISMISSED", s.moderator.id, "Not spam"],
      ["DISMISSED", s.moderator.id, "Not spam"],
    ]);
    expect(await db.moderationAction.findMany({ where: { targetId: s.comment.id }, select: { action: true, reason: true, subjectUserId: true } })).toEqual([{ action: "REPORT_DISMISS", reason: "Not spam", subjectUserId: null }]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: s.comment.id } })).status).toBe("VISIBLE");
    expect(await db.notification.count({ where: { userId: s.commenter.id } })).toBe(0);
  });

  it("hide comment: hidden with the reason, reports ACTIONED, one COMMENT_HIDE entry, the author told", async () => {
    const s = await reported();
    const result = await resolveReports(s.admin, { resolution: "HIDE_COMMENT", reason: "Spam links", targets: [{ targetType: "COMMENT", targetId: s.comment.id }] });
    expect(result).toEqual({ resolved: 2, commentStoryIds: [s.story.id], unpublished: [] });
    expect((await reportsOn(s.comment.id)).map((r) => r.status)).toEqual(["ACTIONED", "ACTIONED"]);
    expect(await db.moderationAction.findMany({ where: { targetId: s.comment.id }, select: { action: true, subjectUserId: true } })).toEqual([{ action: "COMMENT_HIDE", subjectUserId: s.commenter.id }]);
    expect((await listStoryComments(s.story.id)).threads).toEqual([expect.objectContaining({ id: s.comment.id, status: "HIDDEN" })]);
    expect(await db.notification.count({ where: { userId: s.commenter.id, kind: "COMMENT_HIDDEN" } })).toBe(1);
    // Nothing left open for that target; a second moderator's click changes nothing.
    expect((await resolveReports(s.moderator, { resolution: "HIDE_COMMENT", reason: "Again", targets: [{ targetType: "COMMENT", targetId: s.comment.id }] })).resolved).toBe(0);
    expect(await db.moderationAction.count({ where: { targetId: s.comment.id } })).toBe(1);
  });

  it("unpublish story: off the public lists, reports ACTIONED, STORY_UNPUBLISH entry, the creator told", async () => {
    const s = await reported();
    const result = await resolveReports(s.moderator, { resolution: "UNPUBLISH_STORY", reason: "Plagiarism", targets: [{ targetType: "STORY", targetId: s.story.id }] });
    expect(result.unpublished).toEqual([expect.objectContaining({ id: s.story.id, href: s.story.href, authorId: s.creator.id })]);
    expect((await reportsOn(s.story.id)).map((r) => r.status)).toEqual(["ACTIONED", "ACTIONED"]);
    expect((await listPublishedStories({ communitySlug: s.community.slug })).items).toEqual([]);
    expect(await db.notification.findMany({ where: { userId: s.creator.id, kind: { notIn: ["NEW_COMMENT", "REPLY"] } }, select: { kind: true } })).toEqual([{ kind: "STORY_UNPUBLISHED" }]);
  });

  it("bulk: several targets with one reason, in one transaction; the wrong kind of target fails and changes nothing", async () => {
    const s = await reported();
    const second = await createComment(s.reader, s.story.id, { body: "Also spam" });
    await createReport(s.other, { targetType: "COMMENT", targetId: second.id, reason: "SPAM", details: "" });
    const both = [
      { targetType: "COMMENT", targetId: s.comment.id },
      { targetType: "COMMENT", targetId: second.id },
    ] as const;
    await expect(resolveReports(s.moderator, { resolution: "HIDE_COMMENT", reason: "Spam", targets: [...both, { targetType: "STORY", targetId: s.story.id }] })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.report.count({ where: { targetId: { in: [s.comment.id, second.id] }, status: "OPEN" } })).toBe(3);
    expect(await db.comment.count({ where: { storyId: s.story.id, status: "HIDDEN" } })).toBe(0);

    await resolveReports(s.moderator, { resolution: "HIDE_COMMENT", reason: "Spam", targets: [...both] });
    expect(await db.comment.count({ where: { storyId: s.story.id, status: "HIDDEN" } })).toBe(2);
    expect((await db.story.findUniqueOrThrow({ where: { id: s.story.id } })).commentCount).toBe(0);
    expect(await db.report.count({ where: { targetId: { in: [s.comment.id, second.id] }, status: "ACTIONED" } })).toBe(3);
  });

  it("a bulk action that fails part-way leaves nothing behind: no hide, no audit entry, no notification, reports still open", async () => {
    const s = await reported();
    const doomed = await createComment(s.reader, s.story.id, { body: "Soon gone" });
    await createReport(s.other, { targetType: "COMMENT", targetId: doomed.id, reason: "SPAM", details: "" });
    // Deleted from the database under the moderator's feet (a cascade, say): hiding it fails.
    await db.comment.delete({ where: { id: doomed.id } });
    await expect(
      resolveReports(s.moderator, { resolution: "HIDE_COMMENT", reason: "Spam", targets: [{ targetType: "COMMENT", targetId: s.comment.id }, { targetType: "COMMENT", targetId: doomed.id }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: s.comment.id } })).status).toBe("VISIBLE");
    expect(await db.report.count({ where: { targetId: s.comment.id, status: "OPEN" } })).toBe(2);
    expect(await db.moderationAction.count({ where: { targetId: s.comment.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: s.commenter.id } })).toBe(0);
    // Two comments were counted (the deleted row bypassed the data layer); the failed hide took none away.
    expect((await db.story.findUniqueOrThrow({ where: { id: s.story.id } })).commentCount).toBe(2);
  });

  it("refuses readers, creators, the signed-out and suspended staff, changing nothing", async () => {
    const s = await reported();
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    const cases: [Viewer | null, string][] = [[null, "UNAUTHENTICATED"], [s.reader, "FORBIDDEN"], [s.creator, "FORBIDDEN"], [s.commenter, "FORBIDDEN"], [suspended, "FORBIDDEN"]];
    for (const [viewer, code] of cases) {
      for (const resolution of ["DISMISS", "HIDE_COMMENT"] as const) {
        await expect(resolveReports(viewer, { resolution, reason: "x", targets: [{ targetType: "COMMENT", targetId: s.comment.id }] })).rejects.toMatchObject({ code });
      }
    }
    expect(await db.report.count({ where: { targetId: s.comment.id, status: "OPEN" } })).toBe(2);
    expect((await db.comment.findUniqueOrThrow({ where: { id: s.comment.id } })).status).toBe("VISIBLE");
    expect(await db.moderationAction.count({ where: { targetId: s.comment.id } })).toBe(0);
  });
});
