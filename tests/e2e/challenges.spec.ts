import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectNoSeriousA11yViolations, publishStory, signIn, signUp, sql, staff } from "./helpers";

// The main challenge flow across four people: staff create a challenge, a creator enters a story
// from the editor, a judge scores it blind and shortlists it, staff announce the winner, and the
// winner is shown (page, badge, notification). Screenshots at 375 px and desktop go to test-results/.

async function shot(page: Page, name: string) {
  // From the top: a full-page shot of a scrolled page paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** A datetime-local value `fromNowMs` from now, in the page's own time zone. */
async function localTime(page: Page, fromNowMs: number) {
  return page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, fromNowMs);
}

// Text is looked for in each page's main part: while a page streams, a hidden second copy of
// some of it can sit outside <main> for a moment (seen in CI), and an unscoped lookup finds both.
test("staff create a challenge, a creator enters, a judge scores blind, staff announce, the winner is shown", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Small hours ${stamp}`;
  const slug = `small-hours-${stamp}`;

  // A judge (an invited member) and a creator, each in their own browser; staff in a third, in another time zone.
  const judge = await (await browser.newContext()).newPage();
  await signUp(judge, "Judy Judge", { land: false });
  const [{ handle: judgeHandle }] = await sql<{ handle: string }>(`select handle from "User" where name = 'Judy Judge' order by "createdAt" desc limit 1`);
  const creator = await (await browser.newContext()).newPage();
  const creatorAccount = await signUp(creator, "Cora Creator", { land: false });
  const admin = await (await browser.newContext({ timezoneId: "America/New_York" })).newPage();
  await signIn(admin, staff.admin);

  // Staff create it: the form's errors first, then the challenge.
  await admin.goto("/admin/challenges");
  await admin.getByRole("link", { name: "New challenge" }).click();
  await admin.getByRole("button", { name: "Create challenge" }).click();
  await expect(admin.getByRole("main").getByText("Give the challenge a title")).toBeVisible();
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Address").fill(slug);
  await admin.getByLabel("Prompt").fill("Write about **the small hours**, between midnight and dawn.");
  await admin.getByLabel("Community").selectOption("journal");
  await admin.getByLabel("Fewest words").fill("20");
  await admin.getByLabel("Entries open").fill(await localTime(admin, -60 * 60 * 1000));
  await admin.getByLabel("Deadline").fill(await localTime(admin, 2 * 24 * 60 * 60 * 1000));
  await admin.getByLabel("Prizes").fill("Winner: $300\nRunner-up: $50");
  await admin.getByLabel("Judges").fill(`@${judgeHandle}`);
  await admin.getByLabel("Why (for the audit log)").fill("Season opener");
  await admin.getByRole("button", { name: "Create challenge" }).click();
  await expect(admin.getByRole("main").getByText("Challenge created.")).toBeVisible();
  const challengeAdminUrl = admin.url().replace(/\?.*$/, "");

  // Anyone finds it under Challenges (header link), open, with a countdown in their own time zone.
  const visitor = await (await browser.newContext({ timezoneId: "Asia/Tokyo" })).newPage();
  await visitor.goto("/");
  await visitor.getByRole("banner").getByRole("link", { name: "Challenges" }).click();
  await expect(visitor).toHaveURL(/\/challenges$/);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByTestId("countdown")).toContainText(/in (1 day|2 days|\d+ hours)/);
  const closes = await sql<{ closesAt: Date }>(`select "closesAt" from "Challenge" where slug = $1`, [slug]);
  // Formatted by the browser itself, explicitly in Tokyo time: the page must show the same.
  const tokyo = await visitor.evaluate((iso) => new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(new Date(iso)), closes[0].closesAt.toISOString());
  await expect(visitor.getByTestId("countdown")).toContainText(tokyo);
  await expect(visitor.getByRole("main").getByText("No entries yet.")).toBeVisible();

  // The creator publishes a story and enters it from the editor; a story in the wrong community is refused in publishing's words.
  const storyUrl = await publishStory(creator, `Three in the morning ${stamp}`);
  const storyId = await creator.locator("article[data-story-id]").getAttribute("data-story-id");
  await creator.goto(`/studio/stories/${storyId}/edit`);
  await creator.getByLabel("Enter this story in…").selectOption({ label: `${title} (Journal, at least 20 words)` });
  await creator.getByRole("button", { name: "Enter story" }).click();
  await expect(creator.getByRole("status").filter({ hasText: "Entered." })).toBeVisible();
  const receipt = creator.getByRole("list", { name: "Receipt" });
  await expect(receipt).toContainText("Received");
  await expect(receipt).not.toContainText("Read by judges");
  const other = await publishStory(creator, `Council notes ${stamp}`, { community: "the-swamp" });
  await creator.goto(`/studio/stories/${await creator.locator("article[data-story-id]").getAttribute("data-story-id")}/edit`);
  await creator.getByLabel("Enter this story in…").selectOption({ label: `${title} (Journal, at least 20 words)` });
  await creator.getByRole("button", { name: "Enter story" }).click();
  await expect(creator.getByRole("main").getByText(`${title} entries are published in Journal; move this story there first`)).toBeVisible();
  expect(other).toContain("/the-swamp/");

  // The entry shows on the challenge page as a story card.
  await visitor.reload();
  await expect(visitor.getByRole("link", { name: `Three in the morning ${stamp}` })).toBeVisible();

  // The judge scores it blind and shortlists it.
  await judge.goto(`/challenges/${slug}/judge`);
  await expect(judge.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(judge.getByRole("main").getByText("Blind judging")).toBeVisible();
  await expect(judge.getByRole("main").getByText("Entry 1", { exact: true })).toBeVisible();
  await expect(judge.getByText("Cora Creator")).toHaveCount(0);
  const scores = judge.getByRole("form", { name: "Scores for Entry 1" });
  await scores.getByRole("button", { name: "Save scores" }).click();
  await expect(scores.getByText("Score 1 to 10").first()).toBeVisible();
  for (const criterion of ["Originality", "Craft", "Fit to the prompt"]) await scores.getByLabel(criterion).selectOption("8");
  await scores.getByLabel("Note to the creator").fill("The cleaners' lights stayed with me.");
  await scores.getByRole("button", { name: "Save scores" }).click();
  await expect(scores.getByText("Scores saved.")).toBeVisible();
  await judge.getByRole("button", { name: "Add to the shortlist" }).click();
  await expect(judge.getByRole("button", { name: "Take off the shortlist" })).toBeVisible();
  await shot(judge, "challenge-judging-desktop");
  await expectNoSeriousA11yViolations(judge);
  await judge.setViewportSize({ width: 375, height: 812 });
  await judge.reload();
  await expectNoSidewaysScroll(judge);
  await shot(judge, "challenge-judging-375");
  // Somebody who isn't a judge sees no entries.
  await creator.goto(`/challenges/${slug}/judge`);
  await expect(creator.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  // The creator's receipt: read by judges, shortlisted.
  await creator.goto(`/studio/stories/${storyId}/edit`);
  await expect(receipt).toContainText("Read by judges on");
  await expect(receipt).toContainText("Shortlisted");

  // The deadline passes (time, which the UI can't move); entries lock and staff announce.
  await sql(`update "Challenge" set "closesAt" = now() - interval '1 minute' where slug = $1`, [slug]);
  await creator.reload();
  await expect(creator.getByRole("main").getByText("Entries locked at the deadline")).toBeVisible();
  await admin.goto(challengeAdminUrl);
  const announce = admin.getByRole("region", { name: "Announce the winners" });
  await announce.getByRole("button", { name: "Announce winners" }).click();
  await expect(announce.getByText("Choose exactly one winner")).toBeVisible();
  await announce.getByLabel("Place").selectOption("WINNER");
  await announce.getByLabel("Judges’ note (shown with the results)").fill("A voice we won't forget.");
  await announce.getByLabel("Why (for the audit log)").fill("The judges agreed");
  await announce.getByRole("button", { name: "Announce winners" }).click();
  await expect(admin.getByRole("main").getByText("Winners announced.")).toBeVisible();

  // The winner is shown: on the challenge page with the note, as a badge on the story and the profile, and in the creator's notifications.
  await visitor.goto(`/challenges/${slug}`);
  const results = visitor.getByRole("region", { name: "Winners" });
  await expect(results).toContainText(`Three in the morning ${stamp}`);
  await expect(results).toContainText("A voice we won't forget.");
  await visitor.goto(storyUrl);
  await expect(visitor.getByRole("list", { name: "Challenge awards" })).toContainText(`Winner: ${title}`);
  await visitor.getByRole("link", { name: "Cora Creator" }).first().click();
  await expect(visitor.getByRole("list", { name: "Challenge awards" })).toContainText(`Winner: ${title}`);
  await creator.goto("/notifications");
  await expect(creator.getByRole("main").getByText(`“Three in the morning ${stamp}” won ${title}. Congratulations!`)).toBeVisible();
  await creator.goto(`/studio/stories/${storyId}/edit`);
  await expect(receipt).toContainText("Winner");
  await expect(creator.getByRole("main").getByText("The cleaners' lights stayed with me.")).toBeVisible();
  expect(creatorAccount.email).toContain("@example.com");

  // Screenshots (desktop, then 375 px) and axe on the new pages, light and dark.
  for (const [name, page, path] of [
    ["challenges-list", visitor, "/challenges"],
    ["challenge-page", visitor, `/challenges/${slug}`],
    ["challenge-admin", admin, challengeAdminUrl],
    ["challenge-entry-panel", creator, `/studio/stories/${storyId}/edit`],
  ] as const) {
    await page.goto(path);
    await shot(page, `${name}-desktop`);
    await expectNoSeriousA11yViolations(page);
    await setTheme(page, "dark");
    await expectNoSeriousA11yViolations(page);
    if (name === "challenge-page") await shot(page, `${name}-dark`);
    await setTheme(page, "light");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await expectNoSidewaysScroll(page);
    await shot(page, `${name}-375`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
