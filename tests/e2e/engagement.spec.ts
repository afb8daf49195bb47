import { expect, test } from "./test";
import { expectNoSeriousA11yViolations, insertPublishedStories, publishStory, signUp } from "./helpers";

test("a reader hearts, saves and follows; the lists and tag page show the story", async ({ browser }) => {
  const creator = await (await browser.newContext()).newPage();
  const author = await signUp(creator, "Hana Walker", { land: false });
  const title = `River notes ${Date.now()}`;
  const url = await publishStory(creator, title, { tags: "River walks, Notes" });
  // The creator's own address (a retry signs up a second Hana Walker, with a numbered handle).
  const profile = (await creator.getByRole("link", { name: author.name }).first().getAttribute("href"))!;

  const reader = await (await browser.newContext()).newPage();
  await signUp(reader, "Iris Reader", { land: false });
  await reader.goto(url);
  const heart = reader.getByRole("button", { name: /^Heart/ });
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await heart.click();
  await expect(reader.getByRole("button", { name: /^Hearted/ })).toHaveAttribute("aria-pressed", "true");
  await expect(reader.getByRole("button", { name: /^Hearted/ })).toContainText("1");
  await reader.reload();
  await expect(reader.getByRole("button", { name: /^Hearted/ })).toHaveAttribute("aria-pressed", "true");
  await reader.getByRole("button", { name: /^Hearted/ }).click();
  await expect(reader.getByRole("button", { name: /^Heart/ })).toContainText("0");
  await reader.getByRole("button", { name: /^Heart/ }).click();

  await reader.getByRole("button", { name: "Save" }).click();
  await expect(reader.getByRole("button", { name: "Saved" })).toHaveAttribute("aria-pressed", "true");
  await reader.getByRole("button", { name: `Follow ${author.name}` }).click();
  await expect(reader.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  // The buttons turn at once and are busy until the server has it: leaving the page before that
  // would cancel the request (seen in CI: /following still empty).
  for (const name of [/^Heart/, "Saved", "Following"]) await expect(reader.getByRole("button", { name })).toHaveAttribute("aria-busy", "false");

  await reader.goto("/following");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await reader.goto("/bookmarks");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await reader.goto(profile);
  await expect(reader.getByText("1 follower")).toBeVisible();

  await reader.goto(url);
  await reader.getByRole("link", { name: "River walks" }).first().click();
  await expect(reader.getByRole("heading", { level: 1, name: "River walks" })).toBeVisible();
  await expect(reader.getByRole("link", { name: title })).toBeVisible();

  // Signed out, the buttons invite you to sign in instead.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("link", { name: /^Heart/ })).toHaveAttribute("href", /\/signin\?callbackUrl=/);
  await expectNoSeriousA11yViolations(visitor);
  await visitor.goto("/");
  await expect(visitor.getByRole("region", { name: "Latest stories" }).getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);
  for (const path of ["/journal", profile, "/tags/river-walks", "/search?q=river", "/signin", "/signup"]) {
    await visitor.goto(path);
    await expect(visitor.locator("h1")).toBeVisible();
    await expectNoSeriousA11yViolations(visitor);
  }
  for (const path of ["/following", "/bookmarks", "/studio"]) {
    await reader.goto(path);
    await expect(reader.locator("h1:visible")).toBeVisible();
    await expectNoSeriousA11yViolations(reader);
  }
});

test("an edited story shows the edit on the next load, with the same URL", async ({ page }) => {
  await signUp(page, "Edit Writer", { land: false });
  const url = await publishStory(page, `Before the edit ${Date.now()}`);
  await page.goto("/studio");
  await page.getByRole("link", { name: "Edit", exact: true }).first().click();
  await page.getByLabel("Title", { exact: true }).fill("After the edit");
  await page.getByRole("button", { name: "Update story" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.locator("h1:visible")).toHaveText("After the edit");
  const visitor = await (await page.context().browser()!.newContext()).newPage();
  await visitor.goto(url);
  await expect(visitor.locator("h1")).toHaveText("After the edit");
});

test("the home page lists new stories at once and loads more by cursor", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const writer = await signUp(page, "Prolific Writer", { land: false });
  const stamp = Date.now();
  const titles = Array.from({ length: 11 }, (_, i) => `Batch story ${i} ${stamp}`);
  // Ten older stories to page through (publishing itself is other specs' subject), then the newest
  // through the editor, which must show on the home page at once.
  await insertPublishedStories(writer.email, titles.slice(0, 10));
  await publishStory(page, titles[10]);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  const latest = visitor.getByRole("region", { name: "Latest stories" });
  await expect(latest.getByRole("link", { name: titles[10] })).toBeVisible();
  await expect(latest.getByRole("link", { name: titles[0] })).toHaveCount(0);
  await latest.getByRole("button", { name: "Load more" }).click();
  await expect(latest.getByRole("link", { name: titles[0] })).toBeVisible();
});
