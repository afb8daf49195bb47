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
