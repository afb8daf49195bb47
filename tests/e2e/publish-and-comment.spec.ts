import { expect, test } from "./test";
import { fillStory, signOut, signUp, storyBody } from "./helpers";

test("a creator publishes a story with sections and a second reader comments on it", async ({ browser }) => {
  const creatorContext = await browser.newContext();
  const creator = await creatorContext.newPage();
  const author = await signUp(creator, "Maya Writer", { viaForm: true });

  // Write and save a draft.
  await creator.goto("/studio/new");
  await creator.getByLabel("Title", { exact: true }).fill("The notebook in the drawer");
  await creator.getByLabel("Subtitle").fill("What my grandmother's recipes taught me");
  await creator.getByLabel("Community").selectOption("journal");
  await fillStory(creator, storyBody);
  await creator.evaluate(() => window.scrollTo(0, 0));
  await creator.screenshot({ path: "test-results/artifacts/editor.png", fullPage: true });
  await creator.getByRole("button", { name: "Save draft" }).click();
  await expect(creator).toHaveURL(/\/studio\/stories\/[^/]+\/edit$/);
  await expect(creator.getByRole("status")).toHaveText("Draft saved.");
  await expect(creator.getByLabel("Title", { exact: true })).toHaveValue("The notebook in the drawer");

  // Publish it.
  await creator.getByRole("button", { name: "Publish" }).click();
  await expect(creator).toHaveURL(/\/journal\/the-notebook-in-the-drawer$/);
  const storyUrl = creator.url();

  // The story page, top to bottom (loaded afresh: client navigation keeps earlier pages hidden in the DOM).
  await creator.reload();
  await expect(creator.locator("h1")).toHaveCount(1);
  await expect(creator.locator("h1")).toHaveText("The notebook in the drawer");
  await expect(creator.getByText("What my grandmother's recipes taught me")).toBeVisible();
  const byline = creator.getByRole("link", { name: author.name }).first();
  await expect(byline).toHaveAttribute("href", /^\/authors\/maya-writer/);
  await expect(creator.getByText(/1 min read/)).toBeVisible();
  await expect(creator.locator("article h2").filter({ hasText: "Where it started" })).toHaveAttribute("id", "where-it-started");
  await expect(creator.locator("article h2").filter({ hasText: "What I learned" })).toBeVisible();
  await expect(creator.locator("blockquote")).toContainText("Write things down");

  const about = creator.getByRole("region", { name: "About the Creator" });
  await expect(about).toContainText(author.name);
  await expect(about.getByRole("link", { name: `Read more by ${author.name}` })).toHaveAttribute("href", /^\/authors\/maya-writer/);
  const comments = creator.getByRole("region", { name: /^Comments/ });
  await expect(comments).toContainText("There are no comments for this story");
  await expect(comments).toContainText("Be the first to respond and start the conversation.");

  // Sections appear in the order the product notes give.
  const order = await creator.evaluate(() => {
    const find = (text: string) => [...document.querySelectorAll("h1, h2, p")].findIndex((el) => el.textContent?.trim().startsWith(text));
    return [find("The notebook in the drawer"), find("What my grandmother"), find("Where it started"), find("About the Creator"), find("Comments")];
  });
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(order.every((i) => i >= 0)).toBe(true);
  await creator.screenshot({ path: "test-results/artifacts/story-page.png", fullPage: true });

  // An anonymous visitor sees the story and a prompt to sign in, not the form.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(storyUrl);
  await expect(anonymous.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(anonymous.getByLabel("Add a comment")).toHaveCount(0);

  // A second reader comments, and sees it at once.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signUp(reader, "Ravi Reader", { land: false });
  await reader.goto(storyUrl);
  await reader.getByRole("button", { name: "Post comment" }).click();
  await expect(reader.getByText("Write a comment first")).toBeVisible();
  await reader.getByLabel("Add a comment").fill("This made me call my grandmother. *Thank you.*");
  await reader.getByRole("button", { name: "Post comment" }).click();
  const thread = reader.getByRole("region", { name: /^Comments/ });
  await expect(thread.getByRole("listitem")).toHaveCount(1);
  await expect(thread.getByRole("listitem")).toContainText("Ravi Reader");
  await expect(thread.getByRole("listitem").locator("em")).toHaveText("Thank you.");
  await expect(thread.getByRole("listitem").locator("time")).toBeVisible();
  await expect(reader.getByLabel("Add a comment")).toHaveValue("");
  await expect(thread).not.toContainText("There are no comments for this story");

  // The creator's profile lists the story; the home page does too.
  await anonymous.goto("/authors/maya-writer");
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(author.name);
  await expect(anonymous.getByRole("link", { name: "The notebook in the drawer" })).toBeVisible();
  await anonymous.goto("/");
  await expect(anonymous.getByRole("region", { name: "Latest stories" }).getByRole("link", { name: "The notebook in the drawer" })).toBeVisible();
});

test("a failed save explains itself and keeps everything typed", async ({ page }) => {
  await signUp(page, "Careful Writer", { land: false });
  await page.goto("/studio/new");
  await page.getByLabel("Subtitle").fill("A subtitle I typed");
  await page.getByLabel("Community").selectOption("the-swamp");
  await fillStory(page, "## A section\n\nWords I do not want to lose.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Give your story a title")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Subtitle")).toHaveValue("A subtitle I typed");
  await expect(page.getByLabel("Community")).toHaveValue("the-swamp");
  await expect(page.getByRole("textbox", { name: "Story", exact: true }).locator("h2")).toHaveText("A section");
  await expect(page.getByRole("textbox", { name: "Story", exact: true })).toContainText("Words I do not want to lose.");
});

test("sign-in errors do not reveal whether an email has an account", async ({ page, browser }) => {
  const known = await signUp(page, "Known Person");
  const fresh = await (await browser.newContext()).newPage();
  const messages: string[] = [];
  for (const email of [known.email, "nobody-here@example.com"]) {
    await fresh.goto("/signin");
    await fresh.getByLabel("Email").fill(email);
    await fresh.getByLabel("Password").fill("definitely wrong");
    await fresh.getByRole("button", { name: "Sign in" }).click();
    const alert = fresh.locator("form [role=alert]");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    await expect(fresh.getByLabel("Email")).toHaveValue(email);
  }
  expect(messages[0]).toBe(messages[1]);

  await fresh.getByLabel("Password").fill(known.password);
  await fresh.getByLabel("Email").fill(known.email);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(/\/$/);
  await expect(fresh.getByRole("link", { name: "Write", exact: true })).toBeVisible();

  await signOut(fresh);
  await fresh.goto("/studio");
  await expect(fresh).toHaveURL(/\/signin/);
});

test("private pages send signed-out visitors to sign in and back", async ({ page }) => {
  await page.goto("/studio/new");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fstudio%2Fnew/);
});

test("a creator edits their name and bio and the profile shows it", async ({ page }) => {
  const me = await signUp(page, "Bio Writer", { land: false });
  await page.goto("/settings/profile");
  await expect(page.getByLabel("Name")).toHaveValue(me.name);
  await page.getByLabel("Bio").fill("I write about small towns and big skies.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved.");
  await page.goto("/authors/bio-writer");
  await expect(page.getByText("I write about small towns and big skies.")).toBeVisible();
});
