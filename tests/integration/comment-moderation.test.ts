import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment, deleteComment, editComment, listStoryComments } from "@/lib/data/comments";
import { getMyCommentsState, hideComment, hideCommentInTx, removeComment, restoreComment, setCommentsEnabled, setThreadLocked } from "@/lib/data/comment-moderation";
import { moderatorUnpublishStory } from "@/lib/data/story-moderation";
import { listPublishedStories } from "@/lib/data/public-stories";
import { searchStories } from "@/lib/data/search";
import { findViewer } from "@/lib/data/users";
import type { RestrictionKind, Viewer } from "@/lib/auth/permissions";
import { createDraft } from "@/lib/data/stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

/** A reader with a restriction in force (re-read, as the session would). */
async function restricted(kind: RestrictionKind, role: Viewer["role"] = "READER") {
  const user = await makeUser({ role });
  await db.restriction.create({ data: { userId: user.id, kind, reason: `Test ${kind}`, createdById: user.id } });
  return (await findViewer(user.id))!;
}

/** A story by its creator with one comment by a reader, and everyone the tests need. */
async function scene() {
  const community = await makeCommunity();
  const [creator, otherCreator, author, reader, moderator, admin] = await Promise.all([
    makeUser({ name: "Cleo Creator" }),
    makeUser({ name: "Otto Other" }),
    makeUser({ name: "Ana Author" }),
    makeUser({ name: "Rae Reader" }),
    makeUser({ role: "MODERATOR" }),
    makeUser({ role: "ADMIN" }),
  ]);
  const story = await makePublishedStory(creator, community.slug, { title: `Moderated ${community.slug}` });
  const comment = await createComment(author, story.id, { body: "A rude remark about kettles." });
  return { community, creator, otherCreator, author, reader, moderator, admin, story, comment };
}

async function commentCount(storyId: string) {
  return (await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { commentCount: true } })).commentCount;
}
async function commentRow(id: string) {
  return db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, hiddenReason: true, hiddenByCreator: true } });
}
async function auditFor(targetId: string) {
  return db.moderationAction.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { id: true, action: true, actorId: true, subjectUserId: true, reason: true } });
}
/** Moderation notifications only (new comments on one's own story notify the creator too). */
async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId, kind: { notIn: ["NEW_COMMENT", "REPLY"] } }, orderBy: { createdAt: "asc" }, select: { kind: true, message: true, href: true } });
}

