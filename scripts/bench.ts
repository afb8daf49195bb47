// `npm run bench`: the built app on its own embedded database with realistic content, measured
// with autocannon (50 connections, 10 s, after a warm-up) against the story page, made-up story
// URLs (404), home, a community page, search and a comment post, and in the same run a bare Node
// server sending the story page's own HTML from memory: the runtime's ceiling on this machine.
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_STORIES=500 npm run bench
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium.mjs";
import { spawn } from "node:child_process";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { startTestCluster, TEMPLATE_DB } from "../tests/helpers/test-database";
import { freePort } from "../tests/helpers/free-port";
import { createDatabaseFromTemplate, databaseUrl } from "./lib/postgres.mjs";
import { buildIfChanged, root, runBin } from "./lib/app-env.mjs";
import { seedBenchContent } from "./lib/bench-content";
import { signInForCookie } from "./lib/sign-in";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const extraStories = Number(process.env.BENCH_STORIES ?? 500);

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

function run(name: string, options: autocannon.Options): Promise<Row> {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx });
    });
  });
}

const warm = (options: autocannon.Options) => new Promise((resolve) => autocannon({ connections: 10, duration: 2, ...options }, resolve));

async function main() {
  const cluster = await startTestCluster("bench");
  await createDatabaseFromTemplate(cluster.adminUrl, "bench", TEMPLATE_DB);
  const url = databaseUrl(cluster.port, "bench");
  const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: ".next-bench", AUTH_SECRET: "bench-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" };
  const seed = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { cwd: root, env, stdio: "inherit" });
  await new Promise((resolve) => seed.on("exit", resolve));
  const content = await seedBenchContent(url, extraStories);
  console.log(`[bench] content: ${content.stories} published stories, ${content.comments} comments`);

  buildIfChanged(env, (m) => console.log(`[bench] ${m}`));
  const port = await freePort();
  const app = spawn(runBin("next"), ["start", "-p", String(port)], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const storyPath = content.storyPath;
  const storyHtml = await (await fetch(base + storyPath)).text();
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(storyHtml);
  });
  const barePort = await freePort();
  await new Promise<void>((resolve) => bare.listen(barePort, "127.0.0.1", resolve));

  const session = await signInForCookie(base, "admin@storyhouse.local", "storyhouse-admin");
  const comment = {
    url: `${base}/api/stories/${content.storyId}/comments`,
    method: "POST" as const,
    headers: { "content-type": "application/json", cookie: session, origin: base },
    body: JSON.stringify({ body: "Benchmark comment: *lovely* piece." }),
  };

  const targets: [string, autocannon.Options][] = [
    ["bare node (story HTML from memory)", { url: `http://127.0.0.1:${barePort}/` }],
    ["story page", { url: base + storyPath }],
    // A made-up URL per request in the same community: a 404 rendered each time, never cached
    // (lib/cache/route-cache-handler.mjs), what a script asking for random URLs costs.
    ["unknown story URLs (random, 404)", { url: base, requests: [{ setupRequest: (request) => ({ ...request, path: `/${storyPath.split("/")[1]}/nope-${randomBytes(6).toString("hex")}` }) }] }],
    ["home", { url: `${base}/` }],
    ["community page", { url: `${base}/journal` }],
    ["search page (static shell)", { url: `${base}/search?q=${encodeURIComponent("city budget")}` }],
    ["search results (/api/search)", { url: `${base}/api/search?q=${encodeURIComponent("city budget")}` }],
    ["comment post", comment],
  ];
  const rows: Row[] = [];
  for (const [name, options] of targets) {
    await warm(options);
    rows.push(await run(name, options));
  }
  const limit = rows[0].rps;
  console.log(`\nStoryhouse bench: ${connections} connections, ${seconds} s each, after a 2 s warm-up; ${content.stories} stories\n`);
  console.log("target".padEnd(36) + "req/s".padStart(10) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "errors".padStart(8) + "non-2xx".padStart(9));
  for (const r of rows) {
    console.log(r.name.padEnd(36) + r.rps.toFixed(0).padStart(10) + String(r.p50).padStart(9) + String(r.p99).padStart(9) + String(r.errors).padStart(8) + String(r.non2xx).padStart(9));
  }
  const story = rows.find((r) => r.name === "story page")!;
  console.log(`\nstory page: ${((story.rps / limit) * 100).toFixed(1)}% of the bare server's req/s (target ≥ 10%), p99 ${story.p99} ms (target < 100 ms)`);
  const search = rows.find((r) => r.name.startsWith("search results"))!;
  console.log(`search results: p99 ${search.p99} ms (target < 150 ms)`);
  const uncached = await timeUncachedSearches(base);
  console.log(`search, uncached (a new query each time, sequential): p50 ${uncached.p50} ms, p99 ${uncached.p99} ms over ${uncached.count} queries`);

  const js = await measureJavaScript(base + storyPath);
  console.log(`story page JavaScript for an anonymous reader: ${js.files} files, ${(js.transferred / 1024).toFixed(0)} kB transferred (${(js.decoded / 1024).toFixed(0)} kB uncompressed)`);

  bare.close();
  app.kill("SIGTERM");
  await new Promise((resolve) => app.on("exit", resolve));
  await cluster.stop();
}

/** The JavaScript a first visit to `url` downloads, as Chromium reports it. */
async function measureJavaScript(url: string) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    return await page.evaluate(() => {
      const scripts = performance.getEntriesByType("resource").filter((e) => (e as PerformanceResourceTiming).initiatorType === "script") as PerformanceResourceTiming[];
      return { files: scripts.length, transferred: scripts.reduce((n, e) => n + e.encodedBodySize, 0), decoded: scripts.reduce((n, e) => n + e.decodedBodySize, 0) };
    });
  } finally {
    await browser.close();
  }
}

/** Distinct queries one after another, so each one misses the cache and runs in PostgreSQL. */
async function timeUncachedSearches(base: string) {
  const words = ["budget", "council", "night", "bus", "kitchen", "notebook", "garden", "silence", "meeting", "harbor"];
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const q = `${words[i % words.length]} ${words[Math.floor(i / words.length)]}`;
    const t0 = performance.now();
    await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { count: times.length, p50: times[Math.floor(times.length * 0.5)].toFixed(1), p99: times[Math.floor(times.length * 0.99)].toFixed(1) };
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});

