// `npm run bench:page-views`: what reading pages costs the app and the browser, prefetches
// included. Starts the browser tests' server (tests/e2e/server.ts: the tests' build, a throw-away
// database, an admin), then signs in as that admin in Chromium, publishes three stories through the
// editor (so the home page, the community and the tag have story cards), and views seven pages
// (home, studio, an admin queue, a community, notifications, a story, a tag), 1.5 s on each, in
// three fresh browser contexts.
// Prints the prefetch requests the pages sent and the CPU seconds the app process (next-server),
// Chromium and PostgreSQL used meanwhile (Linux: read from /proc).
//   BENCH_PAGE_VIEW_ROUNDS=3 E2E_PORT=3350 npm run bench:page-views
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright";
import { encode } from "next-auth/jwt";
import { chromiumLaunchOptions } from "./lib/chromium.mjs";
import { E2E_AUTH_SECRET } from "../tests/e2e/e2e-secret";
import { publishStory } from "../tests/e2e/helpers";

const port = Number(process.env.E2E_PORT ?? 3350);
const base = `http://127.0.0.1:${port}`;
const rounds = Number(process.env.BENCH_PAGE_VIEW_ROUNDS ?? 3);
const pages = ["/", "/studio", "/admin/reports", "/journal", "/notifications"];
const body = "## A heading\n\nA paragraph of the story, long enough to read like one.\n\n## Another\n\nAnd a closing line.";

/** CPU seconds (user + system) of every process whose name matches. */
function cpuSeconds(name: RegExp): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!name.test(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")))) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}
const usage = () => ({ app: cpuSeconds(/^next-server/), chromium: cpuSeconds(/^chrom/), postgres: cpuSeconds(/^postgres/) });

const server = spawn(process.execPath, ["--import", "tsx", "tests/e2e/server.ts"], { env: { ...process.env, E2E_PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
let serverOutput = "";
for (const stream of [server.stdout, server.stderr]) stream.on("data", (chunk: Buffer) => (serverOutput = (serverOutput + chunk).slice(-4000)));
try {
  for (let waited = 0; ; waited += 500) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
    if (waited > 600_000 || server.exitCode !== null) throw new Error(`the server did not start:\n${serverOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  const session = await encode({ salt: "authjs.session-token", secret: E2E_AUTH_SECRET, maxAge: 3600, token: { sub: "u-admin", sv: 0, name: "Ada Admin", email: "admin@e2e.test" } });
  // Warm: the server's first render of each page is not what a reader's view costs.
  const warm = await browser.newContext({ baseURL: base });
  await warm.addCookies([{ name: "authjs.session-token", value: session, url: base }]);
  const warmPage = await warm.newPage();
  // As the browser tests publish (tests/e2e/helpers.ts), through the editor's Markdown view.
  for (let i = 1; i <= 3; i++) await publishStory(warmPage, `Bench story ${i} ${Date.now()}`, { body, tags: "bench notes, river walks" });
  pages.push(new URL(warmPage.url()).pathname, "/tags/bench-notes");
  for (const p of pages) await warmPage.goto(base + p);
  await warm.close();

  let prefetches = 0;
  const before = usage();
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "authjs.session-token", value: session, url: base }]);
    const page = await context.newPage();
    page.on("request", (request) => void (request.headers()["next-router-prefetch"] && prefetches++));
    for (const p of pages) {
      await page.goto(base + p);
      await page.waitForTimeout(1_500);
    }
    await context.close();
  }
  const after = usage();
  await browser.close();
  const views = rounds * pages.length;
  const cpu = (k: keyof typeof before) => `${(after[k] - before[k]).toFixed(2)} s`;
  console.log(`${views} page views (${pages.join(", ")}; signed in as an admin; ${rounds} fresh contexts)`);
  console.log(`prefetch requests: ${prefetches} (${(prefetches / views).toFixed(1)} a view)`);
  console.log(`CPU meanwhile: app ${cpu("app")}, Chromium ${cpu("chromium")}, PostgreSQL ${cpu("postgres")}`);
} finally {
  server.kill("SIGTERM");
}
