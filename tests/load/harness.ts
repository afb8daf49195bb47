// The load tests' world: a throw-away embedded PostgreSQL (synchronous_commit ON, so a killed
// server keeps every commit it acknowledged), a database from the migrated template with
// deterministic content, a copy of the tests' one build (scripts/lib/app-env.mjs testBuildCopy)
// and `next start` on free loopback ports. Everything here talks to 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { startTestCluster, TEMPLATE_DB } from "../helpers/test-database";
import { freePort } from "../helpers/free-port";
import { createDatabaseFromTemplate, databaseUrl, startEmbeddedPostgres } from "../../scripts/lib/postgres.mjs";
import { root, runBin, serverNodeOptions, testBuildCopy } from "../../scripts/lib/app-env.mjs";
import { renderComment, renderStory } from "../../lib/content/markdown";
import { signInForCookie } from "../../scripts/lib/sign-in";

export const LOAD_DB = "load";
export const PASSWORD = "load test password";
const FLAGS = ["-c", "synchronous_commit=on", "-c", "max_connections=400"];

export const log = (message: string) => console.log(`[load] ${message}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The database

export type Database = Awaited<ReturnType<typeof startDatabase>>;

export async function startDatabase() {
  const port = await freePort();
  const cluster = await startTestCluster("load", { port, flags: FLAGS });
  await createDatabaseFromTemplate(cluster.adminUrl, LOAD_DB, TEMPLATE_DB);
  const url = databaseUrl(port, LOAD_DB);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {}); // idle clients die with the server in the kill test
  let restarted: { stop: () => Promise<void> } | null = null;
  return {
    port,
    url,
    pool,
    dir: cluster.databaseDir,
    /** The postmaster's pid, from the data folder's postmaster.pid. */
    postmasterPid(): number {
      return Number(readFileSync(path.join(cluster.databaseDir, "postmaster.pid"), "utf8").split("\n")[0]);
    },
    /** kill -9 the postmaster and every backend it started: a crash, not a shutdown. */
    kill() {
      const pid = this.postmasterPid();
      const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split(/\s+/).filter(Boolean).map(Number);
      for (const p of [pid, ...children]) {
        try {
          process.kill(p, "SIGKILL");
        } catch {}
      }
      return pid;
    },
    /** Starts the server again on the same data folder and port (PostgreSQL runs crash recovery). */
    async restart() {
      const server = await startEmbeddedPostgres({ databaseDir: cluster.databaseDir, port, database: LOAD_DB, ephemeral: true, flags: FLAGS, log: () => {} });
      restarted = server;
    },
    async stop() {
      await pool.end().catch(() => {});
      if (restarted) {
        await restarted.stop().catch(() => {});
        await rm(cluster.databaseDir, { recursive: true, force: true });
      } else await cluster.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Content: fixed ids, so every run reads and writes the same stories.

export const COMMUNITIES = [
  { id: "c-load-journal", slug: "journal", name: "Journal" },
  { id: "c-load-swamp", slug: "the-swamp", name: "The Swamp" },
];
/** Stories the commenters and hearters write on. */
export const HOT_STORIES = 5;
export const READ_STORIES = 30;

export type Seed = { hotStoryIds: string[]; readPaths: string[]; commenters: string[]; hearters: string[]; writers: { userId: string; storyId: string }[] };

const storyBody = (n: number) =>
  Array.from({ length: 6 }, (_, s) => `## Part ${s + 1}\n\n${`Story ${n} walks along the harbor at night and counts the lights of the ferries. `.repeat(12)}`).join("\n\n");

/** Users: `count` established commenters (3 days old, one live story each), hearters, draft writers. */
export async function seed(db: Database, { commenters, hearters, writers }: { commenters: number; hearters: number; writers: number }): Promise<Seed> {
  const client = await db.pool.connect();
  try {
    // The argon2 parameters live in the hash: cheap ones make hundreds of sign-ins quick.
    const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const old = new Date(Date.now() - 3 * 86_400_000);
    for (const c of COMMUNITIES) await client.query(`insert into "Community" (id, slug, name) values ($1, $2, $3)`, [c.id, c.slug, c.name]);
    const users: [string, string][] = [["load-author", "Load Author"]];
    for (let i = 0; i < commenters; i++) users.push([`load-commenter-${i}`, `Commenter ${i}`]);
    for (let i = 0; i < hearters; i++) users.push([`load-hearter-${i}`, `Hearter ${i}`]);
    for (let i = 0; i < writers; i++) users.push([`load-writer-${i}`, `Writer ${i}`]);
    await client.query(
      `insert into "User" (id, email, name, handle, "passwordHash", "createdAt", "updatedAt", "emailVerifiedAt")
       select id, id || '@load.test', name, id, $3, $4, $4, $4 from unnest($1::text[], $2::text[]) as u(id, name)`,
      [users.map((u) => u[0]), users.map((u) => u[1]), passwordHash, old],
    );
    const html = await renderStory(storyBody(0));
    const stories: { id: string; author: string; community: string; slug: string | null; status: string }[] = [];
    for (let i = 0; i < READ_STORIES; i++) stories.push({ id: `load-story-${i}`, author: "load-author", community: COMMUNITIES[i % 2].id, slug: `harbor-lights-${i}`, status: "PUBLISHED" });
    // A commenter's own live story makes them an established account (not "new") for the spam limits.
    for (let i = 0; i < commenters; i++) stories.push({ id: `load-own-${i}`, author: `load-commenter-${i}`, community: COMMUNITIES[0].id, slug: `commenter-${i}-notes`, status: "PUBLISHED" });
    for (let i = 0; i < writers; i++) stories.push({ id: `load-draft-${i}`, author: `load-writer-${i}`, community: COMMUNITIES[0].id, slug: null, status: "DRAFT" });
    await client.query(
      `insert into "Story" (id, "authorId", "communityId", slug, title, subtitle, "bodyMarkdown", "bodyHtml", "wordCount", "readingMinutes", status, "publishedAt", "createdAt", "updatedAt")
       select s.id, s.author, s.community, s.slug, 'Harbor lights ' || s.n, 'A night walk', $6, $7, $8, $9, s.status::"StoryStatus",
              case when s.status = 'PUBLISHED' then $10::timestamp - (s.n * interval '1 hour') end, $10, $10
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as s(id, author, community, slug, status, n)`,
      [stories.map((s) => s.id), stories.map((s) => s.author), stories.map((s) => s.community), stories.map((s) => s.slug), stories.map((s) => s.status), storyBody(0), html.html, html.wordCount, html.readingMinutes, old],
    );
    // A few comments already there, as on a real story.
    const body = "This stayed with me.";
    await client.query(
      `insert into "Comment" (id, "storyId", "authorId", body, "bodyHtml", "createdAt") select 'load-seed-c-' || i, 'load-story-' || i, 'load-author', $1, $2, $3 from generate_series(0, ${READ_STORIES - 1}) i`,
      [body, await renderComment(body), old],
    );
    await client.query(`update "Story" set "commentCount" = 1 where id like 'load-story-%'`);
  } finally {
    client.release();
  }
  // Search vectors, as publishing would have set them (the data layer reads DATABASE_URL on load).
  process.env.DATABASE_URL = db.url;
  const { refreshAllSearchVectors } = await import("../../lib/data/search-vectors");
  await refreshAllSearchVectors();
  return {
    hotStoryIds: Array.from({ length: HOT_STORIES }, (_, i) => `load-story-${i}`),
    readPaths: Array.from({ length: READ_STORIES }, (_, i) => `/${COMMUNITIES[i % 2].slug}/harbor-lights-${i}`),
    commenters: Array.from({ length: commenters }, (_, i) => `load-commenter-${i}`),
    hearters: Array.from({ length: hearters }, (_, i) => `load-hearter-${i}`),
    writers: Array.from({ length: writers }, (_, i) => ({ userId: `load-writer-${i}`, storyId: `load-draft-${i}` })),
  };
}

// ---------------------------------------------------------------------------------------------
// The app

export const APP_ENV = {
  AUTH_SECRET: "load-secret-not-for-production-0123456789",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

let distDir: string | undefined;

/** A copy of the tests' one build for this run's app processes (built first if the sources changed). */
export async function build(db: Database) {
  const t0 = performance.now();
  distDir = await testBuildCopy({ ...process.env, ...APP_ENV, DATABASE_URL: db.url }, "load", (m: string) => log(m));
  log(`build ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

export type App = { port: number; base: string; process: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: string[] };

/** `next start` on a free loopback port; resolves once /api/health answers. */
export async function startApp(databaseUrlForApp: string, extraEnv: Record<string, string> = {}, port?: number): Promise<App> {
  if (!distDir) throw new Error("build() first");
  port ??= await freePort();
  const output: string[] = [];
  const child = spawn(runBin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: serverNodeOptions({ ...process.env, NODE_OPTIONS: process.env.APP_NODE_OPTIONS }), ...APP_ENV, NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrlForApp, NODE_ENV: "production", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The app's own output goes to test-results/load-app-<port>.log, for when something fails.
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  const logFile = path.join(root, "test-results", `load-app-${port}.log`);
  const keep = (chunk: Buffer) => {
    appendFileSync(logFile, chunk);
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 200));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { port, base, process: child, exited, output };
    await sleep(250);
  }
  child.kill("SIGKILL");
  throw new Error(`the app did not start on port ${port}:\n${output.slice(-30).join("\n")}`);
}

export async function stopApp(app: App) {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  app.process.kill("SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout");
  if ((await Promise.race([app.exited, timeout])) === "timeout") app.process.kill("SIGKILL");
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with a keep-alive agent (lighter than fetch for thousands of requests).

export type Reply = { status: number; body: string; ms: number; error?: string };

export function makeAgent(maxSockets: number) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/** Requests sent again because a kept-alive connection was closed by the server as they went out. */
export const retried = { count: 0 };

/**
 * One request; never throws: a network failure is status 0 with `error`. `timeoutMs` bounds it.
 * Like a browser, it sends a request again once when the kept-alive connection it went out on
 * turns out to have been closed by the server (reset before any answer): the server never read
 * it. Any other failure is returned as is.
 */
export async function request(agent: http.Agent, base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Reply> {
  const first = await requestOnce(agent, base, method, path, options);
  if (!first.staleSocket) return first;
  retried.count++;
  const second = await requestOnce(agent, base, method, path, options);
  return { ...second, ms: first.ms + second.ms };
}

function requestOnce(agent: http.Agent, base: string, method: string, path: string, { headers = {}, body, timeoutMs = 30_000 }: { headers?: Record<string, string>; body?: string; timeoutMs?: number }): Promise<Reply & { staleSocket?: boolean }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(base + path, { method, agent, headers: body ? { "content-length": Buffer.byteLength(body).toString(), ...headers } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - t0 }));
      // An answer that started but did not finish: the one failure a graceful stop must never cause.
      const cutOff = (why: string) => resolve({ status: 0, body: "", ms: performance.now() - t0, error: `cut off (${why})` });
      res.on("aborted", () => cutOff("aborted"));
      res.on("error", (e) => cutOff(e.message));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("error", (e) => {
      const code = (e as NodeJS.ErrnoException).code ?? e.message;
      resolve({ status: 0, body: "", ms: performance.now() - t0, error: code, staleSocket: req.reusedSocket && (code === "ECONNRESET" || code === "EPIPE") });
    });
    req.end(body);
  });
}

/** Signs in as one of the load test's users (all share PASSWORD); returns the session cookie. */
export function signIn(base: string, email: string): Promise<string> {
  return signInForCookie(base, email, PASSWORD);
}

/** Session cookies for `userIds`, `parallel` sign-ins at a time. */
export async function signInAll(base: string, userIds: string[], parallel = 8): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < userIds.length) {
        const id = userIds[next++];
        cookies.set(id, await signIn(base, `${id}@load.test`));
      }
    }),
  );
  return cookies;
}

// ---------------------------------------------------------------------------------------------
// Figures

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[String(key(item))] = (out[String(key(item))] ?? 0) + 1;
  return out;
}
