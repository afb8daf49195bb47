// Sessions that end, and client addresses nobody can choose (docs/security.md, "Sessions, proxies
// and sign-in limits"). Against the built server: `next start` with instrumentation.ts.
import { type APIRequestContext, type BrowserContext } from "@playwright/test";
import { expect as baseExpect, test } from "./test";
import { sameSite, signIn, signOut, signUp, sql, storyByNewCreator } from "./helpers";

// Several browsers each: on a busy machine (load average 15-30 while these were written) pages
// take longer than the default minute and ten-second waits.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const cookieHeader = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

async function viewerWith(request: APIRequestContext, cookie: string) {
  const body = await (await request.get("/api/me", { headers: { cookie } })).json();
  return body.viewer as { id: string } | null;
}

async function authSessionWith(request: APIRequestContext, cookie: string) {
  return (await request.get("/api/auth/session", { headers: { cookie } })).json() as Promise<{ user?: { email?: string } } | null>;
}

test("a session cookie kept from before signing out stops working at once", async ({ browser, request }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await signUp(page, "Kept Cookie");
  const keptCookies = await context.cookies();
  const kept = await cookieHeader(context);
  expect(await viewerWith(request, kept)).toMatchObject({ id: expect.any(String) });
  expect(await authSessionWith(request, kept)).toMatchObject({ user: { email: account.email } });

  await page.goto("/");
  await signOut(page);

  // The copy kept from before: /api/me, next-auth's own session route and the settings page all
  // see nobody (before: /api/me answered and profile changes saved for 30 days).
  expect(await viewerWith(request, kept)).toBeNull();
  expect(await authSessionWith(request, kept)).toBeNull();
  const thief = await browser.newContext();
  await thief.addCookies(keptCookies);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/settings/profile");
  await expect(thiefPage).toHaveURL(/\/signin/);
});

test("changing the password keeps this browser signed in and signs every other one out", async ({ browser }) => {
  const here = await (await browser.newContext()).newPage();
  const account = await signUp(here, "Password Changer");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, account);

  await here.goto("/settings/profile");
  await here.getByRole("link", { name: "password and sessions" }).click();
  await expect(here).toHaveURL(/\/settings\/account$/);
  await here.waitForLoadState("networkidle");
  const newPassword = "a different long password";
  // The email change form on the same page asks for the current password too.
  const passwordForm = here.getByRole("region", { name: "Change your password" });
  const fill = async (current: string, again = newPassword) => {
    await passwordForm.getByLabel("Current password").fill(current);
    await here.getByLabel("New password", { exact: true }).fill(newPassword);
    await here.getByLabel("New password, again").fill(again);
    await here.getByRole("button", { name: "Change password" }).click();
  };

  // A wrong current password: the error sits by its field, and no password comes back.
  await fill("not my password");
  const current = passwordForm.getByLabel("Current password");
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(here.locator(`#${await current.getAttribute("aria-describedby")}`)).toHaveText("That isn't your current password");
  await expect(here.getByLabel("New password", { exact: true })).toHaveValue("");
  // The new password typed twice differently.
  await fill(account.password, "something else entirely");
  await expect(here.locator("#field-confirmPassword-error")).toHaveText("The two new passwords don't match");

  await fill(account.password);
  await expect(here.getByRole("status")).toContainText("Password changed");
  // This browser stays signed in; the other one is signed out.
  await here.goto("/settings/profile");
  await expect(here.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await elsewhere.goto("/settings/profile");
  await expect(elsewhere).toHaveURL(/\/signin/);
  // The old password no longer works; the new one does.
  await elsewhere.getByLabel("Email").fill(account.email);
  await elsewhere.getByLabel("Password").fill(account.password);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.locator("form [role=alert]")).toContainText("don't match");
  await signIn(elsewhere, { email: account.email, password: newPassword });
});

test("sign out of all devices ends this session and every other", async ({ browser, request }) => {
  const here = await (await browser.newContext()).newPage();
  const account = await signUp(here, "Everywhere Leaver");
  const otherContext = await browser.newContext();
  await signIn(await otherContext.newPage(), account);
  const other = await cookieHeader(otherContext);
  expect(await viewerWith(request, other)).not.toBeNull();

  await here.goto("/settings/account");
  await here.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(here).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Faccount/);
  expect(await viewerWith(request, other)).toBeNull();
  await here.goto("/settings/account");
  await expect(here).toHaveURL(/\/signin/);
});

test("a client rotating X-Forwarded-For is one reader, not a new one per request", async ({ request }) => {
  // Nobody has opened the story yet: its count starts at 0.
  const { id } = await storyByNewCreator("Read Counter", "A story counted honestly");
  const reads = async () => (await sql<{ readCount: number }>(`select "readCount" from "Story" where id = $1`, [id]))[0].readCount;
  const before = await reads();
  expect(before).toBe(0);
  for (let i = 1; i <= 5; i++) {
    // Rotating both X-Forwarded-For and the header the server sets from the socket: neither is believed.
    const res = await request.post(`/api/stories/${id}/read`, { headers: { ...sameSite, "x-forwarded-for": `198.51.100.${i}`, "x-storyhouse-socket-address": `203.0.113.${i}`, "user-agent": "rotating-reader/1.0" } });
    expect(res.status()).toBe(204);
  }
  // One anonymous reader (this machine's address, this browser) counts once a day (before: 5).
  expect((await reads()) - before).toBe(1);
});
