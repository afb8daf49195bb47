import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { fillStory, signIn, signUp, sql, staff, storyBody, submitForReview } from "./helpers";

const shots = "test-results/artifacts";

/** A full-page screenshot at desktop width and at a phone's 375 px. */
async function screenshots(page: Page, name: string) {
  const size = page.viewportSize();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${shots}/${name}-375.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("a new creator's story goes through review: changes requested, resubmitted, approved and public", async ({ browser }) => {
  const stamp = Date.now();
  const title = `The lighthouse keeper ${stamp}`;
  const storyPath = `/journal/the-lighthouse-keeper-${stamp}`;

  const creatorContext = await browser.newContext();
  const creator = await creatorContext.newPage();
  await signUp(creator, "Nora Newcomer", { trusted: false, land: false });

  // A new account's button submits rather than publishes.
  await creator.goto("/studio/new");
  await creator.getByLabel("Title", { exact: true }).fill(title);
  await creator.getByLabel("Subtitle").fill("Forty years of weather at the end of the pier");
  await creator.getByLabel("Community").selectOption("journal");
  await fillStory(creator, storyBody);
  await expect(creator.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await creator.getByRole("button", { name: "Submit for review" }).click();
  await expect(creator).toHaveURL(/\/studio\/stories\/[^/]+\/edit\?submitted=1$/);
  const editUrl = creator.url().replace(/\?.*$/, "");
  const storyId = editUrl.split("/").at(-2)!;
  const inReview = creator.getByRole("region", { name: "In review" });
  await expect(inReview).toContainText(/Submitted for review on .* — Withdraw to keep editing/);
  await expect(inReview.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(creator.getByRole("textbox", { name: "Story", exact: true })).toHaveCount(0); // read-only while it waits
  await screenshots(creator, "review-editor-submitted");

  // Not public yet.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto(storyPath))?.status()).toBe(404);

  // The moderator finds it in the queue, opens it and asks for changes with a section note.
  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  await signIn(moderator, staff.moderator);
  await moderator.goto("/admin/reviews");
  const queue = moderator.getByRole("list", { name: "Review queue" });
  const row = queue.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Nora Newcomer");
  await expect(row).toContainText(/waiting (under a minute|\d+ min)/);
  await expect(row.getByRole("list", { name: "Checks" })).toContainText("Subtitle");
  await screenshots(moderator, "review-queue");
  await row.getByRole("link", { name: title }).click();
  await expect(moderator).toHaveURL(new RegExp(`/admin/reviews/${storyId}$`));
  await expect(moderator.getByRole("article", { name: "Story preview" }).locator("h1")).toHaveText(title);
  await expect(moderator.locator("#main").getByText(/Reserved for you until/)).toBeVisible();
  await screenshots(moderator, "review-decision");
  await moderator.getByLabel("Reason").fill("The middle section needs a concrete example of the weather notes.");
  await moderator.getByLabel("Note on “What I learned”").fill("Quote one of the entries word for word.");
  await moderator.getByRole("button", { name: "Request changes" }).click();
  await expect(moderator).toHaveURL(/\/admin\/reviews\?done=changes$/);
  await expect(moderator.getByRole("status").filter({ visible: true })).toContainText("Changes requested");
  await expect(moderator.getByRole("list", { name: "Review queue" }).filter({ visible: true }).getByText(title)).toHaveCount(0);

  // The creator sees the reason and the note above the editor, edits and resubmits.
  await creator.goto(editUrl);
  const changes = creator.getByRole("region", { name: "A moderator asked for changes" });
  await expect(changes).toContainText("The middle section needs a concrete example of the weather notes.");
  await expect(changes.getByRole("list", { name: "Notes on sections" })).toContainText("What I learned");
  await expect(changes).toContainText("Quote one of the entries word for word.");
  await screenshots(creator, "review-editor-changes-requested");
  await creator.getByLabel("Subtitle").fill("Forty years of weather, in his own words");
  await creator.getByRole("button", { name: "Submit for review" }).click();
  await expect(creator).toHaveURL(/\/edit\?submitted=1$/);
  await expect(creator.getByRole("region", { name: "In review" })).toBeVisible();

  // The moderator approves it; it goes live.
  await moderator.goto(`/admin/reviews/${storyId}`);
  await expect(moderator.getByRole("heading", { name: "Earlier decisions" })).toBeVisible();
  // In the review panel: while the page streams, React briefly holds a second, hidden copy.
  await expect(moderator.getByRole("complementary", { name: "Review details" }).getByText("Changes requested by Mo Moderator")).toBeVisible();
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator).toHaveURL(/\/admin\/reviews\?done=published$/);

  const response = await visitor.goto(storyPath);
  expect(response?.status()).toBe(200);
  await expect(visitor.locator("h1")).toHaveText(title);
  await expect(visitor.getByText("Forty years of weather, in his own words")).toBeVisible();
  await visitor.goto("/journal");
  await expect(visitor.getByRole("link", { name: title }).first()).toBeVisible();

  // The creator's studio says it is published.
  await creator.goto("/studio");
  await expect(creator.getByRole("list", { name: "Your stories" }).getByRole("listitem").filter({ hasText: title })).toContainText("Published");

  await Promise.all([creatorContext.close(), visitorContext.close(), moderatorContext.close()]);
});

test("a submission opened by one moderator is shown as taken to another, and a creator can withdraw", async ({ browser }) => {
  const stamp = Date.now();
  const title = `Claimed story ${stamp}`;
  const creatorContext = await browser.newContext();
  const creator = await creatorContext.newPage();
  await signUp(creator, "Wes Waiting", { trusted: false, land: false });
  const storyId = await submitForReview(creator, title);

  const modContext = await browser.newContext();
  const mod = await modContext.newPage();
  await signIn(mod, staff.moderator);
  await mod.goto(`/admin/reviews/${storyId}`);
  await expect(mod.locator("#main").getByText(/Reserved for you/)).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, staff.admin);
  await admin.goto(`/admin/reviews/${storyId}`);
  await expect(admin.getByRole("main").getByText("Mo Moderator is reviewing this story.")).toBeVisible();
  await expect(admin.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  // The creator withdraws; the moderator's approval is then refused with the reason.
  await creator.getByRole("button", { name: "Withdraw" }).click();
  await expect(creator).toHaveURL(/\/edit\?withdrawn=1$/);
  await expect(creator.getByRole("textbox", { name: "Story", exact: true })).toBeVisible();
  await mod.getByRole("button", { name: "Approve and publish" }).click();
  await expect(mod.getByRole("alert").filter({ hasText: "The creator withdrew this story" })).toBeVisible();

  await Promise.all([creatorContext.close(), modContext.close(), adminContext.close()]);
});

test("a trusted creator schedules a story; the sweep publishes it when its time comes", async ({ browser }) => {
  const stamp = Date.now();
  const title = `Saturday morning ${stamp}`;
  const storyPath = `/journal/saturday-morning-${stamp}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, "Sam Scheduler", { land: false });
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Community").selectOption("journal");
  await fillStory(page, storyBody);
  // Two hours from now, as the browser's own datetime-local value.
  const later = await page.evaluate(() => {
    const at = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  await page.getByLabel("Publish at").fill(later);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/edit\?scheduled=1$/);
  await expect(page.getByRole("region", { name: "Scheduled" })).toContainText(/Scheduled to go live on .* — Withdraw to keep editing/);
  await screenshots(page, "review-editor-scheduled");
  const storyId = page.url().split("/").at(-2)!;

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto(storyPath))?.status()).toBe(404);

  await page.goto("/studio");
  await expect(page.getByRole("list", { name: "Your stories" }).getByRole("listitem").filter({ hasText: title })).toContainText("Scheduled");
  await screenshots(page, "review-studio-list");

  // Its time comes: the sweep (every 2 s in these tests) publishes it and expires the cached 404.
  await sql(`update "Story" set "scheduledAt" = now() - interval '1 minute' where id = $1`, [storyId]);
  await expect.poll(async () => (await visitor.goto(storyPath))?.status(), { timeout: 20_000, intervals: [1000] }).toBe(200);
  await expect(visitor.locator("h1")).toHaveText(title);

  await Promise.all([context.close(), visitorContext.close()]);
});
