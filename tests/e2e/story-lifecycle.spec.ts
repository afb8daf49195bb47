import { type Browser } from "@playwright/test";
import { expect, test } from "./test";
import { fillStory, publishStory, signIn, signUp, staff, submitForReview } from "./helpers";

// Issue 12's two ways around review, tried as a new creator would.

const shots = "test-results/artifacts";

async function pageFor(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("an approved story rewritten by a creator who is not trusted stays as approved until a moderator approves the edit", async ({ browser }) => {
  const stamp = Date.now();
  const title = `The harbour at dawn ${stamp}`;
  const storyPath = `/journal/the-harbour-at-dawn-${stamp}`;
  const creator = await pageFor(browser);
  await signUp(creator, "Nell Newcomer", { trusted: false, land: false });
  const storyId = await submitForReview(creator, title);
  const editUrl = creator.url().replace(/\?.*$/, "");

  const moderator = await pageFor(browser);
  await signIn(moderator, staff.moderator);
  await moderator.goto(`/admin/reviews/${storyId}`);
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator).toHaveURL(/\/admin\/reviews\?done=published$/);

  // Approved once; now the creator replaces the text with spam and presses a plain Save.
  await creator.goto(editUrl);
  await expect(creator.getByText("This story is live. Your edits are reviewed before readers see them")).toBeVisible();
  await creator.getByLabel("Title", { exact: true }).fill(`CHEAP PILLS ${stamp}`);
  await fillStory(creator, "## Buy now\n\nVisit our shop for the cheapest pills on the whole internet, today only.");
  await creator.getByRole("button", { name: "Save changes" }).click();
  await expect(creator.getByText("Saved. Your changes wait for review: readers still see the live version.")).toBeVisible();

  const visitor = await pageFor(browser);
  expect((await visitor.goto(storyPath))?.status()).toBe(200);
  await expect(visitor.locator("h1")).toHaveText(title);
  await expect(visitor.getByText("cheapest pills")).toHaveCount(0);

  // Submitting puts the edit in the queue; the creator sees it waiting and what is live.
  await creator.getByRole("button", { name: "Submit changes for review" }).click();
  await expect(creator).toHaveURL(/\/edit\?submitted=1$/);
  const held = creator.getByRole("region", { name: "Changes waiting for review" });
  await expect(held).toContainText("Your changes are waiting for review");
  await expect(held).toContainText(`Readers still see the live version, “${title}”`);
  await expect(held.getByRole("link", { name: "See what is live" })).toHaveAttribute("href", storyPath);
  await creator.evaluate(() => window.scrollTo(0, 0));
  await creator.screenshot({ path: `${shots}/lifecycle-creator-held-edit.png`, fullPage: true });

  await moderator.goto("/admin/reviews");
  const row = moderator.getByRole("list", { name: "Review queue" }).getByRole("listitem").filter({ hasText: `CHEAP PILLS ${stamp}` });
  await expect(row).toContainText("Edit to a live story");
  const changes = row.getByTestId("story-changes");
  await expect(changes.locator("ins").first()).toContainText("CHEAP PILLS");
  await expect(changes.locator("del").first()).toContainText("The harbour at dawn");
  await moderator.screenshot({ path: `${shots}/lifecycle-review-queue-edit.png`, fullPage: true });

  // Still the approved text until the moderator approves the change.
  expect((await visitor.goto(storyPath))?.status()).toBe(200);
  await expect(visitor.locator("h1")).toHaveText(title);
  await row.getByRole("link", { name: `CHEAP PILLS ${stamp}` }).click();
  await expect(moderator.getByRole("heading", { name: "Edit to a live story: what it changes" })).toBeVisible();
  await moderator.screenshot({ path: `${shots}/lifecycle-review-edit-decision.png`, fullPage: true });
  await moderator.getByLabel("Reason").fill("This is an advertisement, not a story.");
  await moderator.getByRole("button", { name: "Request changes" }).click();
  await expect(moderator).toHaveURL(/\/admin\/reviews\?done=changes$/);
  expect((await visitor.goto(storyPath))?.status()).toBe(200);
  await expect(visitor.locator("h1")).toHaveText(title);
  await creator.goto(editUrl);
  await expect(creator.getByRole("region", { name: "Changes waiting for review" })).toContainText("This is an advertisement, not a story.");
});

test("a story a moderator unpublished can't be published again by its creator; they see why and can appeal", async ({ browser }) => {
  const title = `Borrowed words ${Date.now()}`;
  const creator = await pageFor(browser);
  await signUp(creator, "Tom Trusted", { land: false });
  const storyUrl = await publishStory(creator, title);
  const storyPath = new URL(storyUrl).pathname;

  const reader = await pageFor(browser);
  await signUp(reader, "Rita Reader", { land: false });
  await reader.goto(storyPath);
  await reader.getByRole("button", { name: "Report this story" }).click();
  await reader.getByRole("dialog").getByRole("radio", { name: "Plagiarism" }).check();
  await reader.getByRole("dialog").getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("dialog").getByRole("status")).toContainText("Thanks for letting us know");

  const moderator = await pageFor(browser);
  await signIn(moderator, staff.moderator);
  await moderator.goto("/admin/reports");
  const card = moderator.getByRole("article").filter({ hasText: title });
  await card.getByRole("button", { name: "Unpublish story" }).click();
  await card.getByLabel("Reason").fill("Copied from another site");
  await card.getByRole("button", { name: "Unpublish story" }).last().click();
  await expect(moderator.getByRole("status").filter({ hasText: "Story unpublished" })).toBeVisible();

  // The creator's editor is read-only, says why, and links to the decision (where they can appeal).
  await creator.goto("/studio");
  await creator.getByRole("list", { name: "Your stories" }).getByRole("link", { name: title }).first().click();
  const banner = creator.getByRole("region", { name: "Taken down" });
  await expect(banner).toContainText("A moderator took this story down");
  await expect(banner).toContainText("Copied from another site");
  await expect(creator.getByRole("button", { name: /Publish|Update story|Submit/ })).toHaveCount(0);
  await creator.screenshot({ path: `${shots}/lifecycle-creator-taken-down.png`, fullPage: true });
  await banner.getByRole("link", { name: "See details / appeal" }).click();
  await expect(creator).toHaveURL(/\/moderation\/[^/]+$/);
  await expect(creator.getByRole("button", { name: /appeal/i }).first()).toBeVisible();

  const visitor = await pageFor(browser);
  expect((await visitor.goto(storyPath))?.status()).toBe(404);
});
