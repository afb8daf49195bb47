import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraft, publishStory, updateStory } from "@/lib/data/stories";
import { getPublishedStory, listPublishedStories } from "@/lib/data/public-stories";
import { getStoryForEditing, listMyStories } from "@/lib/data/studio-stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

describe("drafts", () => {
  it("a creator saves a draft that only they can open", async () => {
    const [author, other] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    expect(await getStoryForEditing(author, id)).toMatchObject({ title: "A walk by the river", status: "DRAFT", href: null });
    await expect(getStoryForEditing(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStoryForEditing(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(((await listMyStories(author)).items).map((s) => s.id)).toEqual([id]);
    expect((await listMyStories(other)).items).toEqual([]);
  });

  it("refuses a signed-out or suspended writer and creates nothing", async () => {
    const community = await makeCommunity();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(createDraft(null, storyInput(community.slug))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createDraft(suspended, storyInput(community.slug))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.story.count({ where: { communityId: community.id } })).toBe(0);
  });

  it("names the field when the community does not exist", async () => {
    const author = await makeUser();
    await expect(createDraft(author, storyInput("no-such-place"))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { community: [expect.any(String)] } });
    expect(await db.story.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("another creator cannot edit or publish someone's draft, and it stays as it was", async () => {
    const [author, intruder] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const { id } = await createDraft(author, storyInput(community.slug));
    await expect(updateStory(intruder, id, storyInput(community.slug, { title: "Defaced" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishStory(intruder, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await db.story.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "A walk by the river", status: "DRAFT", slug: null });
  });

  it("stores sanitized HTML, never the script a body contains", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const body = '## Hi\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const { id } = await createDraft(author, storyInput(community.slug, { body }));
    const row = await db.story.findUniqueOrThrow({ where: { id } });
    expect(row.bodyMarkdown).toBe(body);
    expect(row.bodyHtml).not.toMatch(/<script|javascript:|onerror/i);
    expect(row.bodyHtml).toContain('<h2 id="hi">Hi</h2>');
  });
});

describe("publishing", () => {
  it("publishes to /{community}/{slug} with word count and reading time, and lists it publicly", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(author, community.slug);
    expect(story.href).toBe(`/${community.slug}/a-walk-by-the-river`);
    const page = await getPublishedStory(community.slug, "a-walk-by-the-river");
    expect(page).toMatchObject({ title: "A walk by the river", readingMinutes: 1, author: { handle: author.handle } });
    expect(page?.bodyHtml).toContain('<h2 id="the-path">The path</h2>');
    expect((await listPublishedStories()).items.map((s) => s.id)).toContain(story.id);
  });

  it("keeps the URL when the title changes, and gives a same-titled story its own slug", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const first = await makePublishedStory(author, community.slug);
    const saved = await updateStory(author, first.id, storyInput(community.slug, { title: "A different title" }));
    expect(saved.href).toBe(first.href);
    expect((await getPublishedStory(community.slug, "a-walk-by-the-river"))?.title).toBe("A different title");
    const second = await makePublishedStory(author, community.slug);
    expect(second.href).toBe(`/${community.slug}/a-walk-by-the-river-2`);
  });

  it("checks the community's rules before publishing and says what is missing", async () => {
    const author = await makeUser();
    const community = await makeCommunity({ minWords: 50, requireSubtitle: true });
    const { id } = await createDraft(author, storyInput(community.slug, { subtitle: "" }));
    await expect(publishStory(author, id)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { body: [expect.stringMatching(/at least 50 words/)], subtitle: [expect.any(String)] },
    });
    expect((await db.story.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("keeps drafts and suspended creators' stories off public lists", async () => {
    const [author, suspendedLater] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const { id: draftId } = await createDraft(author, storyInput(community.slug, { title: "Unfinished" }));
    const published = await makePublishedStory(suspendedLater, community.slug, { title: "Soon hidden" });
    await db.user.update({ where: { id: suspendedLater.id }, data: { status: "SUSPENDED" } });
    const ids = (await listPublishedStories({ communitySlug: community.slug })).items.map((s) => s.id);
    expect(ids).not.toContain(draftId);
    expect(ids).not.toContain(published.id);
    expect(await getPublishedStory(community.slug, "soon-hidden")).toBeNull();
  });

  it("refuses to move a published story to another community", async () => {
    const author = await makeUser();
    const [home, elsewhere] = await Promise.all([makeCommunity(), makeCommunity()]);
    const story = await makePublishedStory(author, home.slug);
    await expect(updateStory(author, story.id, storyInput(elsewhere.slug))).rejects.toMatchObject({ fieldErrors: { community: [expect.any(String)] } });
  });

  it("pages through the latest stories newest first without repeats", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    for (let i = 0; i < 5; i++) await makePublishedStory(author, community.slug, { title: `Story ${i}` });
    const first = await listPublishedStories({ communitySlug: community.slug, limit: 2 });
    const second = await listPublishedStories({ communitySlug: community.slug, limit: 2, cursor: first.nextCursor! });
    const third = await listPublishedStories({ communitySlug: community.slug, limit: 2, cursor: second.nextCursor! });
    const titles = [...first.items, ...second.items, ...third.items].map((s) => s.title);
    expect(titles).toEqual(["Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]);
    expect(third.nextCursor).toBeNull();
  });

  it("pages without gaps or repeats when stories share a publish time or a heart count (keyset on every sort key)", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makePublishedStory(author, community.slug, { title: `Tied ${i}` })).id);
    const sameTime = new Date("2026-01-01T00:00:00Z");
    await db.story.updateMany({ where: { id: { in: ids } }, data: { publishedAt: sameTime } });
    await db.story.updateMany({ where: { id: { in: ids.slice(0, 4) } }, data: { heartCount: 3 } });
    for (const sort of ["latest", "top"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPublishedStories({ communitySlug: community.slug, sort, limit: 2, cursor });
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const all = (await listPublishedStories({ communitySlug: community.slug, sort, limit: 50 })).items.map((s) => s.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(7);
    }
  });

  it("saves up to five tags, replaces them on edit, and shares tags between stories", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const tags = (...names: string[]) => names.map((name) => ({ slug: name.toLowerCase().replace(/ /g, "-"), name }));
    const { id } = await createDraft(author, storyInput(community.slug, { tags: tags("Cooking", "Family") }));
    expect((await getStoryForEditing(author, id)).tags).toBe("Cooking, Family");
    await updateStory(author, id, storyInput(community.slug, { tags: tags("Family", "Memory") }));
    expect((await getStoryForEditing(author, id)).tags).toBe("Family, Memory");
    await createDraft(author, storyInput(community.slug, { tags: tags("Memory") }));
    expect(await db.tag.count({ where: { slug: "memory" } })).toBe(1);
  });
});
