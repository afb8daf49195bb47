// The Content Security Policy (lib/security/csp.ts, proxy.ts, next.config.ts; docs/security.md §6):
// pages rendered per request carry a new nonce on every response and on their inline scripts, and
// a script without it does not run; the cached public pages keep their cache and their policy.
import { type APIResponse, type Browser, type Page, type Route } from "@playwright/test";
import { expect, test } from "./test";
import { SHELL_SCRIPT, SHELL_SCRIPT_HASH, publicPolicy } from "../../lib/security/csp";
import { publishStory, signIn, signUp, sql, staff } from "./helpers";

type Violation = { directive: string; blocked: string; sample: string };

let author: { name: string; email: string; password: string };
let storyUrl: string;
let storyId: string;
let handle: string;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  author = await signUp(page, "Nonce Keeper", { land: false });
  // Published through the editor (TipTap), so the editor works under the nonce policy.
  storyUrl = await publishStory(page, "Written under a strict policy", { tags: "csp-check" });
  const [row] = await sql<{ id: string; handle: string }>(`select s.id, u.handle from "Story" s join "User" u on u.id = s."authorId" where u.email = $1`, [author.email]);
  storyId = row.id;
  handle = row.handle;
  await context.close();
});

const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy)?.[1];
const scripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) => ({ attrs, body }));

/**
 * The response's policy is the nonce policy; every inline script in its HTML carries that nonce
 * (except React's shell timer, allowed by its hash), and every external one is Next's own chunk.
 */
async function expectNonced(response: APIResponse, label: string): Promise<string> {
  expect(response.status(), label).toBeLessThan(500);
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = nonceOf(policy);
  expect(nonce, `${label}: ${policy}`).toBeTruthy();
  expect(policy, label).toContain(`script-src 'self' 'nonce-${nonce}' '${SHELL_SCRIPT_HASH}' 'report-sample'; script-src-attr 'none'; default-src 'self';`);
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) expect(policy, label).toContain(directive);
  const scriptSrc = policy.split("; ")[0];
  for (const word of ["unsafe-inline", "unsafe-eval", "strict-dynamic"]) expect(scriptSrc, label).not.toContain(word);
  const all = scripts(await response.text());
  const inline = all.filter((s) => !/\ssrc=/.test(s.attrs) && !/type="application\/ld\+json"/.test(s.attrs));
  const nonced = inline.filter((s) => s.attrs.includes(`nonce="${nonce}"`));
  expect(nonced.length, `${label}: inline scripts with the nonce`).toBeGreaterThan(2);
  for (const s of inline) if (!s.attrs.includes(`nonce="${nonce}"`)) expect(s.body, `${label}: an inline script without the nonce`).toBe(SHELL_SCRIPT);
  // External scripts are Next's own chunks, allowed by 'self' whatever nonce they carry: a page's
  // partially prerendered shell, once rendered for one request, is reused for later ones with that
  // request's nonce on its chunk tags (seen on /admin/appeals after another spec had opened it).
  // The one other is the site's own theme script (public/theme.js, before the first paint).
  for (const s of all.filter((x) => /\ssrc=/.test(x.attrs))) expect(s.attrs, label).toMatch(/\ssrc="(\/_next\/static\/[^"]+|\/theme\.js)"/);
  return nonce!;
}

/** Each page twice: both responses nonced, with different nonces (and none seen before). */
async function expectFreshNonces(page: Page, paths: string[], seen: Set<string>) {
  for (const path of paths) {
    for (let i = 0; i < 2; i++) {
      const nonce = await expectNonced(await page.request.get(path, { maxRedirects: 0 }), path);
      expect(seen.has(nonce), `${path}: nonce reused`).toBe(false);
      seen.add(nonce);
    }
  }
}

