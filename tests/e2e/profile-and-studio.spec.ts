import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import sharp from "sharp";
import { insertPublishedStories, sameSite, signUp } from "./helpers";

const avatarPng = () =>
  sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 30, g: 110, b: 160 } } })
    .composite([{ input: Buffer.from('<svg width="400" height="400"><circle cx="200" cy="170" r="90" fill="#f4d8b0"/><rect x="80" y="280" width="240" height="140" rx="70" fill="#f4d8b0"/></svg>'), top: 0, left: 0 }])
    .png()
    .toBuffer();

async function currentHandle(page: Page) {
  await page.goto("/settings/profile");
  return page.getByLabel("Handle").inputValue();
}

/** Full-page screenshots at desktop width and at a 390px phone width. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  // From the top, so the sticky header is drawn where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/artifacts/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/artifacts/${name}-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 390px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectLoadedImage(scope: ReturnType<Page["locator"]>) {
  const img = scope.locator('img[src^="/media/"]').first();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

test("a creator uploads an avatar and sees it on their profile and under their story", async ({ page }) => {
  const account = await signUp(page, "Avatar Owner", { land: false });
  const [{ url: storyUrl }] = await insertPublishedStories(account.email, ["A story with a face"]);
  const handle = await currentHandle(page);
  // A file chosen before the form hydrates is cleared by it (seen in CI: "Choose an image to
  // upload."): wait for the page's scripts first, as a person's first click comes later anyway.
  await page.waitForLoadState("networkidle");

  // A text file called .png is refused with a clear message, and nothing else is lost.
  await page.getByLabel("Avatar").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("this is not an image") });
  await page.getByRole("button", { name: "Upload avatar" }).click();
  await expect(page.getByText("That file isn't a JPEG, PNG, WebP or GIF image.")).toBeVisible();
  const oversized = Buffer.concat([await avatarPng(), Buffer.alloc(10 * 1024 * 1024)]);
  await page.getByLabel("Avatar").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: oversized });
  await page.getByRole("button", { name: "Upload avatar" }).click();
  await expect(page.getByText("That image is larger than 10 MB. Please choose a smaller one.")).toBeVisible();

  await page.getByLabel("Avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await avatarPng() });
  await page.getByRole("button", { name: "Upload avatar" }).click();
  await expect(page.getByText("Avatar updated.")).toBeVisible();
  await expectLoadedImage(page.locator("main"));
  await page.getByLabel("Website").fill("https://avatar-owner.example.com");
  await page.getByLabel("Bio").fill("I write about faces. More at https://avatar-owner.example.com/about.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await screenshots(page, "profile-settings");

  await page.goto(`/authors/${handle}`);
  await expectLoadedImage(page.locator("main header"));
  await expect(page.getByRole("link", { name: "avatar-owner.example.com", exact: true })).toHaveAttribute("rel", "me nofollow noopener");
  await expect(page.getByRole("link", { name: "avatar-owner.example.com/about" })).toHaveAttribute("href", "https://avatar-owner.example.com/about");
  await screenshots(page, "profile-page");

  await page.goto(storyUrl);
  const about = page.getByRole("region", { name: "About the Creator" });
  await expectLoadedImage(about);
  await expect(about.getByRole("link", { name: "avatar-owner.example.com/about" })).toBeVisible();
  // The header's account menu button shows it too.
  await expectLoadedImage(page.getByRole("button", { name: /^Account menu/ }));
});

test("a creator changes their handle and the old profile URL redirects", async ({ page, request }) => {
  const account = await signUp(page, "Handle Changer", { land: false });
  await insertPublishedStories(account.email, ["Before the rename"]);
  const oldHandle = await currentHandle(page);

  await page.getByLabel("Handle").fill("studio");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("That handle is reserved; please choose another")).toBeVisible();

  await page.getByLabel("Handle").fill("Renamed-Writer");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expect(page.getByLabel("Handle")).toHaveValue("renamed-writer");

  await page.goto(`/authors/${oldHandle}`);
  await expect(page).toHaveURL(/\/authors\/renamed-writer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handle Changer");
  await expect(page.getByRole("link", { name: "Before the rename" })).toBeVisible();

  const redirect = await request.get(`/authors/${oldHandle}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(/\/authors\/renamed-writer$/);
  const feed = await request.get(`/authors/${oldHandle}/feed.xml`, { maxRedirects: 0 });
  expect(feed.status()).toBe(308);
  expect(feed.headers().location).toMatch(/\/authors\/renamed-writer\/feed\.xml$/);
});

test("the studio lists stories with their stats and filters them by status and title", async ({ page, browser }) => {
  const account = await signUp(page, "Studio Keeper", { land: false });
  const [{ url: storyUrl }] = await insertPublishedStories(account.email, ["Numbers in the garden"]);
  // A reader visits, so the story has a read.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(storyUrl);
  await reader.waitForLoadState("networkidle");

  await page.goto("/studio");
  const list = page.getByRole("list", { name: "Your stories" });
  const row = list.getByRole("listitem").filter({ hasText: "Numbers in the garden" });
  await expect(row).toContainText("Published");
  await expect(row.getByTestId("story-stats")).toHaveText(/^\d+ reads? · 0 hearts · 0 comments$/);
  await expect(row.getByRole("img", { name: /Reads over the last 30 days/ })).toBeVisible();
  await screenshots(page, "studio");

  // The filter form is a plain GET form: each Apply loads the page afresh (and streams the list in).
  const apply = async () => {
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForLoadState("load");
  };
  await page.getByLabel("Status").selectOption("draft");
  await apply();
  await expect(page).toHaveURL(/status=draft/);
  await expect(page.getByText("No stories match these filters.").filter({ visible: true })).toBeVisible();

  await page.getByLabel("Status").selectOption("published");
  await page.getByLabel("Search titles").fill("garden");
  await apply();
  await expect(page).toHaveURL(/q=garden/);
  await expect(page.getByRole("list", { name: "Your stories" }).getByRole("listitem")).toHaveCount(1);

  await page.getByLabel("Search titles").fill("no such title");
  await apply();
  await expect(page.getByText("No stories match these filters.").filter({ visible: true })).toBeVisible();
});

test("POST /api/uploads stores an image for a signed-in user and serves its widths", async ({ page, request }) => {
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "orange" } }).png().toBuffer();
  const signedOut = await request.post("/api/uploads", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png } }, headers: sameSite });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: expect.any(String) });

  await signUp(page, "Upload Caller", { land: false });
  // A PNG called .jpg is fine: the bytes decide.
  const ok = await page.request.post("/api/uploads", { multipart: { file: { name: "renamed.jpg", mimeType: "image/jpeg", buffer: png } }, headers: sameSite });
  expect(ok.status()).toBe(201);
  const media = await ok.json();
  expect(media).toEqual({ id: expect.any(String), url: expect.stringMatching(/^\/media\/[a-z0-9]+-900\.webp$/), width: 900, height: 600 });
  const served = await page.request.get(media.url.replace("-900.", "-320."));
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toContain("immutable");

  const text = await page.request.post("/api/uploads", { multipart: { file: { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") } }, headers: sameSite });
  expect(text.status()).toBe(415);
  expect((await text.json()).error).toContain("isn't a JPEG, PNG, WebP or GIF");
  const big = await page.request.post("/api/uploads", { multipart: { file: { name: "big.png", mimeType: "image/png", buffer: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]) } }, headers: sameSite });
  expect(big.status()).toBe(413);
  expect((await page.request.get("/media/0000000000000000-320.webp")).status()).toBe(404);
});
