import { describe, expect, it } from "vitest";
import { feedAlternates, feedPath } from "@/lib/seo/feeds";
import { chunkRanges, sitemapChunkCount, sitemapIndexXml, SITEMAP_CHUNK_SIZE } from "@/lib/seo/sitemap";
import { serializeJsonLd, storyArticle, storyMetadata } from "@/lib/seo/story";
import type { StoryPage } from "@/lib/data/story-shapes";

const story = {
  id: "s1",
  title: "Oops </script><script>alert(1)</script>",
  subtitle: "A subtitle",
  href: "/journal/oops",
  publishedAt: new Date("2024-03-01T10:00:00Z"),
  updatedAt: new Date("2024-03-02T10:00:00Z"),
  community: { slug: "journal", name: "Journal" },
  author: { id: "u1", name: "Maya", handle: "maya", bio: "", avatarUrl: null },
  tags: [{ slug: "rain", name: "Rain" }],
} as unknown as StoryPage;

describe("feed links", () => {
  it("puts a list page's feed at feed.xml under its path", () => {
    expect(feedPath("/")).toBe("/feed.xml");
    expect(feedPath("/journal")).toBe("/journal/feed.xml");
    expect(feedAlternates("/tags/rain", "Storyhouse", "Rain")).toEqual({
      canonical: "/tags/rain",
      types: { "application/rss+xml": [{ url: "/tags/rain/feed.xml", title: "Rain · Storyhouse" }] },
    });
  });
});

describe("sitemap chunks", () => {
  it("splits sections laid end to end into chunks", () => {
    expect(chunkRanges([3, 5], 0, 4)).toEqual([
      { section: 0, skip: 0, take: 3 },
      { section: 1, skip: 0, take: 1 },
    ]);
    expect(chunkRanges([3, 5], 1, 4)).toEqual([{ section: 1, skip: 1, take: 4 }]);
    expect(chunkRanges([1, 0, 2, 10], 1, 4)).toEqual([{ section: 3, skip: 1, take: 4 }]);
    expect(chunkRanges([3, 5], 2, 4)).toEqual([]);
  });

  it("always has at least one file, and a new file past every 10,000 URLs", () => {
    expect(sitemapChunkCount(0)).toBe(1);
    expect(sitemapChunkCount(SITEMAP_CHUNK_SIZE)).toBe(1);
    expect(sitemapChunkCount(SITEMAP_CHUNK_SIZE + 1)).toBe(2);
  });

  it("writes an index with escaped URLs", () => {
    const xml = sitemapIndexXml(["https://example.com/sitemap/0.xml?a=1&b=2"]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain("<loc>https://example.com/sitemap/0.xml?a=1&#38;b=2</loc>");
  });
});

describe("story structured data", () => {
  it("describes the story as an Article with absolute URLs", () => {
    expect(storyArticle(story, { siteName: "Storyhouse", logoUrl: null })).toMatchObject({
      "@type": "Article",
      headline: story.title,
      author: { "@type": "Person", name: "Maya", url: "http://localhost:3000/authors/maya" },
      datePublished: "2024-03-01T10:00:00.000Z",
      dateModified: "2024-03-02T10:00:00.000Z",
      publisher: { "@type": "Organization", name: "Storyhouse" },
      mainEntityOfPage: { "@type": "WebPage", "@id": "http://localhost:3000/journal/oops" },
    });
  });

  it("names the site's own name and logo (from the site settings) as the publisher", () => {
    const article = storyArticle(story, { siteName: "Riverside Stories", logoUrl: "/media/abc123-320.webp" });
    expect(article.publisher).toEqual({
      "@type": "Organization",
      name: "Riverside Stories",
      url: "http://localhost:3000/",
      logo: { "@type": "ImageObject", url: "http://localhost:3000/media/abc123-320.webp" },
    });
  });

  it("serializes so that a title cannot close the script element", () => {
    const json = serializeJsonLd(storyArticle(story, { siteName: "Storyhouse", logoUrl: null }));
    expect(json).not.toMatch(/<\/?script/i);
    expect(JSON.parse(json).headline).toBe(story.title);
  });

  it("gives the page Open Graph article and large-image Twitter card metadata", () => {
    expect(storyMetadata(story, "Storyhouse")).toMatchObject({
      alternates: { canonical: "/journal/oops" },
      openGraph: { type: "article", publishedTime: "2024-03-01T10:00:00.000Z", authors: ["http://localhost:3000/authors/maya"], section: "Journal" },
      twitter: { card: "summary_large_image" },
    });
  });
});