test("pages rendered per request: a new nonce on every response, on their inline scripts", async ({ browser }) => {
  const seen = new Set<string>();
  const anon = await browser.newPage();
  await expectFreshNonces(anon, ["/signin", "/signup"], seen);

  const creator = await browser.newPage();
  await signIn(creator, author);
  await expectFreshNonces(creator, [
    "/studio",
    "/studio/new",
    `/studio/stories/${storyId}/edit`,
    `/studio/stories/${storyId}/preview`,
    `/studio/stories/${storyId}/revisions`,
    "/studio/moderation",
    "/settings/profile",
    "/following",
    "/bookmarks",
    "/notifications",
    "/moderation/not-an-action", // a 404 inside the area is rendered per request too
  ], seen);

  const admin = await browser.newPage();
  await signIn(admin, staff.admin);
  await expectFreshNonces(admin, ["/admin/reviews", "/admin/reports", "/admin/appeals", "/admin/users", "/admin/users/u-moderator", "/admin/log", "/admin/settings"], seen);
  expect(seen.size).toBe(2 * (2 + 11 + 7));
  await Promise.all([anon, creator, admin].map((p) => p.context().close()));
});

test("cached public pages: the public policy, no nonce, and still served from the cache", async ({ request }) => {
  const policy = publicPolicy();
  expect(policy).toContain("script-src 'self' 'unsafe-inline' 'report-sample'; script-src-attr 'none'");
  expect(policy).not.toContain("unsafe-eval");
  for (const path of ["/", "/journal", storyUrl, `/authors/${handle}`, "/tags/csp-check", "/communities", "/tags"]) {
    await request.get(path); // fills the cache if this is the first visit
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-security-policy"], path).toBe(policy);
    expect(["HIT", "STALE"], `${path} x-nextjs-cache`).toContain(response.headers()["x-nextjs-cache"]);
    // The same HTML for every reader: no script carries a nonce.
    expect(await response.text(), path).not.toContain("nonce=");
  }
  // Search results are rendered per request (the query is in the URL), under the same public policy.
  const search = await request.get("/search?q=csp");
  expect(search.status()).toBe(200);
  expect(search.headers()["content-security-policy"]).toBe(policy);
  expect(await search.text()).not.toContain("nonce=");
});

/** A page in its own context that records every CSP violation event from the start. */
async function watchedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const store: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = store;
    document.addEventListener("securitypolicyviolation", (e) => store.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  return context.newPage();
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
const injected = (page: Page) => page.evaluate(() => (window as unknown as { __injected?: string[] }).__injected ?? []);

// What stored XSS would look like in server HTML: parser-inserted, without the nonce. The inline
// script starts with a comment naming it, since a violation's sample holds its first 40 characters.
const INJECTION =
  `<script>/*inline script*/(window.__injected ||= []).push("inline script")</script>` +
  `<img src="/injected-missing.png" alt="" onerror="(window.__injected ||= []).push('event handler')">` +
  `<script src="/injected.js"></script>` +
  `<script src="https://scripts.invalid/evil.js"></script>`;

/** Serves the document with INJECTION added before </body>, keeping the server's headers (and so its policy). */
async function injectIntoDocument(page: Page, path: string) {
  await page.route(`**${path}`, async (route: Route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const html = await response.text();
    await route.fulfill({ response, body: html.replace("</body>", `${INJECTION}</body>`) });
  });
}

/**
 * Every violation must come from what the test injected, never from the app's own scripts. A
 * blocked event handler's violation carries no sample ('report-sample' cannot go with
 * script-src-attr 'none'), so those are counted instead: exactly as many as were injected.
 */
function expectOnlyInjected(list: Violation[], injectedHandlers: number) {
  const handlers = list.filter((v) => v.directive === "script-src-attr");
  expect(handlers, JSON.stringify(handlers)).toHaveLength(injectedHandlers);
  for (const v of list) {
    if (v.directive === "script-src-attr") continue;
    const ours = /^\/\*(inline script|created element)\*\//.test(v.sample) || v.blocked.startsWith("https://scripts.invalid/");
    expect(ours, `unexpected CSP violation: ${JSON.stringify(v)}`).toBe(true);
  }
}

/** Markup put into the page by its own code, as a DOM-based XSS would (innerHTML). */
async function injectMarkup(page: Page) {
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = `<img src="/injected-missing.png" alt="" onerror="(window.__injected ||= []).push('innerHTML handler')"><script>(window.__injected ||= []).push("innerHTML script")</script>`;
    document.body.append(div);
  });
  // Both images' error events have fired (and been refused) once two handler violations are in.
  await expect.poll(async () => (await violations(page)).filter((v) => v.directive === "script-src-attr").length).toBe(2);
}

