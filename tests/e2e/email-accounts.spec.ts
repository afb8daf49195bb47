import { expect, test } from "./test";
import { pathOf, publishStory, receivedEmail, signIn, signUp, staff } from "./helpers";
import { rawHeader } from "../helpers/smtp-sink";

test("sign up, confirm through the emailed link, forget the password, reset it from the email, sign in with the new one", async ({ page, browser }) => {
  const account = await signUp(page, "Mail Tester", { confirmed: false, viaForm: true });
  const banner = page.getByTestId("email-confirmation-banner");
  await expect(banner).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "test-results/artifacts/email-confirmation-banner-375.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The confirmation email, as it reached the SMTP server: both parts, an absolute link.
  const confirmation = await receivedEmail(account.email, "Confirm your email address");
  expect(confirmation.from?.text).toContain("Storyhouse");
  const confirmPath = pathOf(confirmation.text!, "/verify-email/");
  expect(confirmation.html).toContain(confirmPath);
  await page.goto(confirmPath);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  await page.goto("/studio");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Signed out elsewhere: "Forgot password?" on the sign-in page.
  const elsewhere = await browser.newContext();
  const forgot = await elsewhere.newPage();
  await forgot.goto("/signin");
  await forgot.getByRole("link", { name: "Forgot password?" }).click();
  await expect(forgot).toHaveURL(/\/forgot-password$/);
  // By role: the sign-in page just left may stay in the document, hidden, with its own "Email".
  await forgot.getByRole("textbox", { name: "Email" }).fill(account.email);
  await forgot.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(forgot.getByRole("status")).toContainText(`If an account uses ${account.email}`);
  await forgot.setViewportSize({ width: 375, height: 700 });
  await forgot.screenshot({ path: "test-results/artifacts/email-forgot-password-375.png" });

  const reset = await receivedEmail(account.email, "Reset your password");
  const resetPath = pathOf(reset.text!, "/reset-password/");
  expect(reset.html).toContain(resetPath);
  await forgot.goto(resetPath);
  const newPassword = "a brand new password";
  await forgot.getByLabel("New password", { exact: true }).fill(newPassword);
  await forgot.getByLabel("New password, again").fill(newPassword);
  await forgot.getByRole("button", { name: "Set new password" }).click();
  await expect(forgot).toHaveURL(/\/settings\/account$/);
  await elsewhere.close();

  // The reset ended the first browser's session.
  await page.goto("/studio");
  await expect(page).toHaveURL(/\/signin/);

  // The link works once; the old password no longer does; the new one does.
  const again = await browser.newContext();
  const later = await again.newPage();
  await later.goto(resetPath);
  await later.getByLabel("New password", { exact: true }).fill("yet another password");
  await later.getByLabel("New password, again").fill("yet another password");
  await later.getByRole("button", { name: "Set new password" }).click();
  // (By text: Next's route announcer is a role=alert too.)
  await expect(later.getByText("This reset link has expired or was already used.")).toBeVisible();
  await later.goto("/signin");
  await later.getByLabel("Email").fill(account.email);
  await later.getByLabel("Password").fill(account.password);
  await later.getByRole("button", { name: "Sign in" }).click();
  await expect(later.getByText("That email and password don't match an account.")).toBeVisible();
  await signIn(later, { email: account.email, password: newPassword });
  await again.close();
});

test("sign-up with an address that has an account says nothing of it on the page and tells the owner by email", async ({ page, browser }) => {
  const owner = await signUp(page, "Address Owner");
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto("/signup");
  await other.getByLabel("Name").fill("Someone Else");
  await other.getByLabel("Email").fill(owner.email);
  await other.getByLabel("Password").fill("whatever password");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(other.locator("body")).not.toContainText("already");
  const notice = await receivedEmail(owner.email, "You already have a Storyhouse account");
  expect(pathOf(notice.text!, "/forgot-password")).toBe("/forgot-password");
  await stranger.close();

  // Admins see how mail leaves the site and the jobs that failed.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, staff.admin);
  await admin.goto("/admin/mail");
  await expect(admin.getByRole("heading", { name: "Mail", exact: true })).toBeVisible();
  // In the Mail section (while the page streams, React briefly holds a second, hidden copy).
  await expect(admin.getByRole("region", { name: "Mail" }).getByText("Mail is sent through the SMTP server in SMTP_URL.")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Failed jobs" })).toBeVisible();
  await admin.screenshot({ path: "test-results/artifacts/email-admin-mail.png" });
  await adminContext.close();
});

test("a follower is emailed when the creator publishes, with a working link and a one-click unsubscribe", async ({ page, browser, request }) => {
  const creator = await signUp(page, "Mailing Creator", { land: false });
  const first = await publishStory(page, "The first of many");

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const follower = await signUp(reader, "Faithful Follower", { land: false });
  await reader.goto(first);
  await reader.getByRole("button", { name: `Follow ${creator.name}` }).click();
  await expect(reader.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  await publishStory(page, "The second one arrives by mail");
  const mail = await receivedEmail(follower.email, `${creator.name} published “The second one arrives by mail”`);
  expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const storyPath = pathOf(mail.text!, "/journal/");
  await reader.goto(storyPath);
  await expect(reader.getByRole("heading", { level: 1, name: "The second one arrives by mail" })).toBeVisible();

  // The mail client's one-click unsubscribe: a cookie-less POST to the List-Unsubscribe address.
  const oneClick = rawHeader(mail, "list-unsubscribe")!.replace(/^<|>$/g, "");
  const answer = await request.post(new URL(oneClick).pathname + new URL(oneClick).search, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);
  await reader.goto("/settings/notifications");
  await expect(reader.getByRole("checkbox", { name: "New stories from creators I follow" })).not.toBeChecked();
  await reader.setViewportSize({ width: 375, height: 800 });
  await reader.screenshot({ path: "test-results/artifacts/email-settings-375.png" });
  await expect(reader.getByRole("checkbox", { name: "Replies to my comments" })).toBeChecked();

  // The footer's link: a page with one button, no sign-in.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(pathOf(mail.text!, "/unsubscribe\\?"));
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByRole("status")).toContainText("no longer get emails about new stories");
  await visitor.screenshot({ path: "test-results/artifacts/email-unsubscribed.png" });
  await anonymous.close();
  await readerContext.close();
});
