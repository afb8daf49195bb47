import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment, deleteComment, editComment, listStoryComments } from "@/lib/data/comments";
import { createDraft } from "@/lib/data/stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

async function publishedStory() {
  const author = await makeUser();
  const community = await makeCommunity();
  return makePublishedStory(author, community.slug);
}

async function commentCount(storyId: string) {
  return (await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { commentCount: true } })).commentCount;
}

/** The thread as [author or placeholder, [reply authors]] pairs, easy to compare. */
async function threadShape(storyId: string) {
  const { threads } = await listStoryComments(storyId);
  return threads.map((t) => [t.status === "VISIBLE" ? t.author.name : t.status, t.replies.map((r) => (r.status === "VISIBLE" ? r.author.name : r.status))]);
}

describe("comments", () => {
  it("a signed-in reader comments; it is listed oldest first and the story's count follows", async () => {
    const story = await publishedStory();
    const [ana, ben] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" })]);
    await createComment(ana, story.id, { body: "First, *lovely*." });
    await createComment(ben, story.id, { body: "Second." });
    const { count, threads } = await listStoryComments(story.id);
    expect(threads.map((c) => c.status === "VISIBLE" && [c.author.name, c.bodyHtml])).toEqual([
      ["Ana", "<p>First, <em>lovely</em>.</p>"],
      ["Ben", "<p>Second.</p>"],
    ]);
    expect(count).toBe(2);
    expect(await commentCount(story.id)).toBe(2);
  });

  it("refuses a signed-out visitor and a suspended user, adding nothing", async () => {
    const story = await publishedStory();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(createComment(null, story.id, { body: "Hello" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createComment(suspended, story.id, { body: "Hello" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.comment.count({ where: { storyId: story.id } })).toBe(0);
    expect(await commentCount(story.id)).toBe(0);
  });

  it("refuses comments on a draft", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(createComment(author, id, { body: "Hello" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.comment.count({ where: { storyId: id } })).toBe(0);
  });

  it("refuses comments, replies and edits when the story has comments turned off", async () => {
    const story = await publishedStory();
    const reader = await makeUser();
    const { id } = await createComment(reader, story.id, { body: "Before they closed." });
    await db.story.update({ where: { id: story.id }, data: { commentsEnabled: false } });
    const closed = { code: "FORBIDDEN", message: "Comments are turned off for this story." };
    await expect(createComment(reader, story.id, { body: "Hello" })).rejects.toMatchObject(closed);
    await expect(createComment(reader, story.id, { body: "Hello", parentId: id })).rejects.toMatchObject(closed);
    await expect(editComment(reader, id, { body: "Changed" })).rejects.toMatchObject(closed);
    expect(await db.comment.findMany({ where: { storyId: story.id }, select: { body: true } })).toEqual([{ body: "Before they closed." }]);
    expect(await commentCount(story.id)).toBe(1);
  });

  it("strips scripts and unsafe links from comments", async () => {
    const story = await publishedStory();
    const reader = await makeUser();
    await createComment(reader, story.id, { body: '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick="x()">hi</b> [ok](https://example.org)' });
    const [comment] = (await listStoryComments(story.id)).threads;
    expect(comment.status === "VISIBLE" && comment.bodyHtml).not.toMatch(/<script|javascript:|onclick/i);
    expect(comment.status === "VISIBLE" && comment.bodyHtml).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer">ok</a>');
  });

  it("threads replies under their comment, oldest first, and counts them", async () => {
    const story = await publishedStory();
    const [ana, ben, cy] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" }), makeUser({ name: "Cy" })]);
    const first = await createComment(ana, story.id, { body: "First." });
    const second = await createComment(ben, story.id, { body: "Second." });
    await createComment(cy, story.id, { body: "Reply to Ana.", parentId: first.id });
    await createComment(ben, story.id, { body: "Another reply to Ana.", parentId: first.id });
    await createComment(ana, story.id, { body: "Reply to Ben.", parentId: second.id });
    expect(await threadShape(story.id)).toEqual([
      ["Ana", ["Cy", "Ben"]],
      ["Ben", ["Ana"]],
    ]);
    expect((await listStoryComments(story.id)).count).toBe(5);
    expect(await commentCount(story.id)).toBe(5);
  });

  it("a reply to a reply joins its top-level comment's thread", async () => {
    const story = await publishedStory();
    const [ana, ben, cy] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" }), makeUser({ name: "Cy" })]);
    const top = await createComment(ana, story.id, { body: "Top." });
    const reply = await createComment(ben, story.id, { body: "Reply.", parentId: top.id });
    const nested = await createComment(cy, story.id, { body: "Reply to the reply.", parentId: reply.id });
    expect(await db.comment.findUniqueOrThrow({ where: { id: nested.id }, select: { parentId: true } })).toEqual({ parentId: top.id });
    expect(await threadShape(story.id)).toEqual([["Ana", ["Ben", "Cy"]]]);
  });

  it("refuses a reply to a comment on another story, or to one that was deleted", async () => {
    const [story, other] = await Promise.all([publishedStory(), publishedStory()]);
    const reader = await makeUser();
    const elsewhere = await createComment(reader, other.id, { body: "On the other story." });
    await expect(createComment(reader, story.id, { body: "Sneaky.", parentId: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const gone = await createComment(reader, story.id, { body: "Soon gone." });
    await deleteComment(reader, gone.id);
    await expect(createComment(reader, story.id, { body: "Too late.", parentId: gone.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.comment.count({ where: { storyId: story.id } })).toBe(1);
    expect(await commentCount(story.id)).toBe(0);
  });

  it("the author edits their comment: new sanitized HTML, marked edited", async () => {
    const story = await publishedStory();
    const reader = await makeUser();
    const { id } = await createComment(reader, story.id, { body: "Frist." });
    expect((await listStoryComments(story.id)).threads[0]).toMatchObject({ editedAt: null });
    await expect(editComment(reader, id, { body: "First, **fixed**. <script>alert(1)</script>" })).resolves.toEqual({ storyId: story.id });
    const [comment] = (await listStoryComments(story.id)).threads;
    expect(comment).toMatchObject({ body: "First, **fixed**. <script>alert(1)</script>", editedAt: expect.any(Date) });
    expect(comment.status === "VISIBLE" && comment.bodyHtml).toMatch(/^<p>First, <strong>fixed<\/strong>\./);
    expect(comment.status === "VISIBLE" && comment.bodyHtml).not.toMatch(/<script/);
    expect(await commentCount(story.id)).toBe(1);
  });

  it("refuses to edit or delete someone else's comment as not found, changing nothing", async () => {
    const story = await publishedStory();
    const [owner, other, moderator] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "MODERATOR" })]);
    const { id } = await createComment(owner, story.id, { body: "Mine." });
    for (const viewer of [other, moderator]) {
      await expect(editComment(viewer, id, { body: "Yours now." })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteComment(viewer, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(editComment(null, id, { body: "Anonymous." })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(deleteComment(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.comment.findUniqueOrThrow({ where: { id }, select: { body: true, status: true, editedAt: true } })).toEqual({ body: "Mine.", status: "VISIBLE", editedAt: null });
    expect(await commentCount(story.id)).toBe(1);
  });

  it("the author deletes their comment: without replies it disappears, and a second delete counts nothing", async () => {
    const story = await publishedStory();
    const reader = await makeUser({ name: "Ana" });
    const keep = await createComment(reader, story.id, { body: "Keep." });
    const drop = await createComment(reader, story.id, { body: "Drop." });
    await expect(deleteComment(reader, drop.id)).resolves.toEqual({ storyId: story.id });
    await expect(deleteComment(reader, drop.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(editComment(reader, drop.id, { body: "Back?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { count, threads } = await listStoryComments(story.id);
    expect(threads.map((t) => t.id)).toEqual([keep.id]);
    expect(count).toBe(1);
    expect(await commentCount(story.id)).toBe(1);
  });

  it("a deleted comment with replies stays as a placeholder with no author or text, until its replies go", async () => {
    const story = await publishedStory();
    const [ana, ben] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" })]);
    const top = await createComment(ana, story.id, { body: "A secret opinion." });
    const reply = await createComment(ben, story.id, { body: "A reply." });
    const answer = await createComment(ben, story.id, { body: "An answer.", parentId: top.id });
    await deleteComment(ana, top.id);

    const listing = await listStoryComments(story.id);
    expect(await threadShape(story.id)).toEqual([
      ["DELETED", ["Ben"]],
      ["Ben", []],
    ]);
    expect(listing.threads[0]).toEqual({ id: top.id, status: "DELETED", createdAt: expect.any(Date), replies: [expect.objectContaining({ id: answer.id })] });
    expect(JSON.stringify(listing)).not.toContain("secret");
    expect(listing.count).toBe(2);
    expect(await commentCount(story.id)).toBe(2);

    await deleteComment(ben, answer.id);
    expect((await listStoryComments(story.id)).threads.map((t) => t.id)).toEqual([reply.id]);
    expect(await commentCount(story.id)).toBe(1);
  });

  it("a hidden comment shows as a placeholder, never its text, and keeps its replies' place", async () => {
    const story = await publishedStory();
    const [ana, ben] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" })]);
    const hiddenAlone = await createComment(ana, story.id, { body: "Hidden, alone." });
    const hiddenWithReply = await createComment(ana, story.id, { body: "Hidden, answered." });
    await createComment(ben, story.id, { body: "Answer.", parentId: hiddenWithReply.id });
    await db.comment.updateMany({ where: { id: { in: [hiddenAlone.id, hiddenWithReply.id] } }, data: { status: "HIDDEN" } });
    const listing = await listStoryComments(story.id);
    expect(await threadShape(story.id)).toEqual([
      ["HIDDEN", []],
      ["HIDDEN", ["Ben"]],
    ]);
    expect(JSON.stringify(listing)).not.toContain("Hidden,");
    expect(listing.count).toBe(1);
  });

  it("keeps the count right when many readers post at once", async () => {
    const story = await publishedStory();
    const readers = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    await Promise.all(Array.from({ length: 20 }, (_, i) => createComment(readers[i % readers.length], story.id, { body: `Comment ${i}` })));
    expect(await commentCount(story.id)).toBe(20);
    expect((await listStoryComments(story.id)).count).toBe(20);
  });
});

// createComment writes comments that arrive together in one transaction (lib/data/batch.ts):
// each caller must still get its own answer, and the counts and limits must come out exact.
describe("comments posted at the same moment", () => {
  it("each is answered on its own: accepted ones are stored and counted, refused ones write nothing", async () => {
    const [open, closed] = await Promise.all([publishedStory(), publishedStory()]);
    await db.story.update({ where: { id: closed.id }, data: { commentsEnabled: false } });
    const elsewhere = await createComment(await makeUser(), closed.id, { body: "Before it closed." }).catch(() => null);
    expect(elsewhere).toBeNull();
    const first = await createComment(await makeUser({ name: "Olu" }), open.id, { body: "The first." });
    const readers = await Promise.all(Array.from({ length: 12 }, (_, i) => makeUser({ name: `Reader ${i}` })));
    const attempts = [
      ...readers.slice(0, 8).map((r, i) => createComment(r, open.id, { body: `Together ${i}` })),
      createComment(readers[8], closed.id, { body: "Comments are off here." }),
      createComment(readers[9], open.id, { body: "A reply.", parentId: first.id }),
      createComment(readers[10], open.id, { body: "A reply to nothing.", parentId: "no-such-comment" }),
      createComment(readers[11], open.id, { body: "https://a.example https://b.example https://c.example" }),
    ];
    const results = await Promise.allSettled(attempts);
    const outcome = (r: PromiseSettledResult<{ id: string }>) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code);
    expect(results.map(outcome)).toEqual([...Array(8).fill("ok"), "FORBIDDEN", "ok", "NOT_FOUND", "INVALID"]);
    const ids = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    expect(new Set(ids).size).toBe(9);
    const stored = await db.comment.findMany({ where: { id: { in: ids } }, select: { id: true, body: true, authorId: true, parentId: true } });
    const byId = new Map(stored.map((c) => [c.id, c]));
    results.forEach((r, i) => {
      if (r.status !== "fulfilled") return;
      const expected = i < 8 ? { body: `Together ${i}`, authorId: readers[i].id, parentId: null } : { body: "A reply.", authorId: readers[9].id, parentId: first.id };
      expect(byId.get(r.value.id), `comment ${i}`).toMatchObject(expected);
    });
    expect(await commentCount(open.id)).toBe(10);
    expect(await db.comment.count({ where: { storyId: closed.id } })).toBe(0);
    expect(await commentCount(closed.id)).toBe(0);
    // The creator hears about each; Olu hears about the reply.
    const { authorId } = await db.story.findUniqueOrThrow({ where: { id: open.id }, select: { authorId: true } });
    expect(await db.notification.count({ where: { userId: authorId, kind: "NEW_COMMENT" } })).toBe(10);
    expect(await db.notification.count({ where: { kind: "REPLY", user: { name: "Olu" } } })).toBe(1);
  });

  it("limits hold exactly when one person's comments arrive together: a new account gets 10 of 12", async () => {
    const story = await publishedStory();
    const newcomer = await makeUser();
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => createComment(newcomer, story.id, { body: `Burst ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect(await commentCount(story.id)).toBe(10);
    expect(await db.comment.count({ where: { storyId: story.id } })).toBe(10);
  });

  it("one comment the database refuses does not take the others with it", async () => {
    const story = await publishedStory();
    const [gone, ...readers] = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    // The account is deleted after its request was let in: its insert fails on the foreign key.
    await db.user.delete({ where: { id: gone.id } });
    const results = await Promise.allSettled([...readers.map((r, i) => createComment(r, story.id, { body: `Still here ${i}` })), createComment(gone, story.id, { body: "From a deleted account." })]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected"]);
    expect(await commentCount(story.id)).toBe(3);
    expect((await db.comment.findMany({ where: { storyId: story.id }, select: { body: true }, orderBy: { body: "asc" } })).map((c) => c.body)).toEqual(["Still here 0", "Still here 1", "Still here 2"]);
  });
});

describe("a long conversation, a page at a time", () => {
  it("shows the latest 30 threads oldest first with their replies, and pages back through the rest by cursor", async () => {
    const story = await publishedStory();
    const readers = await Promise.all([makeUser(), makeUser()]);
    // Staff skip the spam limits; 35 top-level comments need more than a new account's 10.
    const mod = await makeUser({ role: "MODERATOR" });
    const ids: string[] = [];
    for (let i = 0; i < 35; i++) ids.push((await createComment(mod, story.id, { body: `Top ${i}` })).id);
    await createComment(readers[0], story.id, { body: "Reply to 2", parentId: ids[2] });
    await createComment(readers[1], story.id, { body: "Reply to 34", parentId: ids[34] });
    // Comment 3 deleted with no replies: gone; comment 2's place is kept for its reply.
    await db.comment.update({ where: { id: ids[3] }, data: { status: "DELETED" } });
    await db.comment.update({ where: { id: ids[2] }, data: { status: "DELETED" } });

    const latest = await listStoryComments(story.id);
    const label = (t: { status: string; replies: unknown[] } & Partial<{ body: string }>) => (t.status === "VISIBLE" ? t.body : t.status);
    expect(latest.threads.map(label)).toEqual(Array.from({ length: 30 }, (_, i) => `Top ${i + 5}`));
    expect(latest.threads.at(-1)!.replies.map((r) => (r.status === "VISIBLE" ? r.body : r.status))).toEqual(["Reply to 34"]);
    expect(latest.count).toBe(35 - 2 + 2);
    expect(latest.earlier).toBe(ids[5]);

    const earlier = await listStoryComments(story.id, { before: latest.earlier! });
    expect(earlier.threads.map(label)).toEqual(["Top 0", "Top 1", "DELETED", "Top 4"]);
    expect(earlier.threads[2].replies.map((r) => (r.status === "VISIBLE" ? r.body : r.status))).toEqual(["Reply to 2"]);
    expect(earlier.earlier).toBeNull();
    // A cursor that names no thread of this story shows nothing.
    expect((await listStoryComments(story.id, { before: "not-a-thread" })).threads).toEqual([]);
  });
});
