import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { insertPublishedStories, pathOf, receivedEmail, signIn, signOut, signUp, sql, staff } from "./helpers";

const shots = "test-results/artifacts";

/** The page at a phone's width and at a desktop's, whole. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${shots}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
}

test("change the email address: nothing changes until the link sent to the new address is opened; the old address is told", async ({ page }) => {
  const account = await signUp(page, "Moving Member", { land: false });
  const newEmail = `moved-${Date.now()}@example.com`;
  await page.goto("/settings/account");
  await screenshots(page, "account-settings");
  const section = page.getByRole("region", { name: "Email address" });
  await expect(section).toContainText(account.email);

  // A wrong password keeps what was typed and says which field is wrong.
  await section.getByLabel("New email address").fill(newEmail);
  await section.getByLabel("Current password").fill("not my password");
  await section.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(section.getByText("That isn't your current password")).toBeVisible();
  await expect(section.getByLabel("New email address")).toHaveValue(newEmail);

  await section.getByLabel("Current password").fill(account.password);
  await section.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(section.getByRole("status")).toContainText(`We've sent a link to ${newEmail}`);
  await expect(page.getByTestId("pending-email")).toContainText(newEmail);
  await expect(section).toContainText(`You sign in with ${account.email}`);

  const confirmation = await receivedEmail(newEmail, "Confirm your new email address");
  const link = pathOf(confirmation.text!, "/confirm-email-change/");
  expect(confirmation.html).toContain(link);
  await page.goto(link);
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByRole("heading", { name: "Your email address is changed" })).toBeVisible();

  const notice = await receivedEmail(account.email, "Your email address was changed");
  expect(notice.text).toContain(newEmail);

  // Signing in now takes the new address.
  await signOut(page);
  await signIn(page, { email: newEmail, password: account.password });
  await page.goto("/settings/account");
  await expect(page.getByRole("region", { name: "Email address" })).toContainText(`You sign in with ${newEmail}`);
  await expect(page.getByTestId("pending-email")).toHaveCount(0);
});

test("delete my account: a sign-in in the grace period cancels it; otherwise the queue deletes it and the stories stay as by a former member", async ({ page }) => {
  const account = await signUp(page, "Departing Writer", { land: false });
  const [{ url: storyUrl }] = await insertPublishedStories(account.email, ["A story that outlives its account"]);
  await page.goto("/settings/account");
  const section = page.getByRole("region", { name: "Delete your account" });

  // Nothing chosen: each missing answer says so beside its field.
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByText("Choose what happens to your stories")).toBeVisible();
  await expect(section.getByText("Enter your password")).toBeVisible();
  await expect(section.getByText("Tick the box to confirm")).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await section.screenshot({ path: `${shots}/account-delete-errors-375.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  const requestDeletion = async () => {
    await page.goto("/settings/account");
    await section.getByRole("radio", { name: /Keep them/ }).check();
    await section.getByLabel("Your password").fill(account.password);
    await section.getByRole("checkbox", { name: /I understand/ }).check();
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/account-deletion\?on=\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { name: /^Your account will be deleted on / })).toBeVisible();
  };
  await requestDeletion();
  await screenshots(page, "account-deletion");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible(); // signed out
  const scheduled = await receivedEmail(account.email, "Your account will be deleted");
  expect(scheduled.text).toContain("Former member");

  // Signing in during the grace period keeps the account.
  await signIn(page, account);
  await receivedEmail(account.email, "Your account will not be deleted");

  // Asked again, and this time the grace period passes: the job due then runs on the queue.
  await requestDeletion();
  const [{ id }] = await sql<{ id: string }>(`update "User" set "deletionDueAt" = now() - interval '1 second' where email = $1 returning id`, [account.email]);
  await sql(`update graphile_worker._private_jobs set run_at = now() where key = $1`, [`delete-account:${id}`]);
  const deleted = await receivedEmail(account.email, "Your account was deleted");
  expect(deleted.text).toContain("1 published story stays");

  await page.goto(storyUrl);
  await expect(page.getByRole("heading", { level: 1, name: "A story that outlives its account" })).toBeVisible();
  await expect(page.locator("article")).toContainText("Former member");
  await expect(page.locator("article")).not.toContainText("Departing Writer");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
});

test("a bounced address: the member turns email back on from their settings, an admin from the member's page", async ({ page, browser }) => {
  const account = await signUp(page, "Bounced Reader", { land: false });
  const stop = () => sql<{ id: string }>(`update "User" set "emailStoppedAt" = now(), "emailStoppedReason" = 'Bounced: 550 mailbox full' where email = $1 returning id`, [account.email]);
  await stop();
  await page.goto("/settings/notifications");
  // The one on screen: while the page streams, React briefly holds a second, hidden copy.
  const notice = page.getByTestId("email-stopped-notice").filter({ visible: true });
  await expect(notice).toContainText("Bounced: 550 mailbox full");
  await screenshots(page, "email-stopped-settings");
  await notice.getByRole("button", { name: "My address works: send me email again" }).click();
  await expect(notice).toHaveCount(0);

  const [{ id }] = await stop();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, staff.admin);
  await admin.goto(`/admin/users/${id}`);
  const stopped = admin.getByTestId("email-stopped").filter({ visible: true });
  await expect(stopped).toContainText("Bounced: 550 mailbox full");
  await stopped.getByRole("button", { name: "Send email again" }).click();
  // A reason is required for the log: the field says so, in its description.
  const reason = stopped.getByLabel("Why email can go to this address again");
  await expect(reason).toHaveAccessibleDescription(/reason/i);
  await reason.fill("They emptied their mailbox");
  await admin.setViewportSize({ width: 375, height: 800 });
  await stopped.screenshot({ path: `${shots}/admin-email-stopped-375.png` });
  await admin.setViewportSize({ width: 1280, height: 800 });
  await stopped.getByRole("button", { name: "Send email again" }).click();
  await expect(stopped).toHaveCount(0);
  await admin.goto("/admin/log?action=EMAIL_STOP_CLEAR");
  // One entry, with the reason (in CI the text was briefly in the page twice while it streamed in).
  const entry = admin.getByRole("list", { name: "Log entries" }).getByText("They emptied their mailbox");
  await expect(entry).toHaveCount(1);
  await expect(entry).toBeVisible();
  await adminContext.close();
});
