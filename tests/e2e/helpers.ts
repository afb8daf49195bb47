import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { simpleParser, type ParsedMail } from "mailparser";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { encode } from "next-auth/jwt";
import { TEST_BUILD_DIR } from "../../scripts/lib/app-env.mjs";
import { slugify, withNumericSuffix } from "../../lib/content/slug";
import { RESERVED_HANDLES } from "../../lib/validation/profile";
import { E2E_AUTH_SECRET } from "./e2e-secret";

/** This worker's server port: each worker has its own server and database (playwright.config.ts). */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3100) + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}

/** This worker's server's build folder: its own copy of the tests' build (tests/e2e/server.ts). */
export function e2eDistDir(): string {
  return path.join(process.cwd(), `${TEST_BUILD_DIR}-e2e-${e2ePort()}`);
}

/** This worker's database (tests/e2e/server.ts writes its address). */
export function e2eDatabaseUrl(): string {
  return readFileSync(path.join(process.cwd(), "test-results", `e2e-database-url-${e2ePort()}`), "utf8");
}

let pool: pg.Pool | undefined;
/** This worker's connections to its database, kept between calls (a new connection costs a server process each time). */
function database(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: e2eDatabaseUrl(), max: 2, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // A connection that breaks while idle (a spec restarting the database) is dropped, not thrown.
    pool.on("error", () => {});
  }
  return pool;
}

/**
 * The browser tests' database (tests/e2e/server.ts writes its address), for setting up what the UI
 * cannot: a creator's trust, a restriction's expiry. Assertions go through the browser.
 */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await database().query<T>(text, values)).rows;
}

/** The site's own origin: route handlers that change something refuse requests without it (a browser always sends it; Playwright's request API does not). */
export const sameSite = { origin: `http://127.0.0.1:${e2ePort()}` } as const;

export const staff = {
  admin: { email: "admin@e2e.test", password: "e2e staff password", name: "Ada Admin" },
  moderator: { email: "moderator@e2e.test", password: "e2e staff password", name: "Mo Moderator" },
} as const;

/**
 * Signs in (the page should be signed out). Through the form, landing where it leads, except for
 * the staff accounts above: the moderation specs sign them in again and again to test what staff
 * do, not signing in, so their page's browser gets a session cookie as signing in would give it,
 * and nothing is loaded: the caller opens the page it needs next (an admin page, which would not
 * show without the session), one page load fewer per sign-in.
 */
