import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { randomBytes } from "node:crypto";
import { publishStory, signUp, storyBody } from "./helpers";

/** A made-up word, so a search finds only this run's story. */
const uniqueWord = () => `zq${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
const results = (page: Page) => page.getByRole("region", { name: "Search results" });

test("a story is found from the header search as soon as it is published", async ({ page }) => {
  await signUp(page, "Search Writer", { land: false });
  const word = uniqueWord();
  const title = `The lighthouse keepers of ${word}`;
  const storyUrl = await publishStory(page, title, { body: `${storyBody}\n\nThe ${word} light still turns every night.` });

  const headerSearch = page.getByRole("search", { name: "Site" });
  await headerSearch.getByLabel("Search stories").fill(word);
  await headerSearch.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  // No indexing delay: the page that loaded already has it, no retrying or reloading.
  const hit = results(page).getByRole("listitem").filter({ hasText: title });
  await expect(hit).toBeVisible({ timeout: 1_000 });
  await expect(hit.locator("mark").first()).toHaveText(word);
  await page.screenshot({ path: "test-results/artifacts/search.png", fullPage: true });
  await hit.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(storyUrl);
});

test("a misspelled search says nothing matched and suggests the closest title", async ({ page }) => {
  await signUp(page, "Harbour Writer", { land: false });
  const word = uniqueWord();
  const title = `Notes from the harbour at ${word}`;
  await publishStory(page, title);

  await page.goto("/search");
  // Scoped to <main>: React may leave a hidden copy of streamed content at the end of <body>.
  const main = page.getByRole("main");
  await expect(main.getByText("Search titles, subtitles, tags, creators and the stories themselves.")).toBeVisible();
  await main.getByLabel("Search stories").fill(`notes form the harbor at ${word}`);
  await main.getByRole("button", { name: "Search" }).click();
  await expect(main.getByText(`No stories match “notes form the harbor at ${word}”.`)).toBeVisible();
  await main.getByRole("link", { name: title }).click();
  await expect(results(page).getByRole("link", { name: title })).toBeVisible();
  await expect(main.getByLabel("Search stories")).toHaveValue(title);
});

test("garbage and oversized queries get a calm page, not an error", async ({ page }) => {
  for (const q of [`"'():*&|!`, "<img src=x onerror=alert(1)>", "x".repeat(10 * 1024)]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 40)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  }
  await expect(page.getByRole("main").getByText("Search for at most 200 characters")).toBeVisible();
});

test("the header search fits a 390px-wide phone, signed in or out", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Join" })).toBeVisible();
  expect(await fits()).toBe(true);
  await signUp(page, "Phone Reader", { land: false });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Write", exact: true })).toBeVisible();
  expect(await fits()).toBe(true);
  expect((await page.getByRole("button", { name: /^Account menu/ }).boundingBox())!.height, "the header keeps to one line").toBeLessThan(40);
  await page.screenshot({ path: "test-results/artifacts/header-phone.png" });
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search/);
  await expect(page.getByRole("main").getByLabel("Search stories")).toBeVisible();
});
