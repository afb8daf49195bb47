import { changeTags } from "@/lib/cache/tags";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { liftRestriction, listMyActiveRestrictions, restrictUser } from "@/lib/data/restrictions";
import { createComment, listStoryComments } from "@/lib/data/comments";
import { findViewer } from "@/lib/data/users";
import { sweepRestrictions } from "@/lib/data/sweep";
import { getPublishedStory, listPublishedStories } from "@/lib/data/public-stories";
import { getCreatorProfile } from "@/lib/data/users";
import { nextRestrictionKind } from "@/lib/validation/moderation";
import { getMyModerationAction } from "@/lib/data/appeals";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

const inAnHour = () => new Date(Date.now() + 3_600_000);
const fresh = async (user: Viewer) => (await findViewer(user.id))!;
const restrictionsOf = (userId: string) => db.restriction.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const auditAbout = (userId: string) => db.moderationAction.findMany({ where: { subjectUserId: userId }, orderBy: { createdAt: "asc" } });

async function storyBy(author: Viewer) {
  const community = await makeCommunity();
  return makePublishedStory(author, community.slug);
}

describe("restrictUser", () => {
  it("a moderator bans a reader from commenting: restriction, audit entry and notification together; createComment is refused at once", async () => {
    const [mod, reader, author] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser()]);
    const story = await storyBy(author);
    const { restrictionId, actionId } = await restrictUser(mod, reader.id, { kind: "COMMENT_BAN", reason: "Insults in replies", expiresAt: inAnHour() });

    const [restriction] = await restrictionsOf(reader.id);
    expect(restriction).toMatchObject({ id: restrictionId, kind: "COMMENT_BAN", reason: "Insults in replies", createdById: mod.id, liftedAt: null });
    const action = await db.moderationAction.findUniqueOrThrow({ where: { id: actionId } });
    expect(action).toMatchObject({ action: "RESTRICT", actorId: mod.id, targetType: "USER", targetId: reader.id, subjectUserId: reader.id, restrictionId });
    expect(action.expiresAt?.getTime()).toBe(restriction.expiresAt?.getTime());
    const notes = await db.notification.findMany({ where: { userId: reader.id } });
    expect(notes).toEqual([expect.objectContaining({ kind: "RESTRICTED", href: `/moderation/${actionId}` })]);
    expect(notes[0].message).toContain("Insults in replies");

    const banned = await fresh(reader);
    await expect(createComment(banned, story.id, { body: "Still here" })).rejects.toThrow(/can't comment until .*Reason: Insults in replies/);
    expect(await db.comment.count({ where: { storyId: story.id } })).toBe(0);
    expect(await listMyActiveRestrictions(banned)).toEqual([expect.objectContaining({ kind: "COMMENT_BAN", actionId })]);
  });

  it("the comment ban lifts at its expiry: the sweep ends it (audit + notification) and the reader comments again", async () => {
    const [mod, reader, author] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser()]);
    const story = await storyBy(author);
    const { restrictionId } = await restrictUser(mod, reader.id, { kind: "COMMENT_BAN", reason: "Cool off", expiresAt: inAnHour() });
    await db.restriction.update({ where: { id: restrictionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const swept = await sweepRestrictions();
    expect(swept.liftedRestrictions).toBeGreaterThanOrEqual(1);
    expect((await db.restriction.findUniqueOrThrow({ where: { id: restrictionId } })).liftedAt).not.toBeNull();
    const lift = await db.moderationAction.findFirstOrThrow({ where: { subjectUserId: reader.id, action: "RESTRICTION_LIFT" } });
    expect(lift).toMatchObject({ actorId: null, restrictionId });
    expect(await db.notification.count({ where: { userId: reader.id, href: `/moderation/${lift.id}` } })).toBe(1);
    expect(await getMyModerationAction(reader, lift.id)).toMatchObject({ action: "RESTRICTION_LIFT", automatic: true, appealable: false });
    await expect(createComment(await fresh(reader), story.id, { body: "Back again" })).resolves.toHaveProperty("id");
  });

  it("a suspension hides the creator's profile, stories and comments from public reads, blocks everything but appealing, and lifts", async () => {
    const [admin, creator, commenterHost] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ name: "Suspended Sam" }), makeUser()]);
    const community = await makeCommunity();
    const story = await makePublishedStory(creator, community.slug);
    const hostStory = await makePublishedStory(commenterHost, community.slug);
    await createComment(creator, hostStory.id, { body: "A comment by Sam" });
    const [, slug] = story.href.slice(1).split("/");

    const { restrictionId, changes } = await restrictUser(admin, creator.id, { kind: "SUSPENSION", reason: "Spam campaign" });
    expect(changeTags(changes)).toEqual(expect.arrayContaining([`creator:${creator.id}`, `story:${story.id}`, `comments:${hostStory.id}`, "story-lists"]));
    expect((await db.user.findUniqueOrThrow({ where: { id: creator.id } })).status).toBe("SUSPENDED");
    expect(await getPublishedStory(community.slug, slug)).toBeNull();
    expect(await getCreatorProfile(creator.handle)).toBeNull();
    expect((await listPublishedStories({ communitySlug: community.slug })).items.map((s) => s.id)).not.toContain(story.id);
    expect((await listStoryComments(hostStory.id)).count).toBe(0);
    const suspended = await fresh(creator);
    expect(suspended.status).toBe("SUSPENDED");
    await expect(createComment(suspended, hostStory.id, { body: "nope" })).rejects.toThrow(/suspended/);

    await liftRestriction(admin, restrictionId, "Reviewed: a misunderstanding");
    expect((await db.user.findUniqueOrThrow({ where: { id: creator.id } })).status).toBe("ACTIVE");
    expect(await getPublishedStory(community.slug, slug)).not.toBeNull();
    expect((await listStoryComments(hostStory.id)).count).toBe(1);
    expect((await auditAbout(creator.id)).map((a) => a.action)).toEqual(["RESTRICT", "RESTRICTION_LIFT"]);
  });

  it("a suspension expires through the sweep, which puts the status back and names every cached page to expire", async () => {
    const [mod, reader] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser()]);
    const story = await makePublishedStory(reader, (await makeCommunity()).slug);
    const { restrictionId } = await restrictUser(mod, reader.id, { kind: "SUSPENSION", reason: "Time out", expiresAt: inAnHour() });
    await db.restriction.update({ where: { id: restrictionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // Even before the sweep, the viewer is no longer suspended: findViewer reads the expiry.
    expect((await fresh(reader)).status).toBe("ACTIVE");
    const swept = await sweepRestrictions();
    expect(swept.changedCreators.map((c) => c.id)).toContain(reader.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("ACTIVE");
    // Their story page (cached as a 404 while they were suspended) comes back on the next request.
    expect(changeTags(swept.changes)).toEqual(expect.arrayContaining([`story:${story.id}`, `story-url:${story.href.slice(1)}`, `creator:${reader.id}`]));
  });

  it("a content removal takes down published stories and visible comments, keeping comment counts exact, and records the ids", async () => {
    const [mod, spammer, host] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser()]);
    const community = await makeCommunity();
    const spamStory = await makePublishedStory(spammer, community.slug);
    const hostStory = await makePublishedStory(host, community.slug);
    const [c1, c2] = [await createComment(spammer, hostStory.id, { body: "buy now" }), await createComment(spammer, hostStory.id, { body: "buy again" })];
    await createComment(host, hostStory.id, { body: "please stop" });
    const { actionId } = await restrictUser(mod, spammer.id, { kind: "CONTENT_REMOVAL", reason: "Spam" });
    expect((await db.story.findUniqueOrThrow({ where: { id: spamStory.id } })).status).toBe("REMOVED");
    const hidden = await db.comment.findMany({ where: { authorId: spammer.id }, select: { status: true, hiddenReason: true } });
    expect(hidden).toEqual([{ status: "HIDDEN", hiddenReason: "Spam" }, { status: "HIDDEN", hiddenReason: "Spam" }]);
    expect((await db.story.findUniqueOrThrow({ where: { id: hostStory.id } })).commentCount).toBe(1);
    const action = await db.moderationAction.findUniqueOrThrow({ where: { id: actionId } });
    expect(action.details).toMatchObject({ removedStoryIds: [spamStory.id], hiddenCommentIds: expect.arrayContaining([c1.id, c2.id]) });
  });

  it("refuses signed-out visitors, readers, creators, restricted and suspended staff, changing nothing", async () => {
    const [reader, target, suspendedMod] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "MODERATOR", status: "SUSPENDED" })]);
    const input = { kind: "WARNING" as const, reason: "x" };
    await expect(restrictUser(null, target.id, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(restrictUser(reader, target.id, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictUser(suspendedMod, target.id, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await restrictionsOf(target.id)).toEqual([]);
    expect(await auditAbout(target.id)).toEqual([]);
    expect(await db.notification.count({ where: { userId: target.id } })).toBe(0);
  });

  it("moderators cannot restrict staff; admins cannot restrict themselves; a reason and a future expiry are required", async () => {
    const [mod, otherMod, admin, reader] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser({ role: "MODERATOR" }), makeUser({ role: "ADMIN" }), makeUser()]);
    await expect(restrictUser(mod, otherMod.id, { kind: "WARNING", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictUser(mod, admin.id, { kind: "SUSPENSION", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictUser(mod, mod.id, { kind: "WARNING", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictUser(admin, admin.id, { kind: "WARNING", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictUser(mod, reader.id, { kind: "WARNING", reason: "   " })).rejects.toMatchObject({ code: "INVALID" });
    await expect(restrictUser(mod, reader.id, { kind: "WARNING", reason: "x", expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(restrictUser(mod, "no-such-user", { kind: "WARNING", reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.restriction.count({ where: { userId: { in: [otherMod.id, admin.id, mod.id, reader.id] } } })).toBe(0);
    // An admin may restrict a moderator.
    await expect(restrictUser(admin, otherMod.id, { kind: "WARNING", reason: "Be kinder in reviews" })).resolves.toHaveProperty("actionId");
  });
});

describe("liftRestriction", () => {
  it("refuses readers, signed-out visitors and moderators lifting a restriction on staff; a second lift is a CONFLICT", async () => {
    const [admin, mod, reader, otherMod] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "MODERATOR" }), makeUser(), makeUser({ role: "MODERATOR" })]);
    const onReader = await restrictUser(mod, reader.id, { kind: "COMMENT_BAN", reason: "x" });
    const onMod = await restrictUser(admin, otherMod.id, { kind: "PUBLISH_BAN", reason: "x" });
    await expect(liftRestriction(null, onReader.restrictionId, "ok")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(liftRestriction(reader, onReader.restrictionId, "ok")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(liftRestriction(mod, onMod.restrictionId, "ok")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(liftRestriction(mod, onReader.restrictionId, " ")).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.restriction.count({ where: { id: { in: [onReader.restrictionId, onMod.restrictionId] }, liftedAt: { not: null } } })).toBe(0);
    await liftRestriction(mod, onReader.restrictionId, "Served enough");
    await expect(liftRestriction(mod, onReader.restrictionId, "again")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.moderationAction.count({ where: { restrictionId: onReader.restrictionId, action: "RESTRICTION_LIFT" } })).toBe(1);
  });
});

describe("nextRestrictionKind", () => {
  it("climbs the ladder, skipping overturned restrictions, and stops at the top", () => {
    expect(nextRestrictionKind([])).toBe("WARNING");
    expect(nextRestrictionKind([{ kind: "WARNING", overturnedAt: null }])).toBe("COMMENT_BAN");
    expect(nextRestrictionKind([{ kind: "WARNING", overturnedAt: null }, { kind: "SUSPENSION", overturnedAt: new Date() }])).toBe("COMMENT_BAN");
    expect(nextRestrictionKind([{ kind: "CONTENT_REMOVAL", overturnedAt: null }])).toBe("CONTENT_REMOVAL");
  });
});
