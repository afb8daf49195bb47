import { describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { searchStories, type SearchPage } from "@/lib/data/search";
import { createDraft } from "@/lib/data/stories";
import { updateMyProfile } from "@/lib/data/users";
import { slugify } from "@/lib/content/slug";
import { searchParamsSchema } from "@/lib/validation/search";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

/** A made-up word no other test uses, so each test finds exactly its own stories. */
const uniqueWord = () => `zq${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
const titles = (page: SearchPage) => page.items.map((story) => story.title);
const tag = (name: string) => ({ slug: slugify(name, 40), name });

describe("ranking and snippets", () => {
  it("ranks a title match above a newer story that only mentions the word", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    await makePublishedStory(author, community.slug, { title: `The ${word} at dawn`, body: "Nothing much happened that morning." });
    await makePublishedStory(author, community.slug, { title: "Another afternoon", body: `We met a ${word} by the river.` });
    expect(titles(await searchStories({ q: word }))).toEqual([`The ${word} at dawn`, "Another afternoon"]);
  });

  it("marks matches in the snippet and never passes the writer's HTML through", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    const body = `Look: <img src=x onerror=alert(1)> the ${word} <script>alert(2)</script> & "quotes" \u0002 a stray marker.`;
    await makePublishedStory(author, community.slug, { title: "Safe snippets", subtitle: "", body });
    const [hit] = (await searchStories({ q: word })).items;
    expect(hit.snippetHtml).toContain(`<mark>${word}</mark>`);
    expect(hit.snippetHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(hit.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>\u0002\u0003]/);
  });

  it("finds stories by their creator's name and their tags, and follows a name change", async () => {
    const [nameWord, tagWord, newNameWord] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const [author, community] = await Promise.all([makeUser({ name: `Ottoline ${nameWord}` }), makeCommunity()]);
    const story = await makePublishedStory(author, community.slug, { tags: [tag(`Kelp ${tagWord}`)] });
    expect((await searchStories({ q: nameWord })).items.map((s) => s.id)).toEqual([story.id]);
    expect((await searchStories({ q: tagWord })).items.map((s) => s.id)).toEqual([story.id]);

    await updateMyProfile(author, { name: `Ottoline ${newNameWord}`, bio: "" });
    expect((await searchStories({ q: newNameWord })).items.map((s) => s.id)).toEqual([story.id]);
    expect((await searchStories({ q: nameWord })).items).toEqual([]);
  });
});

describe("what search shows", () => {
  it("shows only published stories by active creators", async () => {
    const word = uniqueWord();
    const [author, suspended, community] = await Promise.all([makeUser(), makeUser(), makeCommunity()]);
    await createDraft(author, storyInput(community.slug, { title: `Draft ${word}` }));
    await makePublishedStory(suspended, community.slug, { title: `Suspended ${word}` });
    await db.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    await makePublishedStory(author, community.slug, { title: `Public ${word}` });
    expect(titles(await searchStories({ q: word }))).toEqual([`Public ${word}`]);
  });

  it("filters by community and by tag", async () => {
    const word = uniqueWord();
    const [author, harbour, inland] = await Promise.all([makeUser(), makeCommunity(), makeCommunity()]);
    const boats = tag(`Boats ${word}`);
    await makePublishedStory(author, harbour.slug, { title: `Harbour ${word}`, tags: [boats] });
    await makePublishedStory(author, inland.slug, { title: `Inland ${word}` });
    expect(titles(await searchStories({ q: word, community: harbour.slug }))).toEqual([`Harbour ${word}`]);
    expect(titles(await searchStories({ q: word, community: inland.slug }))).toEqual([`Inland ${word}`]);
    expect(titles(await searchStories({ q: word, tag: boats.slug }))).toEqual([`Harbour ${word}`]);
    expect(titles(await searchStories({ q: word, community: inland.slug, tag: boats.slug }))).toEqual([]);
    expect(titles(await searchStories({ q: word, community: "no-such-community" }))).toEqual([]);
  });

  it("pages by cursor through different and equal ranks without repeating or skipping a story", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    const inTitle = await Promise.all([1, 2].map((i) => makePublishedStory(author, community.slug, { title: `${word} ${i}` })));
    const inBody = await Promise.all([1, 2, 3].map((i) => makePublishedStory(author, community.slug, { title: `Body ${i}`, body: `A ${word} here.` })));
    // Equal rank and publishedAt for some: only the id tells them apart.
    await db.story.updateMany({ where: { id: { in: inBody.map((s) => s.id) } }, data: { publishedAt: new Date("2026-01-02T03:04:05.678Z") } });

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await searchStories({ q: word, cursor, limit: 2 });
      pages.push(page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(new Set(pages[0])).toEqual(new Set(inTitle.map((s) => s.id)));
    expect(new Set(pages.flat())).toEqual(new Set([...inTitle, ...inBody].map((s) => s.id)));
  });

  it("suggests the closest published title when nothing matches", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    await makePublishedStory(author, community.slug, { title: `The lighthouse keepers of ${word}` });
    await createDraft(author, storyInput(community.slug, { title: `The lighthuose keepres of ${word}` }));
    const page = await searchStories({ q: `lighthuose keepres ${word}` });
    expect(page.items).toEqual([]);
    expect(page.suggestion).toBe(`The lighthouse keepers of ${word}`);
    expect((await searchStories({ q: uniqueWord() })).suggestion).toBeNull();
  });

  it("suggests a title as alike as the site's threshold (0.2), below pg_trgm's default (0.3), on every connection", async () => {
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    await makePublishedStory(author, community.slug, { title: "The lighthouse keepers" });
    const [{ similarity }] = await db.$queryRaw<{ similarity: number }[]>`SELECT similarity('The lighthouse keepers', 'house keys') AS similarity`;
    expect(similarity).toBeGreaterThan(0.2);
    expect(similarity).toBeLessThan(0.3);
    // Each of the pool's connections answers alike, not only one that once ran a set_config.
    const pages = await Promise.all(Array.from({ length: 4 }, () => searchStories({ q: "house keys" })));
    expect(pages.map((page) => page.suggestion)).toEqual(Array(4).fill("The lighthouse keepers"));
  });
});

describe("queries that are empty or hostile", () => {
  it("answers an empty or blank query with nothing, without asking the database", async () => {
    const query = vi.spyOn(db, "$queryRaw");
    for (const q of ["", "   ", "\n\t"]) expect(await searchStories({ q })).toEqual({ items: [], nextCursor: null, suggestion: null });
    expect(query).not.toHaveBeenCalled();
    await searchStories({ q: uniqueWord() });
    expect(query).toHaveBeenCalled(); // the spy does see searches
    query.mockRestore();
  });

  it("treats operators, quotes and SQL in a query as plain words", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    await makePublishedStory(author, community.slug, { title: `Quotes ${word}` });
    for (const q of [`"'():*&|!`, "!!!", "& | <->", `'; DROP TABLE "Story"; --`, "%_\\", "the", "ñ 日本 🙂", "x".repeat(200)]) {
      await expect(searchStories({ q }), q).resolves.toMatchObject({ items: expect.any(Array) });
    }
    expect(titles(await searchStories({ q: `"${word}" -nothing OR (${word}):*` }))).toEqual([`Quotes ${word}`]);
    expect(await db.story.count()).toBeGreaterThan(0);
  });

  it("ignores a tampered cursor and refuses a 10 KB query before searching", async () => {
    const word = uniqueWord();
    const [author, community] = await Promise.all([makeUser(), makeCommunity()]);
    await makePublishedStory(author, community.slug, { title: `Cursor ${word}` });
    for (const cursor of ["garbage", "eyJ4IjoxfQ", Buffer.from('[1e999, 0, "x"]').toString("base64url")]) {
      expect(titles(await searchStories({ q: word, cursor }))).toEqual([`Cursor ${word}`]);
    }
    const long = searchParamsSchema.safeParse({ q: `${word} `.repeat(1300) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe("Search for at most 200 characters");
  });
});
