import { expect, test } from "./test";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { e2eDistDir, e2ePort, sql } from "./helpers";

// Made-up and hostile URLs under every dynamic public route must be answered 400/404 without
// leaving anything on disk and without a log line: before, each unknown story URL left five files
// (~49 KB) in Next's route cache, so a script asking for random URLs filled the server's disk, and
// hostile ones logged "Failed to update prerender cache" (ENAMETOOLONG) and "invalid tags". The
// files Next writes at run time (server/route-cache, server/app, cache/) all live in its output
// folder, so the whole folder is measured.

const port = e2ePort();
const distDir = e2eDistDir();
const serverLog = path.join(process.cwd(), "test-results", `e2e-server-${port}.log`);
// 100 per route: 1,400 made-up URLs and 266 hostile ones, each a 404 rendered per request (about
// 40 ms of CPU on average), so under a minute on an idle 2-core machine (estimated; several minutes
// when the machine is shared with builds).
const PER_ROUTE = Number(process.env.UNKNOWN_URLS_PER_ROUTE ?? 100);
const PARALLEL = 6;

const word = () => `nope-${randomBytes(6).toString("hex")}`;
// A client-side navigation asks for the RSC payload of the same URL. Next first redirects such a
// request to add its cache-busting `_rsc` parameter, then answers a missing page with 200 and the
// not-found tree (the router shows it), uncached: for these, any status below 500 will do.
const rsc = { rsc: "1" };

/** Every dynamic public route, as a made-up URL (the community `journal` exists; the rest doesn't). */
const routes: { name: string; url: (a: string, b: string) => string; headers?: Record<string, string> }[] = [
  { name: "story", url: (a) => `/journal/${a}` },
  { name: "story (RSC)", url: (a) => `/journal/${a}`, headers: rsc },
  { name: "story in an unknown community", url: (a, b) => `/${a}/${b}` },
  { name: "community", url: (a) => `/${a}` },
  { name: "community (RSC)", url: (a) => `/${a}`, headers: rsc },
  { name: "earlier comments", url: (a, b) => `/journal/${a}/comments/${b}` },
  { name: "social image", url: (a) => `/journal/${a}/opengraph-image` },
  { name: "community feed", url: (a) => `/${a}/feed.xml` },
  // Deeper than any page: only an imported story's old address answers (app/[community]/[slug]/[...rest]).
  { name: "an old site's address", url: (a, b) => `/2019/${a}/${b}` },
  { name: "profile", url: (a) => `/authors/${a}` },
  { name: "profile (RSC)", url: (a) => `/authors/${a}`, headers: rsc },
  { name: "creator feed", url: (a) => `/authors/${a}/feed.xml` },
  { name: "tag", url: (a) => `/tags/${a}` },
  { name: "tag feed", url: (a) => `/tags/${a}/feed.xml` },
  { name: "media", url: (a) => `/media/${a}-640.webp` },
];

/** Over-long segments, NUL and control characters, invalid percent-encoding, markup, traversal. */
const hostile = [
  "%00",
  "a%00b",
  "%01%02%03",
  "%1b%5b31m",
  "%7f",
  "x".repeat(300),
  "y".repeat(4000),
  "%E2%80%AE",
  "%3Cscript%3E",
  "%F0%9F%98%80",
  "..%2F..%2Fetc%2Fpasswd",
  "%25",
  "a%2Fb",
  "%",
  "a%zz",
  "%E0%A4%A",
  "%C0%AF",
  "%ff%fe",
  "%ED%A0%80",
];

type Usage = { files: number; bytes: number };

function usage(dir: string): Usage {
  const total = { files: 0, bytes: 0 };
  if (!existsSync(dir)) return total;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = usage(full);
      total.files += inner.files;
      total.bytes += inner.bytes;
    } else {
      total.files += 1;
      total.bytes += statSync(full).size;
    }
  }
  return total;
}

const logSize = () => (existsSync(serverLog) ? statSync(serverLog).size : 0);
const logSince = (offset: number) => readFileSync(serverLog).subarray(offset).toString("utf8");

