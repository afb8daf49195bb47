import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./test";
import { writeFile } from "node:fs/promises";
import Parser from "rss-parser";
import { fillStory, signUp, storyBody } from "./helpers";

const parser = new Parser();
const title = "Why feeds still matter";

// Links on the pages are absolute on SITE_URL, which is not this test server: follow their paths.
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};

async function feedTitles(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const feed = await parser.parseString(await response.text());
  return feed.items.map((item) => item.title);
}

test("feeds, structured data, sitemap and robots.txt show a story as soon as it is published", async ({ page, request }) => {
  const author = await signUp(page, "Feed Writer", { land: false });
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Subtitle").fill("An old format that keeps working");
  await page.getByLabel("Community").selectOption("journal");
  await fillStory(page, storyBody);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/journal\/why-feeds-still-matter/);
  const storyPath = new URL(page.url()).pathname;

  // The home page points to the site feed, and the feed has the new story.
  await page.goto("/");
  const alternate = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
  await expect(alternate).toHaveCount(1);
  const feedPath = pathOf((await alternate.getAttribute("href"))!);
  expect(feedPath).toBe("/feed.xml");
  expect(await feedTitles(request, feedPath)).toContain(title);
  expect(await feedTitles(request, "/journal/feed.xml")).toContain(title);
  expect(await feedTitles(request, "/authors/feed-writer/feed.xml")).toContain(title);
  expect((await request.get("/tags/no-such-tag/feed.xml")).status()).toBe(404);

  // The creator's profile points to their own feed.
  await page.goto("/authors/feed-writer");
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("title", `${author.name} · Storyhouse`);

  // The story page: one Article in structured data, a canonical link and a generated social image.
  await page.goto(storyPath);
  const structured = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));
  const articles = structured.filter((data) => data["@type"] === "Article");
  expect(articles).toHaveLength(1);
  expect(articles[0]).toMatchObject({ headline: title, author: { "@type": "Person", name: author.name } });
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^https?://[^/]+${storyPath}$`));
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const image = await request.get(pathOf((await page.locator('head meta[property="og:image"]').getAttribute("content"))!));
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).length).toBeGreaterThan(10_000);
  await writeFile("test-results/artifacts/story-social-image.png", await image.body());

  // The sitemap index leads to a sitemap that lists the story.
  const index = await (await request.get("/sitemap.xml")).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => pathOf(match[1]));
  expect(sitemaps).toContain("/sitemaps/sitemap/0.xml");
  const listed = await Promise.all(sitemaps.map(async (path) => (await request.get(path)).text()));
  expect(listed.join("\n")).toMatch(new RegExp(`<loc>https?://[^<]+${storyPath}</loc>`));

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Disallow: \/studio\/$/m);
  expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
});
