import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { signUp, sql, storyByNewCreator } from "./helpers";

async function newReader(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, name, { land: false }); // each reader opens the story next
  return page;
}

/**
 * Holds the page's server actions (POSTs to the story URL) until `release()`, so their pending state
 * can be seen; later ones go straight through.
 */
async function holdActions(page: Page, url: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    if (route.request().method() === "POST") await released;
    await route.continue();
  });
  return release;
}

const commentsOf = (page: Page) => page.getByRole("region", { name: /^Comments/ });
const commentBy = (page: Page, name: string) => commentsOf(page).getByRole("article").filter({ hasText: name });

test("readers comment and reply; the author edits and deletes, and the reply keeps its place", async ({ browser }) => {
  const { url: storyUrl } = await storyByNewCreator("Thread Creator", "A story worth talking about");

  // The first reader comments; it shows at once, greyed, until the server has it.
  const ana = await newReader(browser, "Ana Commenter");
  await ana.goto(storyUrl);
  const releaseAna = await holdActions(ana, storyUrl);
  await ana.getByLabel("Add a comment").fill("The part about **Mondays** got me.");
  await ana.getByRole("button", { name: "Post comment" }).click();
  const pending = commentsOf(ana).locator("article[aria-busy=true]");
  await expect(pending).toContainText("Posting…");
  await expect(pending).toContainText("The part about **Mondays** got me.");
  await expect(commentsOf(ana)).not.toContainText("There are no comments for this story");
  releaseAna();
  await expect(pending).toHaveCount(0);
  await expect(commentBy(ana, "Ana Commenter").locator("strong")).toHaveText("Mondays");
  await expect(commentBy(ana, "Ana Commenter").locator("time")).toBeVisible();
  await expect(ana.getByLabel("Add a comment")).toHaveValue("");

  // A second reader replies from the keyboard: the form opens under the comment, Escape closes it.
  const ben = await newReader(browser, "Ben Replier");
  await ben.goto(storyUrl);
  const anaComment = commentBy(ben, "Ana Commenter");
  await expect(anaComment.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  const reply = anaComment.getByRole("button", { name: "Reply", exact: true });
  await reply.focus();
  await ben.keyboard.press("Enter");
  const replyBox = ben.getByLabel("Reply to Ana Commenter");
  await expect(replyBox).toBeFocused();
  await expect(reply).toHaveAttribute("aria-expanded", "true");
  await ben.keyboard.press("Escape");
  await expect(replyBox).toHaveCount(0);
  await expect(reply).toBeFocused();
  await ben.keyboard.press("Enter");
  await replyBox.fill("Mondays were bread days at ours too.");
  await ben.getByRole("button", { name: "Post reply" }).click();
  await expect(replyBox).toHaveCount(0);
  const replies = commentsOf(ben).locator("li li");
  await expect(replies).toHaveCount(1);
  await expect(replies).toContainText("Ben Replier");
  await expect(replies).toContainText("Mondays were bread days at ours too.");
  await expect(ben.locator("#comments-heading")).toContainText("(2 comments)");

  // The thread at desktop and phone widths.
  await commentsOf(ben).scrollIntoViewIfNeeded();
  await commentsOf(ben).screenshot({ path: "test-results/artifacts/comments-thread.png" });
  await ben.setViewportSize({ width: 390, height: 844 });
  await commentsOf(ben).screenshot({ path: "test-results/artifacts/comments-thread-390.png" });

  // The first reader edits their comment.
  await ana.reload();
  const mine = commentBy(ana, "Ana Commenter").first();
  await mine.getByRole("button", { name: "Edit", exact: true }).click();
  const editBox = ana.getByLabel("Edit your comment");
  await expect(editBox).toBeFocused();
  await expect(editBox).toHaveValue("The part about **Mondays** got me.");
  await editBox.fill("The part about *Mondays* got me, and the soup.");
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(editBox).toHaveCount(0);
  await expect(mine).toContainText("edited");
  await expect(mine.locator("em")).toHaveText("Mondays");

  // …and deletes it: a placeholder stays because of the reply.
  await mine.getByRole("button", { name: "Delete", exact: true }).click();
  await ana.getByRole("button", { name: "Delete comment" }).click();
  await expect(commentsOf(ana)).toContainText("Comment deleted");
  await expect(commentsOf(ana)).not.toContainText("Mondays, and the soup");
  await expect(commentBy(ana, "Ana Commenter")).toHaveCount(0);
  await expect(commentsOf(ana).locator("li li")).toContainText("Mondays were bread days at ours too.");
  await expect(ana.locator("#comments-heading")).toContainText("(1 comment)");

  // A visitor sees the same thread, with nothing to click.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(storyUrl);
  await expect(commentsOf(visitor)).toContainText("Comment deleted");
  await expect(commentsOf(visitor)).toContainText("Ben Replier");
  await expect(commentsOf(visitor).getByRole("button")).toHaveCount(0);
});

test("a refused or invalid comment rolls back and keeps what was typed", async ({ browser }) => {
  const { url: storyUrl } = await storyByNewCreator("Quiet Creator", "A story with a short-lived comment");
  const ana = await newReader(browser, "Ana Fleeting");
  await ana.goto(storyUrl);
  await ana.getByLabel("Add a comment").fill("I may take this back.");
  await ana.getByRole("button", { name: "Post comment" }).click();
  await expect(commentBy(ana, "Ana Fleeting")).toBeVisible();
  // Saved, not only shown (a comment shows at once, greyed, while it posts): Ben's page must find it.
  await expect(commentsOf(ana).locator("article[aria-busy=true]")).toHaveCount(0);

  // Ben starts a reply, then the comment he is answering goes away before he sends it.
  const ben = await newReader(browser, "Ben Late");
  await ben.goto(storyUrl);
  await commentBy(ben, "Ana Fleeting").getByRole("button", { name: "Reply", exact: true }).click();
  await ben.getByLabel("Reply to Ana Fleeting").fill("Too late, I saw it.");
  await commentBy(ana, "Ana Fleeting").getByRole("button", { name: "Delete", exact: true }).click();
  await ana.getByRole("button", { name: "Delete comment" }).click();
  await expect(commentsOf(ana)).toContainText("There are no comments for this story");

  const releaseBen = await holdActions(ben, storyUrl);
  await ben.getByRole("button", { name: "Post reply" }).click();
  await expect(commentsOf(ben).locator("article[aria-busy=true]")).toContainText("Too late, I saw it.");
  releaseBen();
  await expect(commentsOf(ben).getByRole("alert")).toHaveText("The comment you replied to isn't there any more.");
  await expect(commentsOf(ben).locator("article[aria-busy=true]")).toHaveCount(0);
  await expect(ben.getByLabel("Reply to Ana Fleeting")).toHaveValue("Too late, I saw it.");

  // A comment over the limit is refused before anything shows, and the text stays.
  const tooLong = "So much to say. ".repeat(126);
  // The browser's own limit stops typing at 2,000; lift it to reach the server's check.
  await ben.getByLabel("Add a comment").evaluate((box: HTMLTextAreaElement) => box.removeAttribute("maxlength"));
  await ben.getByLabel("Add a comment").fill(tooLong);
  await ben.getByRole("button", { name: "Post comment" }).click();
  await expect(ben.getByText("Comments can be at most 2,000 characters")).toBeVisible();
  await expect(ben.getByLabel("Add a comment")).toHaveValue(tooLong);
  await expect(ben.getByLabel("Add a comment")).toHaveAttribute("aria-invalid", "true");
  await expect(commentsOf(ben).locator("article[aria-busy=true]")).toHaveCount(0);
});

test("a long conversation: the story shows the latest 30 threads and pages back through the earlier ones", async ({ browser }) => {
  const { id: storyId, url: storyUrl } = await storyByNewCreator("Busy Creator", "A story with a long conversation");
  // 32 earlier comments, a minute apart, written straight to the database.
  await sql(
    `insert into "Comment" (id, "storyId", "authorId", body, "bodyHtml", "createdAt")
     select 'e2e-long-' || lpad(i::text, 2, '0'), s.id, s."authorId", 'Earlier comment ' || i, '<p>Earlier comment ' || i || '</p>', now() - ((40 - i) || ' minutes')::interval
     from "Story" s, generate_series(1, 32) i where s.id = $1`,
    [storyId],
  );
  await sql(`update "Story" set "commentCount" = 32 where id = $1`, [storyId]);

  // A reader's comment refreshes the conversation: it is the newest of the 30 shown.
  const reader = await newReader(browser, "Late Reader");
  await reader.goto(storyUrl);
  await reader.getByLabel("Add a comment").fill("The newest comment.");
  await reader.getByRole("button", { name: "Post comment" }).click();
  await expect(commentsOf(reader).getByRole("heading", { name: "Comments (33 comments)" })).toBeVisible();
  await expect(commentsOf(reader).getByRole("article")).toHaveCount(30);
  await expect(commentsOf(reader).getByRole("article").last()).toContainText("The newest comment.");
  await expect(commentsOf(reader).getByRole("article").first()).toContainText("Earlier comment 4");
  await reader.setViewportSize({ width: 375, height: 800 });
  await commentsOf(reader).getByRole("link", { name: "Show earlier comments" }).scrollIntoViewIfNeeded();
  await reader.screenshot({ path: "test-results/comments-latest-phone.png" });

  await commentsOf(reader).getByRole("link", { name: "Show earlier comments" }).click();
  await expect(reader).toHaveURL(/\/comments\/e2e-long-04$/);
  const earlier = reader.getByRole("region", { name: /^Earlier comments/ });
  await expect(earlier.getByRole("article")).toHaveCount(3);
  await expect(earlier.getByRole("article").first()).toContainText("Earlier comment 1");
  await expect(earlier.getByRole("link", { name: "Show earlier comments" })).toHaveCount(0);
  await expect(reader.getByLabel("Add a comment").filter({ visible: true })).toHaveCount(0);
  await reader.screenshot({ path: "test-results/comments-earlier-phone.png", fullPage: true });
  await earlier.getByRole("link", { name: "Back to the latest comments" }).click();
  await expect(reader).toHaveURL(new RegExp(`${new URL(storyUrl).pathname}#comments-heading$`));
});
