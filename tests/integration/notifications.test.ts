import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/data/comments";
import { countMyUnreadNotifications, listMyNotifications, markMyNotificationsRead } from "@/lib/data/notifications";
import { restrictUser } from "@/lib/data/restrictions";
import { findViewer } from "@/lib/data/users";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

describe("comment notifications", () => {
  it("a comment tells the story's creator; a reply tells the comment's author (and the creator); nobody hears about their own", async () => {
    const [creator, ana, ben] = await Promise.all([makeUser({ name: "Cleo Creator" }), makeUser({ name: "Ana" }), makeUser({ name: "Ben" })]);
    const story = await makePublishedStory(creator, (await makeCommunity()).slug, { title: "River walk" });
    const top = await createComment(ana, story.id, { body: "Lovely." });
    await createComment(ben, story.id, { body: "Agreed.", parentId: top.id });
    await createComment(creator, story.id, { body: "Thanks both!", parentId: top.id });
    const kinds = async (userId: string) => (await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, message: true, href: true } }));
    const forCreator = await kinds(creator.id);
    expect(forCreator.map((n) => n.kind)).toEqual(["NEW_COMMENT", "NEW_COMMENT"]);
    expect(forCreator[0]).toMatchObject({ message: "Ana commented on “River walk”.", href: `${story.href}#comments-heading` });
    expect((await kinds(ana.id)).map((n) => [n.kind, n.message])).toEqual([
      ["REPLY", "Ben replied to your comment on “River walk”."],
      ["REPLY", "Cleo Creator replied to your comment on “River walk”."],
    ]);
    expect(await kinds(ben.id)).toEqual([]);
  });

  it("a refused comment notifies nobody", async () => {
    const [creator, banned] = await Promise.all([makeUser(), makeUser({ status: "SUSPENDED" })]);
    const story = await makePublishedStory(creator, (await makeCommunity()).slug);
    await expect(createComment(banned, story.id, { body: "hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createComment(null, story.id, { body: "hi" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.notification.count({ where: { userId: creator.id } })).toBe(0);
  });
});

describe("listMyNotifications / markMyNotificationsRead", () => {
  it("newest first with a cursor; marking read is the owner's own; a suspended user still reads theirs", async () => {
    const [mod, reader, other] = await Promise.all([makeUser({ role: "MODERATOR" }), makeUser(), makeUser()]);
    await restrictUser(mod, reader.id, { kind: "WARNING", reason: "first" });
    await restrictUser(mod, reader.id, { kind: "SUSPENSION", reason: "second" });
    const suspended = (await findViewer(reader.id))!;
    const page1 = await listMyNotifications(suspended, { limit: 1 });
    expect(page1.unread).toBe(2);
    expect(page1.items[0].message).toContain("second");
    const page2 = await listMyNotifications(suspended, { limit: 1, cursor: page1.nextCursor! });
    expect(page2.items[0].message).toContain("first");
    expect(page2.nextCursor).toBeNull();
    // Someone else's ids change nothing.
    await markMyNotificationsRead(other, [page1.items[0].id]);
    expect(await countMyUnreadNotifications(suspended)).toBe(2);
    await markMyNotificationsRead(suspended, [page1.items[0].id]);
    expect(await countMyUnreadNotifications(suspended)).toBe(1);
    await expect(listMyNotifications(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(markMyNotificationsRead(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listMyNotifications(other)).items).toEqual([]);
  });
});
