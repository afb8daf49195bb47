import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getViewerState, listFollowingStories, listMyBookmarks, setBookmark, setFollow, setHeart } from "@/lib/data/engagement";
import { recordRead } from "@/lib/data/reads";
import { listFeaturedStories, listTopCreators, listTrendingStories, refreshDiscoveryRankings, setFeatured } from "@/lib/data/discovery";
import { createDraft, unpublishStory, updateStory } from "@/lib/data/stories";
import { listPublishedStories } from "@/lib/data/public-stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

async function published(title = "A story") {
  const author = await makeUser();
  const community = await makeCommunity();
  return { author, community, story: await makePublishedStory(author, community.slug, { title }) };
}

const heartCount = async (id: string) => (await db.story.findUniqueOrThrow({ where: { id }, select: { heartCount: true } })).heartCount;

describe("hearts", () => {
  it("one heart per reader, counted in step, and un-hearting takes it back", async () => {
    const { story } = await published();
    const reader = await makeUser();
    expect(await setHeart(reader, story.id, true)).toEqual({ hearted: true, heartCount: 1 });
    expect(await setHeart(reader, story.id, true)).toEqual({ hearted: true, heartCount: 1 });
    expect((await getViewerState(reader, { storyId: story.id })).hearted).toBe(true);
    expect(await setHeart(reader, story.id, false)).toEqual({ hearted: false, heartCount: 0 });
    expect(await setHeart(reader, story.id, false)).toEqual({ hearted: false, heartCount: 0 });
  });

  it("keeps the count exact under concurrent hearts from many readers and double clicks", async () => {
    const { story } = await published();
    const readers = await Promise.all(Array.from({ length: 15 }, () => makeUser()));
    await Promise.all(readers.flatMap((r) => [setHeart(r, story.id, true), setHeart(r, story.id, true)]));
    expect(await heartCount(story.id)).toBe(15);
    expect(await db.heart.count({ where: { storyId: story.id } })).toBe(15);
    await Promise.all(readers.slice(0, 5).map((r) => setHeart(r, story.id, false)));
    expect(await heartCount(story.id)).toBe(10);
  });

  it("refuses signed-out and suspended readers, and drafts, changing nothing", async () => {
    const { story, author, community } = await published();
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(setHeart(null, story.id, true)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setHeart(suspended, story.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await createDraft(author, storyInput(community.slug));
    await expect(setHeart(await makeUser(), draft.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await heartCount(story.id)).toBe(0);
    expect(await db.heart.count({ where: { storyId: { in: [story.id, draft.id] } } })).toBe(0);
  });
});

describe("bookmarks", () => {
  it("saves and lists a reader's own bookmarks only, newest first", async () => {
    const { story: first } = await published("First saved");
    const { story: second } = await published("Second saved");
    const [reader, other] = await Promise.all([makeUser(), makeUser()]);
    await setBookmark(reader, first.id, true);
    await setBookmark(reader, second.id, true);
    expect((await listMyBookmarks(reader)).items.map((s) => s.title)).toEqual(["Second saved", "First saved"]);
    expect((await listMyBookmarks(other)).items).toEqual([]);
    await setBookmark(reader, first.id, false);
    expect((await listMyBookmarks(reader)).items.map((s) => s.title)).toEqual(["Second saved"]);
    await setBookmark(reader, first.id, true);
    const page1 = await listMyBookmarks(reader, undefined, 1);
    const page2 = await listMyBookmarks(reader, page1.nextCursor!, 1);
    expect([...page1.items, ...page2.items].map((s) => s.title)).toEqual(["First saved", "Second saved"]);
    expect(page2.nextCursor).toBeNull();
    await expect(listMyBookmarks(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setBookmark(null, first.id, true)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("follows", () => {
  it("follows a creator once, counts followers, and fills the following feed", async () => {
    const { author, story } = await published("From a followed creator");
    await published("From someone else");
    const reader = await makeUser();
    expect(await setFollow(reader, author.id, true)).toEqual({ following: true, followerCount: 1 });
    expect(await setFollow(reader, author.id, true)).toEqual({ following: true, followerCount: 1 });
    expect((await listFollowingStories(reader)).items.map((s) => s.id)).toEqual([story.id]);
    expect(await setFollow(reader, author.id, false)).toEqual({ following: false, followerCount: 0 });
    expect((await listFollowingStories(reader)).items).toEqual([]);
  });

  it("refuses following yourself, a suspended creator, or while signed out", async () => {
    const me = await makeUser();
    const gone = await makeUser({ status: "SUSPENDED" });
    await expect(setFollow(me, me.id, true)).rejects.toMatchObject({ code: "INVALID" });
    await expect(setFollow(me, gone.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setFollow(null, me.id, true)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.follow.count({ where: { followerId: me.id } })).toBe(0);
  });

  it("tells signed-out readers nothing about anyone", async () => {
    const { author, story } = await published();
    expect(await getViewerState(null, { storyId: story.id, creatorId: author.id })).toMatchObject({ hearted: false, bookmarked: false, following: false, heartCount: 0 });
  });
});

describe("reads", () => {
  it("counts a reader once per story per day", async () => {
    const { story } = await published();
    const today = new Date("2026-11-29T00:00:00Z");
    const tomorrow = new Date("2026-11-30T00:00:00Z");
    expect(await recordRead(story.id, "reader-a", today)).toBe(true);
    expect(await recordRead(story.id, "reader-a", today)).toBe(false);
    expect(await recordRead(story.id, "reader-b", today)).toBe(true);
    expect(await recordRead(story.id, "reader-a", tomorrow)).toBe(true);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).readCount).toBe(3);
  });

  it("ignores reads of drafts and unknown stories", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const draft = await createDraft(author, storyInput(community.slug));
    expect(await recordRead(draft.id, "k", new Date())).toBe(false);
    expect(await recordRead("no-such-story", "k", new Date())).toBe(false);
  });
});

describe("discovery", () => {
  it("ranks trending by recent hearts, comments and reads", async () => {
    const { story: quiet } = await published("Quiet");
    const { story: busy } = await published("Busy");
    const readers = await Promise.all([makeUser(), makeUser(), makeUser()]);
    for (const r of readers) await setHeart(r, busy.id, true);
    await recordRead(quiet.id, "one", new Date());
    // Trending is computed by the sweep, not per request.
    expect((await listTrendingStories(50)).map((s) => s.id)).not.toContain(busy.id);
    expect(await refreshDiscoveryRankings()).toBe(true);
    const trending = (await listTrendingStories(50)).map((s) => s.id);
    expect(trending.indexOf(busy.id)).toBeGreaterThanOrEqual(0);
    expect(trending.indexOf(busy.id)).toBeLessThan(trending.indexOf(quiet.id));
  });

  it("only admins feature stories, and featured stories list with their note", async () => {
    const { story } = await published("Staff pick");
    const [admin, moderator, reader] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "MODERATOR" }), makeUser()]);
    await expect(setFeatured(reader, story.id, true, "no")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setFeatured(moderator, story.id, true, "no")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listFeaturedStories(50)).map((s) => s.id)).not.toContain(story.id);
    await setFeatured(admin, story.id, true, "A lovely piece");
    expect((await listFeaturedStories(50)).find((s) => s.id === story.id)?.note).toBe("A lovely piece");
    await setFeatured(admin, story.id, false);
    expect((await listFeaturedStories(50)).map((s) => s.id)).not.toContain(story.id);
  });

  it("lists stories by tag and the most hearted first", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const tagged = await makePublishedStory(author, community.slug, { title: "Tagged", tags: [{ slug: "river-walks", name: "River walks" }] });
    const popular = await makePublishedStory(author, community.slug, { title: "Popular" });
    await setHeart(await makeUser(), popular.id, true);
    expect((await listPublishedStories({ tagSlug: "river-walks" })).items.map((s) => [s.id, s.tags])).toEqual([[tagged.id, [{ slug: "river-walks", name: "River walks" }]]]);
    expect((await listPublishedStories({ communitySlug: community.slug, sort: "top" })).items[0].id).toBe(popular.id);
  });
});

describe("top creators", () => {
  it("ranks a community's creators by hearts on their stories there", async () => {
    const community = await makeCommunity();
    const [popular, quiet] = await Promise.all([makeUser({ name: "Popular Pen" }), makeUser({ name: "Quiet Pen" })]);
    const hit = await makePublishedStory(popular, community.slug, { title: "Hit" });
    await makePublishedStory(quiet, community.slug, { title: "Whisper" });
    await Promise.all([makeUser(), makeUser()].map(async (r) => setHeart(await r, hit.id, true)));
    expect(await listTopCreators(community.slug)).toEqual([]);
    await refreshDiscoveryRankings();
    const creators = await listTopCreators(community.slug);
    expect(creators.map((c) => [c.name, c.hearts, c.stories])).toEqual([
      ["Popular Pen", 2, 1],
      ["Quiet Pen", 0, 1],
    ]);
    // A suspended creator drops out at once, before the next refresh.
    await db.user.update({ where: { id: popular.id }, data: { status: "SUSPENDED" } });
    expect((await listTopCreators(community.slug)).map((c) => c.name)).toEqual(["Quiet Pen"]);
  });

  it("refreshes in one process at a time: while another holds the refresh, a second one skips", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('storyhouse:discovery-rankings'))`;
      locked();
      await held;
    });
    await isLocked;
    expect(await refreshDiscoveryRankings()).toBe(false);
    release();
    await holder;
    expect(await refreshDiscoveryRankings()).toBe(true);
  });
});

describe("tag lists follow their stories", () => {
  const tagged = (slug: string) => listPublishedStories({ tagSlug: slug }).then((page) => page.items.map((s) => s.title));

  it("a tagged story is listed while it is live: not as a draft, not once unpublished, not after its tag is removed", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const tag = { slug: `harbor-${Date.now()}`, name: "Harbor" };
    const first = await makePublishedStory(author, community.slug, { title: "First", tags: [tag] });
    await makePublishedStory(author, community.slug, { title: "Second", tags: [tag] });
    await createDraft(author, storyInput(community.slug, { title: "Draft", tags: [tag] }));
    expect(await tagged(tag.slug)).toEqual(["Second", "First"]);
    await unpublishStory(author, first.id);
    expect(await tagged(tag.slug)).toEqual(["Second"]);
    const second = (await listPublishedStories({ tagSlug: tag.slug })).items[0];
    const { version } = await db.story.findUniqueOrThrow({ where: { id: second.id }, select: { version: true } });
    await updateStory(author, second.id, storyInput(community.slug, { title: "Second", tags: [{ slug: `${tag.slug}-other`, name: "Other" }] }), { expectedVersion: version });
    expect(await tagged(tag.slug)).toEqual([]);
    expect(await tagged(`${tag.slug}-other`)).toEqual(["Second"]);
  });

  it("pages through a tag newest first by cursor, and a page still fills when some of its stories are hidden", async () => {
    const [author, hiddenAuthor] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const tag = { slug: `ferries-${Date.now()}`, name: "Ferries" };
    for (let i = 0; i < 24; i++) await makePublishedStory(i % 4 === 3 ? hiddenAuthor : author, community.slug, { title: `Ferry ${i}`, tags: [tag] });
    await db.user.update({ where: { id: hiddenAuthor.id }, data: { status: "SUSPENDED" } });
    const shown = Array.from({ length: 24 }, (_, i) => i).filter((i) => i % 4 !== 3).reverse().map((i) => `Ferry ${i}`);
    const first = await listPublishedStories({ tagSlug: tag.slug, limit: 10 });
    expect(first.items.map((s) => s.title)).toEqual(shown.slice(0, 10));
    const second = await listPublishedStories({ tagSlug: tag.slug, limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.title)).toEqual(shown.slice(10, 18));
    expect(second.nextCursor).toBeNull();
  });
});