export async function signIn(page: Page, account: { email: string; password: string }) {
  if ((Object.values(staff) as { email: string }[]).includes(account)) {
    const [row] = await sql<{ id: string; name: string; email: string; sessionVersion: number }>(`select id, name, email, "sessionVersion" from "User" where email = $1`, [account.email]);
    await signInAs(page, row);
    return;
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

const NEW_ACCOUNT_PASSWORD = "a long enough password";
/** An address of the person's own, new on every call (a retry signs up someone new). */
const newAddress = (name: string) => `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.com`;
let newAccountHash: Promise<string> | undefined;

/**
 * Signs up a new account; returns its details. Lands on the studio, signed in. New accounts wait
 * for review before their stories go live; most specs are about something else, so the account
 * is marked trusted (as an admin could) unless `trusted: false`, and its address confirmed (as
 * following the emailed link would) unless `confirmed: false`.
 *
 * `viaForm: true` goes through the sign-up form, which is what a spec about signing up tests
 * (email-accounts.spec.ts, publish-and-comment.spec.ts); it also queues the confirmation email.
 * Otherwise the account is written straight to the database as the form would leave it (the same
 * handle from the name, a real argon2 hash of the password, so `signIn` works) and the page gets a
 * session cookie signed as next-auth signs it: two argon2 runs and two page loads fewer per account.
 * `land: false` skips the studio for a caller whose next step opens a page of its own (a private
 * one, which would send a page without the session to sign in): one page load fewer.
 */
export async function signUp(page: Page, name: string, { trusted = true, confirmed = true, viaForm = false, land = true } = {}) {
  const email = newAddress(name);
  const password = NEW_ACCOUNT_PASSWORD;
  if (viaForm) {
    await page.goto("/signup");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/studio$/);
    if (trusted) await sql(`update "User" set "trustOverride" = true where email = $1`, [email]);
    if (confirmed) await sql(`update "User" set "emailVerifiedAt" = now() where email = $1`, [email]);
  } else {
    await signInAs(page, await insertAccount({ name, email, trusted, confirmed }));
    if (land) {
      await page.goto("/studio");
      await expect(page).toHaveURL(/\/studio$/);
    }
  }
  return { name, email, password };
}

/** A new account straight in the database, as lib/data/users.ts createUser leaves it (its handle: the name's slug, numbered if taken). */
async function insertAccount({ name, email, trusted, confirmed }: { name: string; email: string; trusted: boolean; confirmed: boolean }) {
  newAccountHash ??= hash(NEW_ACCOUNT_PASSWORD);
  const passwordHash = await newAccountHash;
  const base = slugify(name, 30) || "creator";
  for (let attempt = 0; ; attempt++) {
    const taken = await sql<{ handle: string }>(
      `select handle from "User" where handle like $1 || '%' union all select "oldHandle" from "HandleRedirect" where "oldHandle" like $1 || '%'`,
      [base],
    );
    const handle = withNumericSuffix(base, new Set([...taken.map((r) => r.handle), ...RESERVED_HANDLES]));
    try {
      const [row] = await sql<{ id: string; sessionVersion: number }>(
        `insert into "User" (id, email, name, handle, "passwordHash", "updatedAt", "trustOverride", "emailVerifiedAt")
         values ($1, $2, $3, $4, $5, now(), $6, $7) returning id, "sessionVersion"`,
        [`e2e${randomUUID().replaceAll("-", "").slice(0, 22)}`, email, name, handle, passwordHash, trusted ? true : null, confirmed ? new Date() : null],
      );
      return { ...row, name, email };
    } catch (error) {
      // Another spec took the handle in between: the next one.
      if ((error as { code?: string }).code !== "23505" || attempt >= 3) throw error;
    }
  }
}

/** Gives the page's browser context a session for the account, as signing in would (a next-auth session cookie, signed with the servers' secret). */
export async function signInAs(page: Page, account: { id: string; name: string; email: string; sessionVersion?: number }) {
  const salt = "authjs.session-token";
  const maxAge = 30 * 24 * 60 * 60;
  const value = await encode({ salt, secret: E2E_AUTH_SECRET, maxAge, token: { sub: account.id, sv: account.sessionVersion ?? 0, name: account.name, email: account.email } });
  await page.context().addCookies([{ name: salt, value, url: `http://127.0.0.1:${e2ePort()}`, httpOnly: true, sameSite: "Lax", expires: Math.floor(Date.now() / 1000) + maxAge }]);
}

export const storyBody = `## Where it started

It began with a notebook I found in my grandmother's kitchen drawer, full of recipes and small observations about the weather.

## What I learned

Every page had a date, a dish, and a line about who came to dinner. Reading them felt like **walking through her week**.

- Bread on Mondays
- Soup when it rained

## Why it matters

> Write things down; the small days are the ones you forget.

I keep my own notebook now.`;

/** Types the story body as Markdown, through the editor's Markdown view (then back to rich text). */
export async function fillStory(page: Page, markdown: string) {
  const toggle = page.getByRole("button", { name: "Markdown", exact: true });
  await expect(page.getByRole("textbox", { name: "Story", exact: true })).toBeVisible();
  await toggle.click();
  await page.getByLabel("Markdown source").fill(markdown);
  await toggle.click();
  await expect(page.getByLabel("Markdown source")).toHaveCount(0);
}

/** Publishes a story through the editor as the signed-in page's user; returns its URL. */
export async function publishStory(page: Page, title: string, { community = "journal", body = storyBody, tags = "" } = {}) {
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Community").selectOption(community);
  if (tags) await page.getByLabel("Tags").fill(tags);
  await fillStory(page, body);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/${community}/[^/]+$`));
  return page.url();
}

/**
 * Published stories by the account with `authorEmail`, written straight to the database in the
 * journal, for a spec about a list of stories rather than about publishing one (a story through the
 * editor costs about 2 CPU-seconds of browser and server). Published a millisecond apart, the last
 * newest, just before now: no other spec's story falls between them. Cached lists show them after
 * the next publish expires the lists, as any publish does.
 */
export async function insertPublishedStories(authorEmail: string, titles: string[]): Promise<{ id: string; url: string }[]> {
  const [{ id: authorId }] = await sql<{ id: string }>(`select id from "User" where email = $1`, [authorEmail]);
  const rows = await sql<{ id: string; slug: string }>(
    `insert into "Story" (id, "authorId", "communityId", slug, title, "bodyMarkdown", "bodyHtml", status, "publishedAt", "updatedAt")
     select 'e2e' || md5(random()::text || t.n), $1, 'c-journal', $2 || '-' || t.n, t.title, 'Written for a list.', '<p>Written for a list.</p>', 'PUBLISHED',
            now() - make_interval(secs => ($3 - t.n) / 1000.0), now()
     from unnest($4::text[]) with ordinality as t(title, n)
     returning id, slug`,
    [authorId, `listed-${randomUUID().slice(0, 8)}`, titles.length + 1, titles],
  );
  return rows.map((r) => ({ id: r.id, url: `http://127.0.0.1:${e2ePort()}/journal/${r.slug}` }));
}

/**
 * A published story by a new creator (trusted, confirmed), both straight in the database, for a
 * spec about what readers do with a story: the creator needs no browser of their own. Returns the
 * story's id and URL.
 */
export async function storyByNewCreator(name: string, title: string): Promise<{ id: string; url: string }> {
  const email = newAddress(name);
  await insertAccount({ name, email, trusted: true, confirmed: true });
  const [story] = await insertPublishedStories(email, [title]);
  return story;
}

/** A creator who is not trusted writes a story in the journal and submits it; returns its id (on the editor page after). */
export async function submitForReview(page: Page, title: string): Promise<string> {
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Community").selectOption("journal");
  await fillStory(page, storyBody);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/edit\?submitted=1$/);
  return page.url().replace(/\?.*$/, "").split("/").at(-2)!;
}

