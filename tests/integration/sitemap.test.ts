import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/data/stories";
import { countSitemapEntries, listSitemapCommunities, listSitemapCreators, listSitemapStories } from "@/lib/data/sitemap";
import { cachedSitemapChunk, cachedSitemapCount } from "@/lib/cache/sitemap";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

// Outside Next, cacheLife and cacheTag have no cache to talk to: each call reads the database.
vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {} }));

const paths = (entries: { path: string }[]) => entries.map((entry) => entry.path);

describe("sitemap data", () => {
  it("lists published stories and their creators, never drafts or suspended creators", async () => {
    const [writer, drafter, suspended] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const community = await makeCommunity();
    const published = await makePublishedStory(writer, community.slug, { title: "Out in the open" });
    await createDraft(drafter, storyInput(community.slug, { title: "Not yet" }));
    const hidden = await makePublishedStory(suspended, community.slug, { title: "Taken down" });
    await db.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });

    const counts = await countSitemapEntries();
    const stories = await listSitemapStories(0, 1000);
    const creators = await listSitemapCreators(0, 1000);
    expect(stories).toContainEqual({ path: published.href, lastModified: expect.any(Date) });
    expect(paths(stories)).not.toContain(hidden.href);
    expect(paths(stories).some((path) => path.endsWith("/not-yet"))).toBe(false);
    expect(paths(creators)).toContain(`/authors/${writer.handle}`);
    expect(paths(creators)).not.toContain(`/authors/${drafter.handle}`);
    expect(paths(creators)).not.toContain(`/authors/${suspended.handle}`);
    expect(paths(await listSitemapCommunities(0, 1000))).toContain(`/${community.slug}`);
    expect(counts).toEqual({ communities: await db.community.count(), creators: creators.length, stories: stories.length });
  });

  it("dates a creator's profile and a community by their newest published story", async () => {
    const writer = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(writer, community.slug);
    const publishedAt = new Date(Date.UTC(2030, 5, 1));
    await db.story.update({ where: { id: story.id }, data: { publishedAt } });
    expect(await listSitemapCreators(0, 1000)).toContainEqual({ path: `/authors/${writer.handle}`, lastModified: publishedAt });
    expect(await listSitemapCommunities(0, 1000)).toContainEqual({ path: `/${community.slug}`, lastModified: publishedAt });
  });

  it("the first sitemap file starts with the home page and holds every URL of a small site", async () => {
    const writer = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(writer, community.slug);
    const counts = await countSitemapEntries();
    const chunk = await cachedSitemapChunk(0);
    expect(await cachedSitemapCount()).toBe(1);
    expect(chunk[0]).toEqual({ path: "/" });
    expect(chunk).toHaveLength(1 + counts.communities + counts.creators + counts.stories);
    expect(paths(chunk)).toEqual(expect.arrayContaining([`/${community.slug}`, `/authors/${writer.handle}`, story.href]));
    expect(await cachedSitemapChunk(1)).toEqual([]);
  });
});
