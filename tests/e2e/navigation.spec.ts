import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import sharp from "sharp";
import { expectNoSeriousA11yViolations, fillStory, openAccountMenu, publishStory, signIn, signUp, staff, storyBody } from "./helpers";

/** The member pages the account menu must reach, by link name and where it lands. */
const memberPages = [
  ["Your profile", /\/authors\/[\w-]+$/],
  ["Profile settings", /\/settings\/profile$/],
  ["Studio", /\/studio$/],
  ["Stats", /\/studio\?status=published$/],
  ["Saved", /\/bookmarks$/],
  ["Following", /\/following$/],
  ["Notifications", /\/notifications$/],
] as const;

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage });
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

test("the account menu reaches every member page, by mouse and by keyboard", async ({ page }) => {
  await signUp(page, "Menu Member", { land: false });
  await page.goto("/");
  const button = page.getByRole("button", { name: /^Account menu/ });
  await expect(button).toHaveAttribute("aria-expanded", "false");

  // Keyboard: Enter opens it with focus on the first item, arrows move, Escape closes and returns focus.
  await button.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("navigation", { name: "Your account" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("link", { name: "Your profile" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("link", { name: "Profile settings" })).toBeFocused();
  await shot(page, "account-menu-desktop");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  // Not staff: no Admin link. The header's own links show beside the search on a desktop, not in the menu.
  await openAccountMenu(page);
  await expect(menu.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Communities" })).toBeHidden();
  // A click outside closes it.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();

  for (const [name, url] of memberPages) {
    await (await openAccountMenu(page)).getByRole("link", { name, exact: false }).first().click();
    await expect(page).toHaveURL(url);
  }
  // Your own profile has an Edit profile button.
  await page.goto("/");
  await (await openAccountMenu(page)).getByRole("link", { name: "Your profile" }).click();
  await page.getByRole("link", { name: "Edit profile" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
});

test("on a 375px phone one menu holds the header's links and every member page", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signUp(page, "Phone Member", { land: false });
  await page.goto("/");
  await expectNoSidewaysScroll(page);
  const menu = await openAccountMenu(page);
  for (const name of ["Communities", "Tags"]) await expect(menu.getByRole("link", { name })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, "account-menu-phone");
  await page.keyboard.press("Escape");
  for (const [name, url] of [...memberPages, ["Communities", /\/communities$/], ["Tags", /\/tags$/]] as const) {
    await (await openAccountMenu(page)).getByRole("link", { name }).first().click();
    await expect(page).toHaveURL(url);
    await expectNoSidewaysScroll(page);
  }
  // Write stays one tap away in the header.
  await page.getByRole("link", { name: "Write", exact: true }).click();
  await expect(page).toHaveURL(/\/studio\/new$/);
});

test("staff see the way to the admin area; the footer leads to communities, tags and the feed", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("navigation", { name: "Footer" });
  await expect(footer.getByRole("link", { name: /RSS feed/ })).toHaveAttribute("href", "/feed.xml");
  await footer.getByRole("link", { name: "Tags" }).click();
  await expect(page).toHaveURL(/\/tags$/);
  await expect(page.getByRole("heading", { level: 1, name: "Popular tags" })).toBeVisible();

  await signIn(page, staff.moderator);
  await page.reload();
  await (await openAccountMenu(page)).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/reviews$/);
});

test("an admin creates and edits a community; a creator sees its guidelines in the editor", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, staff.admin);
  await admin.goto("/admin/communities");
  await admin.getByRole("link", { name: "New community" }).click();
  const suffix = Date.now().toString(36);
  const name = `Night Poems ${suffix}`;
  const slug = `night-poems-${suffix}`;
  // A failed save keeps what was typed and says what is wrong.
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Address").fill("admin");
  await admin.getByRole("button", { name: "Create community" }).click();
  await expect(admin.getByText("That address is used by the site itself")).toBeVisible();
  await expect(admin.getByLabel("Name")).toHaveValue(name);
  await expect(admin.getByText("Say briefly why")).toBeVisible();

  await admin.getByLabel("Address").fill(slug);
  await admin.getByLabel("Description").fill("Short poems for the small hours.");
  await admin.getByLabel("Guidelines for creators").fill("Keep it under a page. No rhyming dictionaries.");
  await admin.getByLabel("Stories need a subtitle").check();
  await admin.getByLabel("AI-assisted stories are allowed").uncheck();
  await admin.getByLabel("Why (for the audit log)").fill("Poets asked for a home");
  await admin.getByRole("button", { name: "Create community" }).click();
  await expect(admin.getByText("Community created.")).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();

  // A new address: the old one redirects.
  await admin.getByLabel("Address").fill(`${slug}-2`);
  await admin.getByLabel("Why (for the audit log)").fill("A clearer address");
  await admin.getByRole("button", { name: "Save community" }).click();
  await expect(admin.getByText("Community saved.")).toBeVisible();
  await admin.goto(`/${slug}`);
  await expect(admin).toHaveURL(new RegExp(`/${slug}-2$`));
  await expect(admin.getByText("Keep it under a page.")).toBeVisible();

  // The audit log names the community.
  await admin.goto("/admin/log?target=COMMUNITY");
  await expect(admin.getByRole("link", { name }).first()).toHaveAttribute("href", /\/admin\/communities\//);
  await admin.goto("/admin/communities");
  await expect(admin.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(admin.getByRole("button", { name: /^Account menu/ })).toBeVisible();
  await shot(admin, "admin-communities", true);

  // A creator picks it and sees its guidelines and rules, in the same words the server uses.
  const creator = await (await browser.newContext()).newPage();
  await signUp(creator, "Poem Writer", { land: false });
  await creator.goto("/studio/new");
  await creator.getByLabel("Community").selectOption(`${slug}-2`);
  await expect(creator.getByRole("complementary", { name: `${name} guidelines` })).toContainText("No rhyming dictionaries.");
  await creator.getByLabel("Title", { exact: true }).fill("Three in the morning");
  await fillStory(creator, storyBody);
  await creator.getByRole("button", { name: "Publish" }).click();
  await expect(creator.getByText(`${name} stories need a subtitle`).first()).toBeVisible();
  // The editor's toolbar sticks below the site header, not under it: scrolled past its place, it
  // stays right at the header's bottom edge.
  const toolbar = creator.getByRole("toolbar", { name: "Formatting" });
  const toolbarTop = await toolbar.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await creator.evaluate((y) => window.scrollTo(0, y), toolbarTop + 120);
  const headerBox = await creator.locator("body > header").boundingBox();
  const toolbarBox = await toolbar.boundingBox();
  expect(toolbarBox!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height - 1);
  expect(toolbarBox!.y).toBeLessThan(headerBox!.y + headerBox!.height + 12);
});

test("home, communities and tags: hero images, a featured staff pick, RSS links, relative times; no serious axe findings in light and dark", async ({ browser }) => {
  const creator = await (await browser.newContext()).newPage();
  await signUp(creator, "Picture Taker", { land: false });
  const title = `Harbour at dawn ${Date.now()}`;
  await creator.goto("/studio/new");
  await creator.getByLabel("Title", { exact: true }).fill(title);
  await creator.getByLabel("Community").selectOption("journal");
  await creator.getByLabel("Tags").fill("Harbours, Mornings");
  const hero = await sharp({ create: { width: 1200, height: 675, channels: 3, background: "#4f7ea8" } }).png().toBuffer();
  await creator.getByLabel("Upload hero image").setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: hero });
  await creator.getByLabel("Hero image description (alt text)").fill("Fishing boats in a grey-blue harbour at dawn");
  await fillStory(creator, storyBody);
  await creator.getByRole("button", { name: "Publish" }).click();
  await expect(creator).toHaveURL(/\/journal\/[^/]+$/);
  const url = creator.url();
  await publishStory(creator, `Plain note ${Date.now()}`, { tags: "Mornings" });

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, staff.admin);
  await admin.goto(url);
  await admin.getByRole("button", { name: "Feature…" }).click();
  await admin.getByRole("button", { name: "Feature", exact: true }).click();
  await expect(admin.getByText("Featured on the home page.")).toBeVisible();

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto("/");
  const picks = page.getByRole("region", { name: "Staff picks" });
  const card = picks.getByRole("article").filter({ hasText: title });
  await expect(card.getByRole("img", { name: "Fishing boats in a grey-blue harbour at dawn" })).toBeVisible();
  await expect(card.getByRole("img")).toHaveAttribute("loading", "lazy");
  // A relative time, with the exact time on hover.
  const time = card.locator("time");
  await expect(time).toHaveText(/ago|just now/);
  await expect(time).toHaveAttribute("title", /\d{4}/);
  await expect(page.getByRole("link", { name: "RSS feed of the latest stories" }).first()).toHaveAttribute("href", "/feed.xml");
  await shot(page, "home", true);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectNoSidewaysScroll(page);
  await shot(page, "home-phone", true);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(url.replace(/\/[^/]+$/, ""));
  await expect(page.getByRole("link", { name: "RSS feed of Journal" })).toHaveAttribute("href", "/journal/feed.xml");
  await page.goto("/tags/mornings");
  await expect(page.getByRole("link", { name: /^RSS feed of stories tagged/ })).toHaveAttribute("href", "/tags/mornings/feed.xml");

  for (const theme of ["light", "dark"] as const) {
    for (const path of ["/", "/communities", "/tags"]) {
      await page.goto(path);
      await setTheme(page, theme);
      await expectNoSeriousA11yViolations(page);
      if (path !== "/") await shot(page, `${path.slice(1)}-${theme}`, true);
    }
  }
  await page.goto("/tags");
  await expect(page.getByRole("link", { name: /^Mornings/ }).first()).toContainText(/[2-9]|\d\d/);
  await page.goto("/communities");
  await expect(page.getByRole("link", { name: /^Journal/ }).first()).toContainText(/\d+ stor/);
  await setTheme(page, "dark");
  await page.goto("/");
  await shot(page, "home-dark", true);
  // The toggle switches back, and the choice is kept.
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");

  await admin.goto("/admin/communities");
  for (const theme of ["light", "dark"] as const) {
    await setTheme(admin, theme);
    await expectNoSeriousA11yViolations(admin);
  }
  await admin.getByRole("link", { name: "New community" }).click();
  await expectNoSeriousA11yViolations(admin);
});

