import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment, listStoryComments } from "@/lib/data/comments";
import { createDraft } from "@/lib/data/stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

async function publishedStory() {
  const author = await makeUser();
  const community = await makeCommunity();
  return makePublishedStory(author, community.slug);
}

describe("comments", () => {
  it("a signed-in reader comments; it is listed oldest first and the story's count follows", async () => {
    const story = await publishedStory();
    const [ana, ben] = await Promise.all([makeUser({ name: "Ana" }), makeUser({ name: "Ben" })]);
    await createComment(ana, story.id, { body: "First, *lovely*." });
    await createComment(ben, story.id, { body: "Second." });
    const comments = await listStoryComments(story.id);
    expect(comments.map((c) => [c.author.name, c.bodyHtml])).toEqual([
      ["Ana", "<p>First, <em>lovely</em>.</p>"],
      ["Ben", "<p>Second.</p>"],
    ]);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).commentCount).toBe(2);
  });

  it("refuses a signed-out visitor and a suspended user, adding nothing", async () => {
    const story = await publishedStory();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(createComment(null, story.id, { body: "Hello" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createComment(suspended, story.id, { body: "Hello" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.comment.count({ where: { storyId: story.id } })).toBe(0);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).commentCount).toBe(0);
  });

  it("refuses comments on a draft", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(createComment(author, id, { body: "Hello" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.comment.count({ where: { storyId: id } })).toBe(0);
  });

  it("strips scripts and unsafe links from comments", async () => {
    const story = await publishedStory();
    const reader = await makeUser();
    await createComment(reader, story.id, { body: '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick="x()">hi</b> [ok](https://example.org)' });
    const [comment] = await listStoryComments(story.id);
    expect(comment.bodyHtml).not.toMatch(/<script|javascript:|onclick/i);
    expect(comment.bodyHtml).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer">ok</a>');
  });
});
