import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { insertPublishedStories, signIn, signUp, sql, staff } from "./helpers";

async function personIn(browser: Browser) {
  return (await browser.newContext()).newPage();
}

async function userId(email: string) {
  const [row] = await sql<{ id: string }>(`select id from "User" where email = $1`, [email]);
  return row.id;
}

/** Staff restrict an account through /admin/users/<id>. */
async function restrictThrough(page: Page, id: string, { kind, expiry, reason }: { kind: string; expiry: string; reason: string }) {
  await page.goto(`/admin/users/${id}`);
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByLabel("Expires after").selectOption({ label: expiry });
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Apply restriction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restriction applied" })).toBeVisible();
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/artifacts/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `test-results/artifacts/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin suspends a user with a reason; the user sees why and can't comment; at expiry both end by themselves", async ({ browser }) => {
  const admin = await personIn(browser);
  await signIn(admin, staff.admin);
  const [{ url: storyUrl }] = await insertPublishedStories(staff.admin.email, ["A story everyone may discuss"]);

  const sam = await personIn(browser);
  const account = await signUp(sam, "Sam Suspended", { land: false });
  const id = await userId(account.email);

  // The admin finds the account in the list and opens it.
  await admin.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  const row = admin.getByRole("list", { name: "Users" }).getByRole("listitem").filter({ hasText: account.email });
  await expect(row).toContainText("Sam Suspended");
  await shoot(admin, "admin-users");
  await row.getByRole("link", { name: "Sam Suspended" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/users/${id}$`));
  // No history yet: the form starts at the first step of the ladder.
  await expect(admin.getByLabel("Kind")).toHaveValue("WARNING");
  await restrictThrough(admin, id, { kind: "Suspension", expiry: "1 hour", reason: "Posting the same link everywhere" });
  await expect(admin.getByRole("list", { name: "Restriction history" })).toContainText("Suspension");
  await expect(admin.getByRole("list", { name: "Restriction history" })).toContainText("In force");
  await shoot(admin, "admin-user-detail");

  // The suspension ended Sam's session; signed in again, Sam is told at once, site-wide, and the
  // comment form says why instead of failing later.
  await sam.goto("/studio");
  await expect(sam).toHaveURL(/\/signin/);
  await signIn(sam, account);
  await sam.goto(storyUrl);
  const banner = sam.getByRole("region", { name: "Account restrictions" });
  await expect(banner).toContainText("Your account is suspended until");
  await expect(banner).toContainText("Reason: Posting the same link everywhere");
  await expect(sam.getByRole("note")).toContainText("Your account is suspended, so you can't comment");
  await expect(sam.getByLabel("Add a comment")).toHaveCount(0);
  await shoot(sam, "banner-suspended");
  await banner.getByRole("link", { name: "See details / appeal" }).click();
  await expect(sam.getByRole("heading", { level: 1 })).toHaveText("Suspension");
  const decision = sam.locator("article").filter({ hasText: "Moderation decision" });
  await expect(decision).toContainText("Decided by a moderator");
  await expect(decision).not.toContainText("Ada Admin");
  await expect(sam.getByLabel("Your appeal")).toBeVisible();
  await shoot(sam, "moderation-action");

  // The suspension runs out a few seconds from now; the sweep (every 2 s here) lifts it.
  await sql(`update "Restriction" set "expiresAt" = now() + interval '3 seconds' where "userId" = $1 and "liftedAt" is null`, [id]);
  await expect
    .poll(async () => (await sql<{ status: string }>(`select status from "User" where id = $1`, [id]))[0].status, { timeout: 20_000, intervals: [1_000] })
    .toBe("ACTIVE");
  await sam.goto(storyUrl);
  await expect(sam.getByRole("region", { name: "Account restrictions" })).toHaveCount(0);
  await sam.getByLabel("Add a comment").fill("Glad to be back.");
  await sam.getByRole("button", { name: "Post comment" }).click();
  await expect(sam.getByRole("region", { name: /^Comments/ }).getByRole("article").filter({ hasText: "Glad to be back." })).toBeVisible();

  // The log shows both the suspension and its expiry.
  await admin.goto(`/admin/log?subject=${(await sql<{ handle: string }>(`select handle from "User" where id = $1`, [id]))[0].handle}`);
  const log = admin.getByRole("list", { name: "Log entries" });
  await expect(log).toContainText("Account restricted");
  await expect(log).toContainText("Restriction lifted");
  await expect(log).toContainText("the system");
  await shoot(admin, "admin-log");
});