test("links prefetch when a reader reaches for them, not when they come into view", async ({ page }) => {
  // A title of its own: a retry, or other specs' stories in the same community, must not match it.
  const title = `A story to reach for ${Date.now()}`;
  await signUp(page, "Intent Writer", { land: false });
  const storyUrl = await publishStory(page, title);
  const storyPath = new URL(storyUrl).pathname;
  const prefetched: string[] = [];
  page.on("request", (request) => void (request.headers()["next-router-prefetch"] && prefetched.push(new URL(request.url()).pathname)));

  // A community page full of links (header, footer, the story's card, its author, its tags, the
  // search box): none of them is asked for just by being on screen.
  await page.goto("/journal");
  // Its card in the list (the sidebar's list of popular stories may hold it too).
  const card = page.getByRole("main").getByRole("link", { name: title }).first();
  await expect(card).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);

  // Reaching for the card (pointer over it) asks for that page, and keyboard focus does the same
  // for the next link; following the card then lands on the story.
  await card.hover();
  await expect.poll(() => prefetched).toContain(storyPath);
  const author = page.getByRole("main").getByRole("link", { name: /^Intent Writer/ }).first();
  await author.focus();
  await expect.poll(() => prefetched.some((p) => p.startsWith("/authors/"))).toBe(true);
  await card.click();
  await expect(page).toHaveURL(storyUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