/** GETs every URL, a few at a time; returns the ones not answered 400 or 404 (RSC: below 500). */
async function requestAll(baseURL: string, requests: { url: string; headers?: Record<string, string> }[]) {
  const unexpected: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { url, headers } = requests[next++];
      const response = await fetch(baseURL + url, { headers, redirect: headers ? "follow" : "manual" });
      await response.arrayBuffer();
      const expected = headers ? response.status < 500 : response.status === 404 || response.status === 400;
      if (!expected) unexpected.push(`${response.status} ${url.slice(0, 120)}${headers ? " (RSC)" : ""}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return unexpected;
}

/**
 * What anyone can send the sign-in routes, each answered without a 500 (and, in the test below,
 * without a log line: Auth.js logged each with its stack, ~1 KB). Returns the unexpected answers.
 */
async function refusedSignIns(baseURL: string) {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const post = (fields: Record<string, string>, headers: Record<string, string> = { cookie }) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const forged = { cookie: "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged" };
  const cases: { name: string; path: string; init?: RequestInit; status: number }[] = [
    { name: "a wrong password", path: "/api/auth/callback/credentials", init: post({ csrfToken, email: `nobody-${word()}@example.com`, password: "not the password" }), status: 302 },
    { name: "no CSRF token", path: "/api/auth/callback/credentials", init: post({ email: "a@example.com", password: "x" }, {}), status: 302 },
    { name: "a callback by GET", path: "/api/auth/callback/credentials", status: 302 },
    { name: "an unknown action", path: "/api/auth/nope", status: 400 },
    { name: "another provider's sign-in", path: "/api/auth/signin/github", status: 404 },
    { name: "another provider's callback", path: "/api/auth/callback/nope", init: post({ csrfToken }), status: 404 },
    { name: "Auth.js's own sign-out, which would leave a copied cookie working", path: "/api/auth/signout", init: post({ csrfToken }), status: 404 },
    { name: "a forged session cookie", path: "/api/auth/session", init: { headers: forged }, status: 200 },
    { name: "a javascript: callback URL cookie", path: "/api/auth/session", init: { headers: { cookie: "authjs.callback-url=javascript:alert(1)" } }, status: 400 },
    { name: "a javascript: callback URL", path: "/api/auth/signin?callbackUrl=javascript:alert(1)", status: 400 },
    { name: "a session update without a token", path: "/api/auth/session", init: post({}, forged), status: 400 },
  ];
  const unexpected: string[] = [];
  for (const { name, path, init, status } of cases) {
    const response = await fetch(baseURL + path, { ...init, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== status) unexpected.push(`${response.status} (not ${status}) for ${name}`);
  }
  return unexpected;
}

test("thousands of made-up and hostile URLs, and refused sign-ins, write nothing to disk and log nothing", async ({ baseURL }) => {
  test.setTimeout(360_000); // several minutes on a machine shared with builds
  const requests = [
    ...routes.flatMap((route) => Array.from({ length: PER_ROUTE }, () => ({ url: route.url(word(), word()), headers: route.headers }))),
    ...routes.flatMap((route) => hostile.map((bad) => ({ url: route.url(bad, bad), headers: route.headers }))),
  ];
  // Warm up: the first request to each route may load code or read a build-time file once.
  await requestAll(baseURL!, routes.map((route) => ({ url: route.url(word(), word()), headers: route.headers })));
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  const before = usage(distDir);
  const logOffset = logSize();
  const started = Date.now();
  const unexpected = await requestAll(baseURL!, requests);
  const seconds = (Date.now() - started) / 1000;
  unexpected.push(...(await refusedSignIns(baseURL!)));
  // Cache writes may finish after the response.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const after = usage(distDir);
  const logged = logSince(logOffset);

  console.log(`${requests.length} unknown URLs in ${seconds.toFixed(1)} s (${Math.round(requests.length / seconds)} req/s, ${PARALLEL} at a time); ${distDir}: ${before.files} → ${after.files} files, ${before.bytes} → ${after.bytes} bytes`);
  expect(unexpected.slice(0, 20), `${unexpected.length} answers other than 400/404`).toEqual([]);
  expect({ newFiles: after.files - before.files, newBytes: after.bytes - before.bytes }).toEqual({ newFiles: 0, newBytes: 0 });
  expect(logged.split("\n").filter(Boolean).slice(0, 10), "the server logged while answering unknown URLs").toEqual([]);
});

test("a real story, profile and tag are still cached on disk and served from the cache", async ({ request }) => {
  const id = randomBytes(6).toString("hex");
  await sql(`insert into "User" (id, email, name, handle, "passwordHash", "updatedAt") values ($1, $2, 'Cache Writer', $3, 'x', now())`, [`u-${id}`, `${id}@example.com`, `writer-${id}`]);
  await sql(
    `insert into "Story" (id, "authorId", "communityId", slug, title, "bodyMarkdown", "bodyHtml", status, "publishedAt", "updatedAt")
     values ($1, $2, 'c-journal', $3, 'A cached story', 'Hello.', '<p>Hello.</p>', 'PUBLISHED', now(), now())`,
    [`s-${id}`, `u-${id}`, `cached-${id}`],
  );
  await sql(`insert into "Tag" (id, slug, name) values ($1, $2, 'Cached tag')`, [`t-${id}`, `cached-tag-${id}`]);
  await sql(`insert into "StoryTag" ("storyId", "tagId") values ($1, $2)`, [`s-${id}`, `t-${id}`]);

  for (const url of [`/journal/cached-${id}`, `/authors/writer-${id}`, `/tags/cached-tag-${id}`]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    await expect.poll(async () => (await request.get(url)).headers()["x-nextjs-cache"], { message: url }).toBe("HIT");
  }
  // The pages' HTML is in the route cache on disk (five files each), so a restart serves them too.
  const cached = (name: string) => findFiles(path.join(distDir, "server", "route-cache"), (file) => file.includes(name) && file.endsWith(".html"));
  await expect.poll(() => [`cached-${id}`, `writer-${id}`, `cached-tag-${id}`].map((name) => cached(name).length)).toEqual([1, 1, 1]);
});

function findFiles(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep);
}