/**
 * The newest email to `to` (with `subject`, if given) that reached this server's SMTP server
 * (tests/e2e/server.ts), waiting for it to arrive. Links in it are absolute on SITE_URL, which
 * is not this test server: `pathOf` gives the path to follow here.
 */
export async function receivedEmail(to: string, subject?: string | RegExp) {
  const dir = path.join(process.cwd(), "test-results", `e2e-mail-${e2ePort()}`);
  let found: ParsedMail | undefined;
  await expect(async () => {
    const mails = await Promise.all((await readdir(dir)).sort().map(async (f) => simpleParser(await readFile(path.join(dir, f)))));
    found = mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === to)) && (!subject || (typeof subject === "string" ? m.subject === subject : subject.test(m.subject ?? "")))).at(-1);
    expect(found, `an email to ${to}`).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return found!;
}

/** The path of the first link in `text` to `route` (say "/reset-password/"). */
export function pathOf(text: string, route: string): string {
  const match = text.match(new RegExp(`https?://[^/\\s]+(${route}[^\\s\\]>)"]*)`));
  if (!match) throw new Error(`no ${route} link in:\n${text}`);
  // A sentence may end right after the address.
  return match[1].replace(/[.,;:]+$/, "");
}

/** Opens the header's account menu (the avatar); returns the menu's panel. */
export async function openAccountMenu(page: Page) {
  const button = page.getByRole("button", { name: /^Account menu/ });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("navigation", { name: "Your account" });
}

/** Signs out from the account menu and waits for the signed-out header. */
export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Axe finds nothing serious or critical on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Legacy mode runs axe in the page itself; the default runs it per frame and then finishes in a
  // new blank page, for cross-origin iframes, which the site has none of: half the time and CPU,
  // the same rules and results. Passing checks are not listed, only counted.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