test("a banned user appeals from /moderation; an admin overturns it in /admin/appeals; the user sees the answer through the bell", async ({ browser }) => {
  const moderator = await personIn(browser);
  await signIn(moderator, staff.moderator);
  const ben = await personIn(browser);
  const account = await signUp(ben, "Ben Banned", { land: false });
  const id = await userId(account.email);
  await restrictThrough(moderator, id, { kind: "Comment ban", expiry: "7 days", reason: "Name-calling in the comments" });

  // Ben's bell shows the notification; the list leads to the decision.
  await ben.goto("/");
  const bell = ben.getByRole("link", { name: "Notifications (1 unread)" });
  await expect(bell).toBeVisible();
  await expect(ben.getByRole("region", { name: "Account restrictions" })).toContainText("You can't comment until");
  await shoot(ben, "bell-and-banner");
  await bell.click();
  await expect(ben).toHaveURL(/\/notifications$/);
  const list = ben.getByRole("list", { name: "Notifications" });
  await expect(list).toContainText("You can't comment for now. Reason: Name-calling in the comments");
  await shoot(ben, "notifications");
  // Seen: the badge clears.
  await expect(ben.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await list.getByRole("link", { name: /You can't comment/ }).click();
  await expect(ben).toHaveURL(/\/moderation\/[^/]+$/);
  const actionUrl = ben.url();

  // A too-short appeal is refused with a clear message; then the real one goes in, once.
  await ben.getByLabel("Your appeal").fill("no");
  await ben.getByRole("button", { name: "Send appeal" }).click();
  await expect(ben.getByText("Tell us a little more")).toBeVisible();
  await ben.getByLabel("Your appeal").fill("I quoted the story's villain; I wasn't calling anyone names.");
  await ben.getByRole("button", { name: "Send appeal" }).click();
  await expect(ben.getByRole("main").getByTestId("appeal-status")).toContainText("Appeal pending");
  await expect(ben.getByLabel("Your appeal")).toHaveCount(0);

  // An admin answers it.
  const admin = await personIn(browser);
  await signIn(admin, staff.admin);
  await admin.goto("/admin/appeals");
  const card = admin.getByRole("listitem", { name: "Appeal by Ben Banned" });
  await expect(card).toContainText("I quoted the story's villain");
  await expect(card).toContainText("Comment ban");
  await expect(card).toContainText("by Mo Moderator");
  await shoot(admin, "admin-appeals");
  await card.getByLabel("Overturn (undo it)").check();
  await card.getByLabel("Answer").fill("You're right: that was a quote. Sorry.");
  await card.getByRole("button", { name: "Send answer" }).click();
  await expect(admin.getByRole("listitem", { name: "Appeal by Ben Banned" })).toHaveCount(0);

  // Ben's bell counts the answer; the ban is gone; the decision page shows the answer.
  await ben.goto("/");
  await expect(ben.getByRole("link", { name: "Notifications (1 unread)" })).toBeVisible();
  await expect(ben.getByRole("region", { name: "Account restrictions" })).toHaveCount(0);
  await ben.getByRole("link", { name: "Notifications (1 unread)" }).click();
  await expect(ben.getByRole("list", { name: "Notifications" })).toContainText("Your appeal was accepted and the decision reversed: You're right: that was a quote. Sorry.");
  await ben.goto(actionUrl);
  await expect(ben.getByRole("main").getByTestId("appeal-status")).toContainText("Appeal accepted");
  await expect(ben.getByRole("main").getByTestId("appeal-status")).toContainText("that was a quote");
  await expect(ben.locator("article").filter({ hasText: "Moderation decision" })).toContainText("Overturned on appeal");

  // The studio lists the decisions about Ben, without names, linking to the same page.
  await ben.goto("/studio");
  await ben.getByRole("link", { name: "Moderation", exact: true }).click();
  const decisions = ben.getByRole("list", { name: "Moderation decisions" });
  await expect(decisions).toContainText("Account restricted");
  await expect(decisions).toContainText("Appeal accepted");
  await expect(decisions).not.toContainText("Mo Moderator");
  await shoot(ben, "studio-moderation");
  await decisions.getByRole("link", { name: "Account restricted" }).click();
  await expect(ben).toHaveURL(actionUrl);

  // Nobody else can open Ben's decision.
  const other = await personIn(browser);
  await signUp(other, "Nosy Neighbour", { land: false });
  await other.goto(actionUrl);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(other.locator("main")).not.toContainText("Name-calling");
});

test("an admin confirms before making someone an admin; other roles need no confirmation", async ({ browser }) => {
  const admin = await personIn(browser);
  await signIn(admin, staff.admin);
  const newcomer = await personIn(browser);
  const account = await signUp(newcomer, "Pat Promoted", { land: false });
  const id = await userId(account.email);

  await admin.goto(`/admin/users/${id}`);
  const confirm = admin.getByRole("checkbox", { name: /Yes, make Pat Promoted an admin/ });
  await admin.getByLabel("Role", { exact: true }).selectOption("MODERATOR");
  await expect(confirm).toHaveCount(0);
  await admin.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await expect(confirm).toBeVisible();
  await shoot(admin, "admin-confirm-admin");
  // Without the box the server refuses, says why, and keeps the choice.
  await admin.getByRole("button", { name: "Save role" }).click();
  await expect(admin.getByText("Tick the box to confirm")).toBeVisible();
  await expect(admin.getByLabel("Role", { exact: true })).toHaveValue("ADMIN");
  expect((await sql<{ role: string }>(`select role from "User" where id = $1`, [id]))[0].role).toBe("READER");
  await confirm.check();
  await admin.getByRole("button", { name: "Save role" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Role saved." })).toBeVisible();
  expect((await sql<{ role: string }>(`select role from "User" where id = $1`, [id]))[0].role).toBe("ADMIN");
  // Already an admin: saving the role again asks nothing.
  await expect(confirm).toHaveCount(0);
});