test("a private page: injected scripts without the nonce do not run; the page's own scripts do", async ({ browser }) => {
  const page = await watchedPage(browser);
  await signIn(page, author);
  expect(await violations(page)).toEqual([]);

  await injectIntoDocument(page, "/settings/profile");
  await page.goto("/settings/profile");
  await expect(page.getByRole("button", { name: "Save profile" })).toBeVisible();
  await injectMarkup(page);
  // A script element created at run time without the nonce (a DOM-based XSS through a script sink).
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = `/*created element*/(window.__injected ||= []).push("created element")`;
    document.body.append(script);
  });

  // The app's own scripts run: the form hydrates and its server action saves.
  const bio = `Saved under the nonce policy ${Date.now()}`;
  await page.getByLabel("Bio").fill(bio);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  expect((await sql<{ bio: string }>(`select bio from "User" where email = $1`, [author.email]))[0].bio).toBe(bio);

  expect(await injected(page)).toEqual([]);
  const list = await violations(page);
  // Refused by the policy, not merely failing: the inline script in the HTML, the one created at
  // run time, both event handlers (in the HTML and through innerHTML), and another origin's
  // script. (/injected.js is this site's own origin, which 'self' allows: it fails with a 404.)
  expectOnlyInjected(list, 2);
  expect(list.some((v) => v.directive === "script-src-elem" && v.sample.startsWith("/*inline script*/"))).toBe(true);
  expect(list.some((v) => v.directive === "script-src-elem" && v.sample.startsWith("/*created element*/"))).toBe(true);
  expect(list.some((v) => v.blocked.startsWith("https://scripts.invalid/"))).toBe(true);
});

test("the editor, sign-in and admin pages load and work with no CSP violation", async ({ browser }) => {
  const page = await watchedPage(browser);
  await signIn(page, author);
  await page.goto(`/studio/stories/${storyId}/edit`);
  await expect(page.getByRole("textbox", { name: "Story", exact: true })).toBeVisible();
  await page.getByRole("textbox", { name: "Story", exact: true }).click();
  await page.keyboard.type(" More words.");
  await page.goto("/notifications");
  await page.goto("/settings/profile");
  expect(await violations(page)).toEqual([]);

  const admin = await watchedPage(browser);
  await signIn(admin, staff.admin);
  for (const path of ["/admin/reviews", "/admin/reports", "/admin/users", "/admin/log", "/admin/settings"]) {
    await admin.goto(path);
    await admin.waitForLoadState("networkidle");
  }
  expect(await violations(admin)).toEqual([]);
});

test("a cached public page: inline event handlers and other origins' scripts are refused; its own scripts run", async ({ browser }) => {
  const page = await watchedPage(browser);
  const path = new URL(storyUrl).pathname;
  await injectIntoDocument(page, path);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // The page's own scripts ran: for a signed-out reader the heart becomes a sign-in link only
  // after hydration and the /api/me request.
  await expect(page.getByRole("link", { name: /^Heart/ })).toBeVisible();

  await injectMarkup(page);
  const list = await violations(page);
  // Both event handlers and the other origin's script are refused; /injected.js is this site's
  // own origin, which the public policy allows (it fails with a 404, not a violation).
  expectOnlyInjected(list, 2);
  expect(list.some((v) => v.blocked.startsWith("https://scripts.invalid/"))).toBe(true);
  expect(list.some((v) => v.blocked.endsWith("/injected.js"))).toBe(false);
  // The known gap (docs/security.md §6): HTML shared by every reader cannot carry a nonce, so an
  // injected inline <script> would run here. Stored HTML is sanitized at save for this reason.
  expect(await injected(page)).toEqual(["inline script"]);

  // The search page's own scripts (zod in the browser, no eval) run without a violation.
  const search = await watchedPage(browser);
  await search.goto("/search");
  // Typed before hydration, the query would be reset by it: wait for the page's scripts first.
  await search.waitForLoadState("networkidle");
  const main = search.getByRole("main");
  // Hydration can still reset a query typed after the network went quiet (the page's lists are
  // refreshed after a server's first sweep): type and search again until the results show.
  await expect(async () => {
    await main.getByLabel("Search stories").fill("strict policy");
    await main.getByRole("button", { name: "Search" }).click();
    await expect(main.getByRole("link", { name: "Written under a strict policy" }).filter({ visible: true }).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  expect(await violations(search)).toEqual([]);
  await Promise.all([page.context().close(), search.context().close()]);
});