describe("hideComment", () => {
  it("a moderator or an admin hides any comment: placeholder, exact count, audit and notification", async () => {
    for (const role of ["moderator", "admin"] as const) {
      const s = await scene();
      const { actionId } = await hideComment(s[role], s.comment.id, "Personal attack");
      expect(await commentRow(s.comment.id)).toEqual({ status: "HIDDEN", hiddenReason: "Personal attack", hiddenByCreator: false });
      expect(await commentCount(s.story.id)).toBe(0);
      expect(await auditFor(s.comment.id)).toEqual([{ id: actionId, action: "COMMENT_HIDE", actorId: s[role].id, subjectUserId: s.author.id, reason: "Personal attack" }]);
      expect(await notificationsOf(s.author.id)).toEqual([{ kind: "COMMENT_HIDDEN", message: expect.stringContaining("Personal attack"), href: `/moderation/${actionId}` }]);
      const listing = await listStoryComments(s.story.id);
      expect(listing.threads).toEqual([{ id: s.comment.id, status: "HIDDEN", hiddenBy: "MODERATOR", createdAt: expect.any(Date), replies: [] }]);
      expect(JSON.stringify(listing)).not.toContain("kettles");
      expect(listing.count).toBe(0);
    }
  });

  it("the story's creator hides a comment on their own story (marked as theirs); replies stay", async () => {
    const s = await scene();
    const reply = await createComment(s.reader, s.story.id, { body: "Steady on.", parentId: s.comment.id });
    await hideComment(s.creator, s.comment.id, "Off topic");
    expect(await commentRow(s.comment.id)).toMatchObject({ status: "HIDDEN", hiddenByCreator: true });
    const { threads, count } = await listStoryComments(s.story.id);
    expect(threads).toEqual([{ id: s.comment.id, status: "HIDDEN", hiddenBy: "CREATOR", createdAt: expect.any(Date), replies: [expect.objectContaining({ id: reply.id, status: "VISIBLE" })] }]);
    expect(count).toBe(1);
    expect(await commentCount(s.story.id)).toBe(1);
  });

  it("a hidden reply keeps its place under its comment as a placeholder", async () => {
    const s = await scene();
    const first = await createComment(s.reader, s.story.id, { body: "Reply one.", parentId: s.comment.id });
    const second = await createComment(s.reader, s.story.id, { body: "Reply two, nasty.", parentId: s.comment.id });
    await hideComment(s.moderator, second.id, "Rude");
    const { threads, count } = await listStoryComments(s.story.id);
    expect(threads[0].replies).toEqual([expect.objectContaining({ id: first.id, status: "VISIBLE" }), { id: second.id, status: "HIDDEN", hiddenBy: "MODERATOR", createdAt: expect.any(Date) }]);
    expect(JSON.stringify(threads)).not.toContain("nasty");
    expect(count).toBe(2);
    expect(await commentCount(s.story.id)).toBe(2);
  });

  it("a COMMENT_BAN creator may still hide comments on their own story (it is not commenting)", async () => {
    const community = await makeCommunity();
    const banned = await restricted("COMMENT_BAN");
    const story = await makePublishedStory(banned, community.slug);
    const reader = await makeUser();
    const comment = await createComment(reader, story.id, { body: "Spam spam." });
    await hideComment(banned, comment.id, "Spam");
    expect((await commentRow(comment.id)).status).toBe("HIDDEN");
  });

  it("refuses everyone else and changes nothing", async () => {
    const s = await scene();
    const suspendedModerator = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    const commentBanned = await restricted("COMMENT_BAN");
    const cases: [Viewer | null, string][] = [
      [null, "UNAUTHENTICATED"],
      [s.reader, "FORBIDDEN"],
      [s.author, "FORBIDDEN"],
      [s.otherCreator, "FORBIDDEN"],
      [commentBanned, "FORBIDDEN"],
      [suspendedModerator, "FORBIDDEN"],
    ];
    for (const [viewer, code] of cases) await expect(hideComment(viewer, s.comment.id, "No")).rejects.toMatchObject({ code });
    // A suspended creator loses their own story's controls too.
    await db.restriction.create({ data: { userId: s.creator.id, kind: "SUSPENSION", reason: "Spam", createdById: s.moderator.id } });
    await expect(hideComment(await findViewer(s.creator.id), s.comment.id, "No")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await commentRow(s.comment.id)).toEqual({ status: "VISIBLE", hiddenReason: null, hiddenByCreator: false });
    expect(await commentCount(s.story.id)).toBe(1);
    expect(await auditFor(s.comment.id)).toEqual([]);
    expect(await notificationsOf(s.author.id)).toEqual([]);
  });

  it("a second hide is a conflict and counts once", async () => {
    const s = await scene();
    await hideComment(s.moderator, s.comment.id, "First");
    await expect(hideComment(s.admin, s.comment.id, "Second")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(hideComment(s.creator, s.comment.id, "Third")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await commentCount(s.story.id)).toBe(0);
    expect((await auditFor(s.comment.id)).map((a) => a.reason)).toEqual(["First"]);
    expect(await commentRow(s.comment.id)).toMatchObject({ hiddenReason: "First", hiddenByCreator: false });
  });

  it("two moderators hiding at once count once", async () => {
    const s = await scene();
    const results = await Promise.allSettled([hideComment(s.moderator, s.comment.id, "A"), hideComment(s.admin, s.comment.id, "B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await commentCount(s.story.id)).toBe(0);
    expect(await auditFor(s.comment.id)).toHaveLength(1);
  });

  it("the audit entry, the notification and the hide commit or fail together", async () => {
    const s = await scene();
    const full = await db.comment.findUniqueOrThrow({ where: { id: s.comment.id }, select: { id: true, authorId: true, storyId: true, story: { select: { title: true } } } });
    await expect(
      db.$transaction(async (tx) => {
        await hideCommentInTx(tx, s.moderator.id, full, "Rolled back", false);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await commentRow(s.comment.id)).toMatchObject({ status: "VISIBLE" });
    expect(await commentCount(s.story.id)).toBe(1);
    expect(await auditFor(s.comment.id)).toEqual([]);
    expect(await notificationsOf(s.author.id)).toEqual([]);
  });
});

describe("what the comment's author sees", () => {
  it("their own hidden comment's text, reason and audit entry; nobody else gets it", async () => {
    const s = await scene();
    const { actionId } = await hideComment(s.moderator, s.comment.id, "Be kind");
    expect(await getMyCommentsState(s.author, s.story.id)).toEqual({
      isCreator: false,
      mayModerate: false,
      commentsEnabled: true,
      commentsLocked: false,
      hidden: [{ id: s.comment.id, bodyHtml: expect.stringContaining("kettles"), hiddenBy: "MODERATOR", reason: "Be kind", actionId }],
    });
    expect((await getMyCommentsState(s.reader, s.story.id)).hidden).toEqual([]);
    expect(await getMyCommentsState(s.creator, s.story.id)).toMatchObject({ isCreator: true, mayModerate: false, hidden: [] });
    expect(await getMyCommentsState(s.moderator, s.story.id)).toMatchObject({ isCreator: false, mayModerate: true });
    await expect(getMyCommentsState(null, s.story.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is not found for a story that isn't public, exactly like an id that doesn't exist (a draft's existence never shows)", async () => {
    const s = await scene();
    const draft = await createDraft(s.creator, storyInput(s.community.slug, { title: "Secret draft" }));
    const missing = await getMyCommentsState(s.reader, "cnosuchstory00000000000000").catch((e) => e);
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    for (const viewer of [s.reader, s.creator]) {
      const refused = await getMyCommentsState(viewer, draft.id).catch((e) => e);
      expect(refused).toMatchObject({ code: "NOT_FOUND", message: missing.message });
    }
    await moderatorUnpublishStory(s.moderator, s.story.id, "Off topic");
    await expect(getMyCommentsState(s.author, s.story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("restoreComment", () => {
  it("a moderator restores any hidden comment: back in the thread and the count, audited, author told", async () => {
    const s = await scene();
    await hideComment(s.creator, s.comment.id, "Off topic");
    const { actionId } = await restoreComment(s.moderator, s.comment.id);
    expect(await commentRow(s.comment.id)).toEqual({ status: "VISIBLE", hiddenReason: null, hiddenByCreator: false });
    expect(await commentCount(s.story.id)).toBe(1);
    expect((await auditFor(s.comment.id)).map((a) => a.action)).toEqual(["COMMENT_HIDE", "COMMENT_RESTORE"]);
    expect((await notificationsOf(s.author.id)).at(-1)).toEqual({ kind: "COMMENT_HIDDEN", message: expect.stringContaining("visible again"), href: `/moderation/${actionId}` });
    expect((await listStoryComments(s.story.id)).threads).toEqual([expect.objectContaining({ id: s.comment.id, status: "VISIBLE" })]);
    await expect(restoreComment(s.moderator, s.comment.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await commentCount(s.story.id)).toBe(1);
  });

  it("the creator restores only what they hid themselves", async () => {
    const s = await scene();
    await hideComment(s.creator, s.comment.id, "Oops");
    await restoreComment(s.creator, s.comment.id);
    expect((await commentRow(s.comment.id)).status).toBe("VISIBLE");
    await hideComment(s.moderator, s.comment.id, "Harassment");
    await expect(restoreComment(s.creator, s.comment.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await commentRow(s.comment.id)).toMatchObject({ status: "HIDDEN", hiddenReason: "Harassment" });
    expect(await commentCount(s.story.id)).toBe(0);
  });

  it("refuses the author, readers, other creators, the signed-out and the suspended, changing nothing", async () => {
    const s = await scene();
    await hideComment(s.moderator, s.comment.id, "Rude");
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    for (const viewer of [null, s.author, s.reader, s.otherCreator, suspended]) await expect(restoreComment(viewer, s.comment.id)).rejects.toBeTruthy();
    expect((await commentRow(s.comment.id)).status).toBe("HIDDEN");
    expect(await commentCount(s.story.id)).toBe(0);
    expect(await auditFor(s.comment.id)).toHaveLength(1);
  });
});

describe("removeComment", () => {
  it("moderators remove a visible comment or a hidden one, and the count drops once", async () => {
    const s = await scene();
    const second = await createComment(s.reader, s.story.id, { body: "Another." });
    await removeComment(s.moderator, s.comment.id, "Doxxing");
    expect(await commentRow(s.comment.id)).toMatchObject({ status: "DELETED" });
    expect(await commentCount(s.story.id)).toBe(1);
    await hideComment(s.admin, second.id, "Spam");
    await removeComment(s.admin, second.id, "Spam, for good");
    expect(await commentCount(s.story.id)).toBe(0);
    await expect(removeComment(s.admin, second.id, "Again")).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await auditFor(second.id)).map((a) => a.action)).toEqual(["COMMENT_HIDE", "COMMENT_DELETE"]);
    expect((await listStoryComments(s.story.id)).threads).toEqual([]);
    expect((await notificationsOf(s.author.id)).at(-1)).toMatchObject({ message: expect.stringContaining("Doxxing") });
  });

  it("refuses the story's creator, the author, readers, the signed-out and a suspended moderator", async () => {
    const s = await scene();
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    const cases: [Viewer | null, string][] = [[null, "UNAUTHENTICATED"], [s.creator, "FORBIDDEN"], [s.author, "FORBIDDEN"], [s.reader, "FORBIDDEN"], [suspended, "FORBIDDEN"]];
    for (const [viewer, code] of cases) await expect(removeComment(viewer, s.comment.id, "No")).rejects.toMatchObject({ code });
    expect((await commentRow(s.comment.id)).status).toBe("VISIBLE");
    expect(await commentCount(s.story.id)).toBe(1);
    expect(await auditFor(s.comment.id)).toEqual([]);
  });
});

describe("thread lock", () => {
  it("a moderator locks: no new comments, replies or edits; existing ones stay; authors may still delete; unlock reopens", async () => {
    const s = await scene();
    await setThreadLocked(s.moderator, s.story.id, true, "Heated");
    const locked = { code: "FORBIDDEN", message: "This conversation is locked." };
    await expect(createComment(s.reader, s.story.id, { body: "Hello" })).rejects.toMatchObject(locked);
    await expect(createComment(s.reader, s.story.id, { body: "Hi", parentId: s.comment.id })).rejects.toMatchObject(locked);
    await expect(editComment(s.author, s.comment.id, { body: "Nicer" })).rejects.toMatchObject(locked);
    expect((await listStoryComments(s.story.id)).threads).toHaveLength(1);
    await expect(setThreadLocked(s.admin, s.story.id, true, "Again")).rejects.toMatchObject({ code: "CONFLICT" });
    await setThreadLocked(s.admin, s.story.id, false, "Calmer now");
    expect((await auditFor(s.story.id)).map((a) => [a.action, a.reason, a.subjectUserId])).toEqual([
      ["THREAD_LOCK", "Heated", s.creator.id],
      ["THREAD_UNLOCK", "Calmer now", s.creator.id],
    ]);
    await createComment(s.reader, s.story.id, { body: "Open again." });
    await setThreadLocked(s.moderator, s.story.id, true, "Heated again");
    await deleteComment(s.author, s.comment.id);
    expect(await commentCount(s.story.id)).toBe(1);
  });

  it("refuses the creator, readers, the signed-out and suspended staff, changing nothing", async () => {
    const s = await scene();
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    for (const viewer of [null, s.creator, s.reader, s.author, suspended]) await expect(setThreadLocked(viewer, s.story.id, true, "No")).rejects.toBeTruthy();
    expect((await db.story.findUniqueOrThrow({ where: { id: s.story.id } })).commentsLocked).toBe(false);
    expect(await auditFor(s.story.id)).toEqual([]);
  });
});

describe("comments on/off", () => {
  it("the creator turns comments off and on again; the data layer refuses comments meanwhile", async () => {
    const s = await scene();
    await setCommentsEnabled(s.creator, s.story.id, false);
    await expect(createComment(s.reader, s.story.id, { body: "Hello" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Comments are turned off for this story." });
    await setCommentsEnabled(s.creator, s.story.id, true);
    await createComment(s.reader, s.story.id, { body: "Hello" });
    expect(await commentCount(s.story.id)).toBe(2);
  });

  it("nobody else can: another creator and staff get NOT_FOUND, the signed-out and suspended are refused", async () => {
    const s = await scene();
    await expect(setCommentsEnabled(null, s.story.id, false)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const viewer of [s.otherCreator, s.moderator, s.admin, s.author]) await expect(setCommentsEnabled(viewer, s.story.id, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.restriction.create({ data: { userId: s.creator.id, kind: "SUSPENSION", reason: "Spam", createdById: s.moderator.id } });
    await expect(setCommentsEnabled(await findViewer(s.creator.id), s.story.id, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.story.findUniqueOrThrow({ where: { id: s.story.id } })).commentsEnabled).toBe(true);
  });
});

describe("moderatorUnpublishStory", () => {
  it("takes the story off every public read at once, audited, the creator told", async () => {
    const s = await scene();
    const word = `zebra${s.community.slug.replace(/\W/g, "")}`;
    const story = await makePublishedStory(s.creator, s.community.slug, { title: `The ${word} story` });
    expect((await listPublishedStories({ communitySlug: s.community.slug })).items.map((i) => i.id)).toContain(story.id);
    expect((await searchStories({ q: word })).items.map((i) => i.id)).toEqual([story.id]);
    const result = await moderatorUnpublishStory(s.moderator, story.id, "Plagiarised");
    expect(result).toMatchObject({ id: story.id, href: story.href, authorId: s.creator.id });
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("REMOVED");
    expect((await listPublishedStories({ communitySlug: s.community.slug })).items.map((i) => i.id)).not.toContain(story.id);
    expect((await listPublishedStories({ authorHandle: s.creator.handle })).items.map((i) => i.id)).not.toContain(story.id);
    expect((await searchStories({ q: word })).items).toEqual([]);
    expect(await auditFor(story.id)).toEqual([{ id: result.actionId, action: "STORY_UNPUBLISH", actorId: s.moderator.id, subjectUserId: s.creator.id, reason: "Plagiarised" }]);
    expect(await notificationsOf(s.creator.id)).toEqual([{ kind: "STORY_UNPUBLISHED", message: expect.stringContaining("Plagiarised"), href: `/moderation/${result.actionId}` }]);
    await expect(moderatorUnpublishStory(s.admin, story.id, "Again")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditFor(story.id)).toHaveLength(1);
  });

  it("refuses the creator, readers, the signed-out and suspended staff, changing nothing", async () => {
    const s = await scene();
    const suspended = await makeUser({ role: "MODERATOR", status: "SUSPENDED" });
    const cases: [Viewer | null, string][] = [[null, "UNAUTHENTICATED"], [s.creator, "FORBIDDEN"], [s.reader, "FORBIDDEN"], [s.otherCreator, "FORBIDDEN"], [suspended, "FORBIDDEN"]];
    for (const [viewer, code] of cases) await expect(moderatorUnpublishStory(viewer, s.story.id, "No")).rejects.toMatchObject({ code });
    expect((await db.story.findUniqueOrThrow({ where: { id: s.story.id } })).status).toBe("PUBLISHED");
    expect(await auditFor(s.story.id)).toEqual([]);
    expect(await notificationsOf(s.creator.id)).toEqual([]);
  });
});
