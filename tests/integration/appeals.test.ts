import { changeTags } from "@/lib/cache/tags";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerAppeal, createAppeal, getMyModerationAction, listMyModerationActions, listOpenAppeals } from "@/lib/data/appeals";
import { restrictUser } from "@/lib/data/restrictions";
import { recordAction } from "@/lib/data/audit";
import { createComment } from "@/lib/data/comments";
import { findViewer } from "@/lib/data/users";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

const fresh = async (user: Viewer) => (await findViewer(user.id))!;
const appealText = "I was quoting the story, not insulting anyone.";

async function warned() {
  const [mod, admin, reader] = await Promise.all([makeUser({ role: "MODERATOR", name: "Mo Secret" }), makeUser({ role: "ADMIN" }), makeUser()]);
  const { actionId, restrictionId } = await restrictUser(mod, reader.id, { kind: "COMMENT_BAN", reason: "Rude" });
  return { mod, admin, reader: await fresh(reader), actionId, restrictionId };
}

describe("getMyModerationAction", () => {
  it("shows the subject what happened and why, never who did it; anyone else gets NOT_FOUND", async () => {
    const { mod, admin, reader, actionId } = await warned();
    const mine = await getMyModerationAction(reader, actionId);
    expect(mine).toMatchObject({ action: "RESTRICT", reason: "Rude", appealable: true, automatic: false, appeal: null, restriction: { kind: "COMMENT_BAN" } });
    expect(JSON.stringify(mine)).not.toContain(mod.id);
    expect(JSON.stringify(mine)).not.toContain("Mo Secret");
    const other = await makeUser();
    await expect(getMyModerationAction(other, actionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyModerationAction(mod, actionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyModerationAction(admin, actionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyModerationAction(null, actionId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listMyModerationActions(reader)).items.map((i) => i.id)).toEqual([actionId]);
    expect((await listMyModerationActions(other)).items).toEqual([]);
  });
});

describe("createAppeal", () => {
  it("the subject appeals once, even while suspended; a second appeal is a friendly CONFLICT", async () => {
    const [mod, reader] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser()]);
    const { actionId } = await restrictUser(mod, reader.id, { kind: "SUSPENSION", reason: "Spam" });
    const suspended = await fresh(reader);
    expect(suspended.status).toBe("SUSPENDED");
    await createAppeal(suspended, actionId, appealText);
    await expect(createAppeal(suspended, actionId, "Another try, please look again.")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already appealed") });
    expect(await db.appeal.findMany({ where: { actionId }, select: { text: true, status: true } })).toEqual([{ text: appealText, status: "OPEN" }]);
  });

  it("refuses signed-out visitors, other users and staff, non-appealable entries and bad lengths, adding nothing", async () => {
    const { mod, admin, reader, actionId } = await warned();
    const other = await makeUser();
    await expect(createAppeal(null, actionId, appealText)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createAppeal(other, actionId, appealText)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createAppeal(mod, actionId, appealText)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createAppeal(admin, actionId, appealText)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createAppeal(reader, actionId, "too short")).rejects.toMatchObject({ code: "INVALID" });
    await expect(createAppeal(reader, actionId, "x".repeat(2001))).rejects.toMatchObject({ code: "INVALID" });
    const roleChange = await db.$transaction((tx) => recordAction(tx, { actorId: admin.id, action: "ROLE_CHANGE", targetType: "USER", targetId: reader.id, subjectUserId: reader.id, reason: "x" }));
    await expect(createAppeal(reader, roleChange, appealText)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.appeal.count({ where: { userId: { in: [reader.id, other.id, mod.id, admin.id] } } })).toBe(0);
  });
});

describe("answerAppeal", () => {
  it("an admin overturns a comment ban: lifted and marked overturned, the reader comments again, audit and notification recorded", async () => {
    const { admin, reader, actionId, restrictionId } = await warned();
    const author = await makeUser();
    const story = await makePublishedStory(author, (await makeCommunity()).slug);
    const { id: appealId } = await createAppeal(reader, actionId, appealText);
    expect((await listOpenAppeals(admin)).map((a) => a.id)).toContain(appealId);
    await answerAppeal(admin, appealId, { decision: "OVERTURN", response: "You're right, sorry." });
    expect(await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "OVERTURNED", response: "You're right, sorry.", answeredById: admin.id });
    const restriction = await db.restriction.findUniqueOrThrow({ where: { id: restrictionId } });
    expect(restriction.liftedAt).not.toBeNull();
    expect(restriction.overturnedAt).not.toBeNull();
    await expect(createComment(await fresh(reader), story.id, { body: "Thanks!" })).resolves.toHaveProperty("id");
    expect(await db.moderationAction.findFirst({ where: { action: "APPEAL_OVERTURN", targetId: appealId } })).toMatchObject({ actorId: admin.id, subjectUserId: reader.id });
    expect(await db.notification.findFirst({ where: { userId: reader.id, kind: "APPEAL_ANSWERED" } })).toMatchObject({ href: `/moderation/${actionId}` });
    expect((await listOpenAppeals(admin)).map((a) => a.id)).not.toContain(appealId);
    await expect(answerAppeal(admin, appealId, { decision: "UPHOLD", response: "changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("overturning a suspension makes the account active again; upholding changes nothing but the answer", async () => {
    const [mod, admin, a, b] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const first = await restrictUser(mod, a.id, { kind: "SUSPENSION", reason: "Spam" });
    const second = await restrictUser(mod, b.id, { kind: "SUSPENSION", reason: "Spam" });
    const appealA = await createAppeal(await fresh(a), first.actionId, appealText);
    const appealB = await createAppeal(await fresh(b), second.actionId, appealText);
    await answerAppeal(admin, appealA.id, { decision: "OVERTURN", response: "Not spam." });
    await answerAppeal(admin, appealB.id, { decision: "UPHOLD", response: "It was spam." });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("ACTIVE");
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("SUSPENDED");
    expect((await db.restriction.findUniqueOrThrow({ where: { id: second.restrictionId } })).liftedAt).toBeNull();
    expect((await getMyModerationAction(await fresh(b), second.actionId)).appeal).toMatchObject({ status: "UPHELD", response: "It was spam." });
  });

  it("overturning a hidden comment shows it again with the count back; an unpublished story is published again; a content removal is restored", async () => {
    const [mod, admin, creator, commenter] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const community = await makeCommunity();
    const story = await makePublishedStory(creator, community.slug);
    const comment = await createComment(commenter, story.id, { body: "A sharp but fair comment" });
    // What the reports and review helpers write when they hide a comment or unpublish a story.
    const hideId = await db.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: comment.id }, data: { status: "HIDDEN", hiddenReason: "Harassment" } });
      await tx.story.update({ where: { id: story.id }, data: { commentCount: { decrement: 1 } } });
      return recordAction(tx, { actorId: mod.id, action: "COMMENT_HIDE", targetType: "COMMENT", targetId: comment.id, subjectUserId: commenter.id, reason: "Harassment" });
    });
    const unpublishId = await db.$transaction(async (tx) => {
      // A moderator's unpublish takes the story down (REMOVED), which only staff can undo.
      await tx.story.update({ where: { id: story.id }, data: { status: "REMOVED" } });
      return recordAction(tx, { actorId: mod.id, action: "STORY_UNPUBLISH", targetType: "STORY", targetId: story.id, subjectUserId: creator.id, reason: "Off-topic" });
    });
    const a1 = await createAppeal(commenter, hideId, appealText);
    const a2 = await createAppeal(creator, unpublishId, "It is on topic for this community, see its rules.");
    const r1 = await answerAppeal(admin, a1.id, { decision: "OVERTURN", response: "Fair comment." });
    const r2 = await answerAppeal(admin, a2.id, { decision: "OVERTURN", response: "On topic." });
    expect(changeTags(r1.changes)).toContain(`comments:${story.id}`);
    expect(changeTags(r2.changes)).toContain(`story:${story.id}`);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, hiddenReason: true } })).toEqual({ status: "VISIBLE", hiddenReason: null });
    expect(await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { status: true, commentCount: true } })).toEqual({ status: "PUBLISHED", commentCount: 1 });

    const removal = await restrictUser(mod, commenter.id, { kind: "CONTENT_REMOVAL", reason: "Spam" });
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).commentCount).toBe(0);
    const a3 = await createAppeal(commenter, removal.actionId, appealText);
    await answerAppeal(admin, a3.id, { decision: "OVERTURN", response: "Not spam." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true } })).toEqual({ status: "VISIBLE" });
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).commentCount).toBe(1);
  });

  it("refuses signed-out visitors, readers, moderators and the appellant; an empty answer is INVALID; nothing changes", async () => {
    const { mod, reader, actionId, restrictionId } = await warned();
    const { id: appealId } = await createAppeal(reader, actionId, appealText);
    const answer = { decision: "OVERTURN" as const, response: "ok" };
    await expect(answerAppeal(null, appealId, answer)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(answerAppeal(reader, appealId, answer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(answerAppeal(mod, appealId, answer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOpenAppeals(mod)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const suspendedAdmin = await makeUser({ role: "ADMIN", status: "SUSPENDED" });
    await expect(answerAppeal(suspendedAdmin, appealId, answer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await makeUser({ role: "ADMIN" });
    await expect(answerAppeal(admin, appealId, { decision: "OVERTURN", response: " " })).rejects.toMatchObject({ code: "INVALID" });
    await expect(answerAppeal(admin, "nope", answer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).status).toBe("OPEN");
    expect((await db.restriction.findUniqueOrThrow({ where: { id: restrictionId } })).liftedAt).toBeNull();
    expect(await db.notification.count({ where: { userId: reader.id, kind: "APPEAL_ANSWERED" } })).toBe(0);
  });
});
