import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/data/stories";
import { listMyStories } from "@/lib/data/studio-stories";
import { getMyDailyReads } from "@/lib/data/studio";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function addReads(storyId: string, iso: string, count: number) {
  await db.storyRead.createMany({ data: Array.from({ length: count }, (_, i) => ({ storyId, day: day(iso), readerKey: `reader-${iso}-${i}` })) });
}

describe("studio reads per day", () => {
  it("counts each story's reads per day over the last 30 days, oldest first, in one series per story", async () => {
    const me = await makeUser();
    const community = await makeCommunity();
    const a = await makePublishedStory(me, community.slug, { title: "First" });
    const b = await makePublishedStory(me, community.slug, { title: "Second" });
    await addReads(a.id, "2026-03-30", 3);
    await addReads(a.id, "2026-03-01", 2);
    await addReads(a.id, "2026-02-28", 9); // 31 days back: outside the chart
    await addReads(b.id, "2026-03-15", 1);
    const reads = await getMyDailyReads(me, { now: new Date("2026-03-30T18:00:00Z") });
    const series = reads.get(a.id)!;
    expect(series).toHaveLength(30);
    expect(series[29]).toBe(3);
    expect(series[0]).toBe(2);
    expect(series.reduce((s, n) => s + n, 0)).toBe(5);
    expect(reads.get(b.id)![14]).toBe(1); // 1 March is index 0
  });

  it("shows nobody else's stories, and is refused to signed-out and suspended users", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const community = await makeCommunity();
    const theirs = await makePublishedStory(other, community.slug);
    await addReads(theirs.id, "2026-03-30", 4);
    expect((await getMyDailyReads(me, { now: new Date("2026-03-30T12:00:00Z") })).size).toBe(0);
    await expect(getMyDailyReads(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getMyDailyReads(await makeUser({ status: "SUSPENDED" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("studio list", () => {
  it("lists the creator's stories with their counters, filtered by status and by words in the title", async () => {
    const me = await makeUser();
    const community = await makeCommunity();
    const published = await makePublishedStory(me, community.slug, { title: "Rivers of home" });
    await db.story.update({ where: { id: published.id }, data: { readCount: 12, heartCount: 3 } });
    const draft = await createDraft(me, storyInput(community.slug, { title: "Mountains, a draft" }));
    const all = (await listMyStories(me)).items;
    expect(all.map((s) => s.id).sort()).toEqual([published.id, draft.id].sort());
    expect(all.find((s) => s.id === published.id)).toMatchObject({ status: "PUBLISHED", readCount: 12, heartCount: 3, commentCount: 0 });
    expect((await listMyStories(me, { status: "PUBLISHED" })).items.map((s) => s.id)).toEqual([published.id]);
    expect((await listMyStories(me, { status: "DRAFT" })).items.map((s) => s.id)).toEqual([draft.id]);
    expect((await listMyStories(me, { query: "MOUNTAIN" })).items.map((s) => s.id)).toEqual([draft.id]);
    expect((await listMyStories(me, { query: "ocean" })).items).toEqual([]);
    expect((await listMyStories(await makeUser(), { query: "Rivers" })).items).toEqual([]);
  });

  it("pages by cursor, most recently edited first; another creator's story is no cursor", async () => {
    const me = await makeUser();
    const community = await makeCommunity();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createDraft(me, storyInput(community.slug, { title: `Draft ${i}` }))).id);
    const first = await listMyStories(me, { limit: 2 });
    const second = await listMyStories(me, { limit: 2, cursor: first.nextCursor! });
    const third = await listMyStories(me, { limit: 2, cursor: second.nextCursor! });
    expect([first, second, third].map((page) => page.items.map((s) => s.title))).toEqual([["Draft 4", "Draft 3"], ["Draft 2", "Draft 1"], ["Draft 0"]]);
    expect(third.nextCursor).toBeNull();
    const other = await createDraft(await makeUser(), storyInput(community.slug, { title: "Not mine" }));
    expect(await listMyStories(me, { cursor: other.id })).toEqual({ items: [], nextCursor: null });
  });
});
