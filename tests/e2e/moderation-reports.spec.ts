import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { insertPublishedStories, publishStory, signIn, signUp, staff, storyByNewCreator } from "./helpers";

async function newReader(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, name, { land: false }); // each opens a story next
  return page;
}

async function moderatorPage(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, staff.moderator);
  return page;
}

const commentsOf = (page: Page) => page.getByRole("region", { name: /^Comments/ });
const commentBy = (page: Page, name: string) => commentsOf(page).getByRole("article").filter({ hasText: name });
const shot = (name: string) => `test-results/artifacts/${name}.png`;

test("a reader reports a comment; a moderator hides it from /admin/reports; readers see a placeholder, its author the reason", async ({ browser }) => {
  const { url: storyUrl } = await storyByNewCreator("Report Creator", "A story with a spammy comment");

  const spammer = await newReader(browser, "Sam Spammer");
  await spammer.goto(storyUrl);
  await spammer.getByLabel("Add a comment").fill("Buy followers cheap at spam.example today");
  await spammer.getByRole("button", { name: "Post comment" }).click();
  await expect(commentBy(spammer, "Sam Spammer")).toContainText("Buy followers cheap");
  await expect(commentsOf(spammer).locator("article[aria-busy=true]")).toHaveCount(0);
  // Nobody is offered a report of their own comment.
  await expect(commentBy(spammer, "Sam Spammer").getByRole("button", { name: "Report this comment" })).toHaveCount(0);

  // A reader opens the dialog: focus goes in, Escape closes it and focus comes back.
  const reader = await newReader(browser, "Rita Reporter");
  await reader.goto(storyUrl);
  const reportButton = commentBy(reader, "Sam Spammer").getByRole("button", { name: "Report this comment" });
  await reportButton.click();
  const dialog = reader.getByRole("dialog");
  await expect(reader.getByRole("dialog", { name: "Report this comment" })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Spam" })).toBeFocused();
  await reader.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reportButton).toBeFocused();

  // A reason (radio buttons) and details, then a thank-you.
  await reportButton.click();
  await expect(dialog.getByRole("radio")).toHaveCount(8);
  await dialog.getByRole("radio", { name: "Spam" }).check();
  await dialog.getByLabel(/Anything else a moderator should know/).fill("Link spam in every story this week.");
  await dialog.screenshot({ path: shot("report-dialog") });
  await reader.setViewportSize({ width: 375, height: 740 });
  await reader.screenshot({ path: shot("report-dialog-375") });
  await reader.setViewportSize({ width: 1280, height: 720 });
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("status")).toContainText("Thanks for letting us know");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reportButton).toBeFocused();

  // A second report on the same comment is refused kindly.
  await reportButton.click();
  await dialog.getByRole("radio", { name: "Harassment" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("You've already reported this. A moderator will look at it.");
  await reader.keyboard.press("Escape");

  // The moderator finds it in the queue, with its context and the reporter's words, and hides it.
  const moderator = await moderatorPage(browser);
  await moderator.goto("/admin/reports");
  const card = moderator.getByRole("article").filter({ hasText: "Buy followers cheap" });
  await expect(card).toContainText("1 report");
  await expect(card).toContainText("A story with a spammy comment");
  await expect(card).toContainText("Link spam in every story this week.");
  await expect(card).toContainText("Rita Reporter");
  await expect(card.getByRole("link", { name: /Restrict author/ })).toHaveAttribute("href", /\/admin\/users\//);
  await moderator.screenshot({ path: shot("admin-reports"), fullPage: true });
  await moderator.setViewportSize({ width: 375, height: 800 });
  await moderator.screenshot({ path: shot("admin-reports-375"), fullPage: true });
  await moderator.setViewportSize({ width: 1280, height: 720 });
  await card.getByRole("button", { name: "Hide comment" }).click();
  // The reason is required.
  await card.getByRole("button", { name: "Hide comment" }).last().click();
  await expect(card.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("Reason").fill("Spam links");
  await card.getByRole("button", { name: "Hide comment" }).last().click();
  await expect(moderator.getByRole("status").filter({ hasText: "Comment hidden; its reports are resolved." })).toBeVisible();
  await expect(moderator.getByRole("article").filter({ hasText: "Buy followers cheap" })).toHaveCount(0);

  // An anonymous reader, on the next request: the placeholder, never the text.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(storyUrl);
  await expect(commentsOf(anonymous)).toContainText("This comment was hidden by a moderator");
  await expect(commentsOf(anonymous)).not.toContainText("Buy followers");
  await expect(anonymous.locator("#comments-heading")).toContainText("(0 comments)");

  // Its author sees their own text with the reason, and where to appeal.
  await spammer.reload();
  const mine = commentsOf(spammer).getByTestId("my-hidden-comment");
  await expect(mine).toContainText("Hidden by a moderator: Spam links");
  await expect(mine).toContainText("Buy followers cheap");
  await expect(mine.getByRole("link", { name: /appeal/ })).toHaveAttribute("href", /^\/moderation\/\w+/);

  // Staff see Restore and Remove on the placeholder.
  await moderator.goto(storyUrl);
  await expect(commentsOf(moderator).getByRole("button", { name: "Restore" })).toBeVisible();
  await expect(commentsOf(moderator).getByRole("button", { name: "Lock conversation" })).toBeVisible();
  await commentsOf(moderator).scrollIntoViewIfNeeded();
  await commentsOf(moderator).screenshot({ path: shot("story-hidden-comment-moderator") });
  await spammer.setViewportSize({ width: 375, height: 800 });
  await commentsOf(spammer).screenshot({ path: shot("story-hidden-comment-author-375") });
  await spammer.setViewportSize({ width: 1280, height: 720 });

  // The author appeals from the link beside their hidden comment...
  await mine.getByRole("link", { name: /appeal/ }).click();
  await expect(spammer).toHaveURL(/\/moderation\/\w+$/);
  await expect(spammer.getByRole("main")).toContainText("Spam links");
  await spammer.getByLabel("Your appeal").fill("It was a joke between friends about a spam bot, not an advert.");
  await spammer.getByRole("button", { name: "Send appeal" }).click();
  await expect(spammer.getByRole("main").getByTestId("appeal-status")).toContainText("Appeal pending");

  // ...an admin answers in /admin/appeals and overturns it...
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, staff.admin);
  await admin.goto("/admin/appeals");
  const appeal = admin.getByRole("listitem", { name: "Appeal by Sam Spammer" });
  await expect(appeal).toContainText("It was a joke between friends");
  await appeal.getByLabel("Overturn (undo it)").check();
  await appeal.getByLabel("Answer").fill("Fair enough: the link was not live. Restored.");
  await appeal.getByRole("button", { name: "Send answer" }).click();
  await expect(admin.getByRole("listitem", { name: "Appeal by Sam Spammer" })).toHaveCount(0);

  // ...the author hears it through the bell, and the comment is back for everyone on the next request.
  await spammer.goto("/");
  await spammer.getByRole("link", { name: /Notifications \(\d+ unread\)/ }).click();
  await expect(spammer.getByRole("list", { name: "Notifications" })).toContainText("Fair enough: the link was not live. Restored.");
  await anonymous.reload();
  await expect(commentBy(anonymous, "Sam Spammer")).toContainText("Buy followers cheap");
  await expect(commentsOf(anonymous)).not.toContainText("This comment was hidden by a moderator");
});

test("the creator turns comments off; a moderator locks a conversation", async ({ browser }) => {
  const creator = await (await browser.newContext()).newPage();
  const account = await signUp(creator, "Switch Creator", { land: false });
  const [{ id: storyId, url: storyUrl }] = await insertPublishedStories(account.email, ["A story whose comments get switched"]);
  const reader = await newReader(browser, "Lou Reader");
  await reader.goto(storyUrl);
  await reader.getByLabel("Add a comment").fill("First!");
  await reader.getByRole("button", { name: "Post comment" }).click();
  await expect(commentBy(reader, "Lou Reader")).toContainText("First!");
  await expect(commentsOf(reader).locator("article[aria-busy=true]")).toHaveCount(0);
  await reader.getByLabel("Add a comment").fill("A second, kinder thought.");
  await reader.getByRole("button", { name: "Post comment" }).click();
  await expect(commentsOf(reader).locator("article[aria-busy=true]")).toHaveCount(0);
  await expect(commentsOf(reader).getByRole("article")).toHaveCount(2);

  // The creator hides a comment on their own story, then turns comments off.
  await creator.goto(storyUrl);
  const settings = commentsOf(creator).getByTestId("comment-settings");
  await expect(settings.getByRole("button", { name: "Lock conversation" })).toHaveCount(0);
  await commentBy(creator, "Lou Reader").filter({ hasText: "First!" }).getByRole("button", { name: "Hide", exact: true }).click();
  await commentsOf(creator).getByLabel("Reason").fill("Off topic");
  await commentsOf(creator).getByRole("button", { name: "Hide comment" }).click();
  await expect(commentsOf(creator)).toContainText("This comment was hidden by the story's creator");
  await expect(commentsOf(creator).getByRole("button", { name: "Restore" })).toBeVisible();
  await settings.getByRole("button", { name: "Turn comments off" }).click();
  await expect(commentsOf(creator)).toContainText("Comments are turned off for this story.");
  await expect(creator.getByLabel("Add a comment")).toHaveCount(0);
  await expect(settings.getByRole("button", { name: "Turn comments on" })).toBeVisible();

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(storyUrl);
  await expect(commentsOf(anonymous)).toContainText("Comments are turned off for this story.");
  await expect(commentsOf(anonymous)).toContainText("This comment was hidden by the story's creator");

  // Back on; then a moderator locks the conversation.
  await settings.getByRole("button", { name: "Turn comments on" }).click();
  await expect(creator.getByLabel("Add a comment")).toBeVisible();
  const moderator = await moderatorPage(browser);
  await moderator.goto(storyUrl);
  await commentsOf(moderator).getByRole("button", { name: "Lock conversation" }).click();
  await commentsOf(moderator).getByLabel("Reason").fill("Heated argument");
  await commentsOf(moderator).getByRole("button", { name: "Lock conversation" }).last().click();
  await expect(commentsOf(moderator)).toContainText("This conversation has been locked by a moderator.");
  await expect(commentsOf(moderator).getByRole("button", { name: "Unlock conversation" })).toBeVisible();
  // Staff controls on a visible comment: no Reply while locked; Hide, Remove and Report.
  const kind = commentBy(moderator, "Lou Reader");
  await expect(kind.getByRole("button", { name: "Reply", exact: true })).toHaveCount(0);
  await expect(kind.getByRole("button", { name: "Hide", exact: true })).toBeVisible();
  await expect(kind.getByRole("button", { name: "Remove", exact: true })).toBeVisible();
  await expect(kind.getByRole("button", { name: "Report this comment" })).toBeVisible();
  await commentsOf(moderator).scrollIntoViewIfNeeded();
  await commentsOf(moderator).screenshot({ path: shot("story-locked-moderator") });
  await moderator.setViewportSize({ width: 375, height: 800 });
  await commentsOf(moderator).screenshot({ path: shot("story-locked-moderator-375") });

  await reader.goto(storyUrl);
  await expect(commentsOf(reader)).toContainText("This conversation has been locked by a moderator.");
  await expect(reader.getByLabel("Add a comment")).toHaveCount(0);

  // The studio editor has the same switch, and tells the creator about the lock.
  await creator.goto(`/studio/stories/${storyId}/edit`);
  const manage = creator.getByRole("region", { name: "Manage this story" });
  await expect(manage).toContainText("A moderator has locked the conversation");
  await manage.getByRole("button", { name: "Turn comments off" }).click();
  await expect(manage.getByRole("status")).toHaveText("Comments are off.");
  await reader.goto(storyUrl);
  await expect(commentsOf(reader)).toContainText("Comments are turned off for this story.");
});

test("reports on a story and an account; a moderator unpublishes the story from the queue", async ({ browser }) => {
  const creator = await newReader(browser, "Copy Cat");
  const title = `A plagiarised story ${Date.now()}`;
  const storyUrl = await publishStory(creator, title);

  // Signed out: the Report control is a way to sign in that comes back.
  const anonymous = await (await browser.newContext()).newPage();
  // The site feed, the community feed and search have it (and now hold it in their caches).
  const searchFor = `/api/search?q=${encodeURIComponent(title)}`;
  const listed = async () => ({
    feed: (await (await anonymous.request.get("/feed.xml")).text()).includes(title),
    communityFeed: (await (await anonymous.request.get("/journal/feed.xml")).text()).includes(title),
    search: (await (await anonymous.request.get(searchFor)).text()).includes(title),
  });
  expect(await listed()).toEqual({ feed: true, communityFeed: true, search: true });
  await anonymous.goto(storyUrl);
  await expect(anonymous.getByRole("link", { name: "Report" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(new URL(storyUrl).pathname)}`);
  // The creator is not offered a report of their own story.
  await creator.goto(storyUrl);
  await expect(creator.getByRole("link", { name: "Copy Cat" }).first()).toBeVisible();
  await expect(creator.getByRole("button", { name: "Report this story" })).toHaveCount(0);

  const reader = await newReader(browser, "Prue Reader");
  await reader.goto(storyUrl);
  await reader.getByRole("button", { name: "Report this story" }).click();
  await reader.getByRole("dialog").getByRole("radio", { name: "Plagiarism" }).check();
  await reader.getByRole("dialog").getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("dialog").getByRole("status")).toContainText("Thanks for letting us know");
  await reader.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await reader.getByRole("link", { name: "Copy Cat" }).first().click();
  await expect(reader).toHaveURL(/\/authors\//);
  await reader.getByRole("button", { name: "Report this account" }).click();
  await reader.getByRole("dialog").getByRole("radio", { name: "Spam" }).check();
  await reader.getByRole("dialog").getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("dialog").getByRole("status")).toContainText("Thanks for letting us know");

  const moderator = await moderatorPage(browser);
  await moderator.goto("/admin/reports");
  await expect(moderator.getByRole("article").filter({ hasText: "@copy-cat" }).getByRole("link", { name: "Restrict user →" })).toBeVisible();
  const card = moderator.getByRole("article").filter({ hasText: title });
  await expect(card).toContainText("Plagiarism");
  await card.getByRole("button", { name: "Unpublish story" }).click();
  await card.getByLabel("Reason").fill("Copied from another site");
  await card.getByRole("button", { name: "Unpublish story" }).last().click();
  await expect(moderator.getByRole("status").filter({ hasText: "Story unpublished" })).toBeVisible();

  // Bulk: tick the account's card and dismiss it with one reason (the reason is required).
  await moderator.getByRole("article").filter({ hasText: "@copy-cat" }).getByRole("checkbox").check();
  const bulk = moderator.getByRole("form", { name: "Bulk actions" });
  await bulk.getByRole("button", { name: "Dismiss selected" }).click();
  await expect(bulk.getByLabel("Reason for the selected")).toHaveAttribute("aria-invalid", "true");
  await moderator.getByRole("article").filter({ hasText: "@copy-cat" }).getByRole("checkbox").check();
  await bulk.getByLabel("Reason for the selected").fill("Not spam: a real account");
  await bulk.getByRole("button", { name: "Dismiss selected" }).click();
  await expect(moderator.getByRole("status").filter({ hasText: "Reports dismissed." })).toBeVisible();
  await expect(moderator.getByRole("article").filter({ hasText: "@copy-cat" })).toHaveCount(0);

  // Gone from its page and the home page on the next request.
  const response = await anonymous.goto(storyUrl);
  expect(response?.status()).toBe(404);
  await anonymous.goto("/");
  await expect(anonymous.getByText(title)).toHaveCount(0);
  expect(await listed()).toEqual({ feed: false, communityFeed: false, search: false });
});
