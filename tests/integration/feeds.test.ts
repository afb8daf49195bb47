import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import Parser from "rss-parser";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/data/stories";
import { FEED_SIZE, listFeedStories } from "@/lib/data/feeds";
import { cachedRssFeed } from "@/lib/cache/feeds";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

// Outside Next, cacheLife and cacheTag have no cache to talk to: the feeds are built afresh each call.
vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {} }));

const parser = new Parser();
const origin = "http://localhost:3000";
const tag = (name: string) => ({ slug: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}`, name });

async function publishedAt(storyId: string, day: number) {
  await db.story.update({ where: { id: storyId }, data: { publishedAt: new Date(Date.UTC(2024, 0, day)) } });
}

describe("stories for a tag", () => {
  it("lists published stories carrying the tag, newest first, and nothing else", async () => {
    const [author, suspended] = await Promise.all([makeUser(), makeUser()]);
    const community = await makeCommunity();
    const poetry = tag("Poetry");
    const older = await makePublishedStory(author, community.slug, { title: "Older poem", tags: [poetry] });
    const newer = await makePublishedStory(author, community.slug, { title: "Newer poem", tags: [poetry, tag("Rain")] });
    await Promise.all([publishedAt(older.id, 1), publishedAt(newer.id, 2)]);
    await makePublishedStory(author, community.slug, { title: "Untagged" });
    await createDraft(author, storyInput(community.slug, { title: "Draft poem", tags: [poetry] }));
    await makePublishedStory(suspended, community.slug, { title: "Hidden poem", tags: [poetry] });
    await db.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });

    const stories = await listFeedStories({ tagSlug: poetry.slug });
    expect(stories.map((s) => s.title)).toEqual(["Newer poem", "Older poem"]);
    expect(stories[0]).toMatchObject({ bodyHtml: expect.stringContaining('<h2 id="the-path">'), updatedAt: expect.any(Date) });
    expect(await listFeedStories({ tagSlug: "no-such-tag" })).toEqual([]);
  });
});

describe("RSS feeds", () => {
  it("the site feed carries full text, creator, dates and categories, with absolute links", async () => {
    const author = await makeUser({ name: "Feed Writer" });
    const community = await makeCommunity();
    const rain = tag("Rain");
    const story = await makePublishedStory(author, community.slug, { title: "Walking <home> & back", tags: [rain] });

    const feed = await parser.parseString((await cachedRssFeed({ kind: "site" }))!);
    expect(feed).toMatchObject({ title: "Storyhouse", link: `${origin}/` });
    const item = feed.items.find((i) => i.link === `${origin}${story.href}`);
    expect(item).toMatchObject({ title: "Walking <home> & back", creator: "Feed Writer", content: "Notes from an afternoon" });
    expect(item?.["content:encoded"]).toContain('<h2 id="the-path">The path</h2>');
    expect(new Date(item!.isoDate!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(item?.categories).toEqual([
      { _: `Community ${community.slug}`, $: { domain: `${origin}/${community.slug}` } },
      { _: "Rain", $: { domain: `${origin}/tags/${rain.slug}` } },
    ]);
  });

  it("community, creator and tag feeds hold only their stories, newest first, at most 20", async () => {
    const [author, other] = await Promise.all([makeUser({ name: "Prolific Writer" }), makeUser()]);
    const [community, elsewhere] = await Promise.all([makeCommunity(), makeCommunity()]);
    const daily = tag("Daily");
    for (let day = 1; day <= FEED_SIZE + 1; day++) {
      const story = await makePublishedStory(author, community.slug, { title: `Day ${day}`, tags: [daily] });
      await publishedAt(story.id, day);
    }
    const stray = await makePublishedStory(other, elsewhere.slug, { title: "Somewhere else" });

    const expected = Array.from({ length: FEED_SIZE }, (_, i) => `Day ${FEED_SIZE + 1 - i}`);
    for (const [scope, title] of [
      [{ kind: "community", slug: community.slug }, `Community ${community.slug} · Storyhouse`],
      [{ kind: "creator", handle: author.handle }, "Prolific Writer · Storyhouse"],
      [{ kind: "tag", slug: daily.slug }, "Daily · Storyhouse"],
    ] as const) {
      const feed = await parser.parseString((await cachedRssFeed(scope))!);
      expect(feed.title).toBe(title);
      expect(feed.items.map((i) => i.title)).toEqual(expected);
      expect(feed.items.map((i) => i.link)).not.toContain(`${origin}${stray.href}`);
    }
  });

  it("has no feed for an unknown community, creator or tag, or a suspended creator", async () => {
    const suspended = await makeUser({ status: "SUSPENDED" });
    expect(await cachedRssFeed({ kind: "community", slug: "no-such-community" })).toBeNull();
    expect(await cachedRssFeed({ kind: "creator", handle: "no-such-creator" })).toBeNull();
    expect(await cachedRssFeed({ kind: "creator", handle: suspended.handle })).toBeNull();
    expect(await cachedRssFeed({ kind: "tag", slug: "no-such-tag" })).toBeNull();
  });
});
