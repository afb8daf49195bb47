// `npm run bench:scale`: the site at 1,000 and at 100,000 stories (scripts/lib/scale-content.ts,
// ten comments per story, one creator per ten stories), measured two ways at each scale:
//   COLD: the data work each page does when Next's cache misses (scripts/lib/bench-cold.ts), p50/p99
//         over BENCH_COLD_RUNS calls with varied arguments, and the ratio 100k/1k (target ≤ 1.5×).
//   WARM: the built app under autocannon (BENCH_CONNECTIONS=50 for BENCH_SECONDS=5 each, after a 2 s
//         warm-up), req/s and p50/p99 per page, and the app's peak memory (RSS) under that load.
//   BENCH_SCALES=1000,100000  (or --stories N for one scale)
//   BENCH_URL_100000=postgresql://...  reuse a database already seeded with that many stories
//   BENCH_WARM=0  cold numbers only (no build)
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import { startTestCluster, TEMPLATE_DB } from "../tests/helpers/test-database";
import { freePort } from "../tests/helpers/free-port";
import { createDatabaseFromTemplate, databaseUrl } from "./lib/postgres.mjs";
import { buildIfChanged, root, runBin, serverNodeOptions } from "./lib/app-env.mjs";
import { seedScale } from "./lib/scale-content";
import type { ColdRow } from "./lib/bench-cold";
import { signInForCookie } from "./lib/sign-in";

const { values } = parseArgs({ options: { stories: { type: "string" } } });
const scales = (values.stories ?? process.env.BENCH_SCALES ?? "1000,100000").split(",").map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 50);
const warmEnabled = process.env.BENCH_WARM !== "0";

type WarmRow = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };
type ScaleResult = { stories: number; seedSeconds: number | null; cold: ColdRow[]; warm: WarmRow[]; peakRssMb: number | null; ghostRssMb: number | null };

function cannon(name: string, options: autocannon.Options): Promise<WarmRow> {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx });
    });
  });
}
const warmUp = (options: autocannon.Options) => new Promise((resolve) => autocannon({ connections: 10, duration: 2, ...options }, resolve));

/** The process and all its descendants (next start may fork workers). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+)`));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the summed RSS of the app's process tree every 200 ms; returns a stop function giving the peak (MB). */
function sampleRss(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    const tree = processTree(pid);
    peak = Math.max(peak, tree.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0));
  }, 200);
  return () => {
    clearInterval(timer);
    const hwm = processTree(pid).reduce((sum, p) => sum + statusKb(p, "VmHWM"), 0);
    return Math.max(peak, hwm) / 1024;
  };
}

async function seedDatabase(adminUrl: string, port: number, stories: number) {
  const name = `scale_${stories}`;
  await createDatabaseFromTemplate(adminUrl, name, TEMPLATE_DB);
  const url = databaseUrl(port, name);
  const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("demo seed failed");
  const t0 = performance.now();
  let last = 0;
  const result = await seedScale(url, {
    stories,
    comments: stories * 10,
    creators: Math.max(10, Math.round(stories / 10)),
    onProgress: (phase, done, total) => {
      if (performance.now() - last > 15_000 || done === total) {
        last = performance.now();
        console.log(`[bench:scale] seeding ${phase} ${done}/${total}`);
      }
    },
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  console.log(`[bench:scale] seeded ${result.stories} stories, ${result.comments} comments, ${result.creators} creators in ${seedSeconds.toFixed(1)} s`);
  return { url, seedSeconds };
}

function measureCold(url: string): Promise<ColdRow[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/lib/bench-cold.ts", String(coldRuns)], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`bench-cold exited with ${code}`));
      resolve((JSON.parse(out.trim().split("\n").at(-1)!) as { rows: ColdRow[] }).rows);
    });
  });
}

async function measureWarm(url: string, stories: number) {
  const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: `.next-bench-${stories}`, AUTH_SECRET: "bench-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" };
  buildIfChanged(env, (m) => console.log(`[bench:scale] ${stories}: ${m}`));
  // Targets: a story with an ordinary thread, the busiest community, a creator, a tag, a creator for the studio.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async <T,>(sql: string) => (await client.query(sql)).rows[0] as T;
  const story = await one<{ path: string }>(
    `select '/' || c.slug || '/' || s.slug path from "Story" s join "Community" c on c.id = s."communityId" where s.status = 'PUBLISHED' and s."wordCount" between 800 and 1500 and s."commentCount" between 5 and 30 order by s."publishedAt" desc limit 1`,
  );
  const community = await one<{ slug: string }>(`select c.slug from "Community" c join "Story" s on s."communityId" = c.id group by c.slug order by count(*) desc limit 1`);
  const creator = await one<{ handle: string; email: string }>(
    `select u.handle, u.email from "User" u join "Story" s on s."authorId" = u.id where u.email like 'scale-%' group by u.id order by count(*) desc limit 1`,
  );
  const tag = await one<{ slug: string }>(`select t.slug from "Tag" t join "StoryTag" st on st."tagId" = t.id group by t.slug order by count(*) desc limit 1`);
  await client.end();

  const port = await freePort();
  const app = spawn(runBin("next"), ["start", "-p", String(port)], { cwd: root, env: { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  let bare: http.Server | undefined;
  try {
    const cookie = await signInForCookie(base, creator.email, "storyhouse-demo");
    // The runtime's ceiling on this machine right now: the story page's own HTML from memory.
    const storyHtml = await (await fetch(base + story.path)).text();
    bare = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(storyHtml);
    });
    const barePort = await freePort();
    await new Promise<void>((resolve) => bare!.listen(barePort, "127.0.0.1", resolve));
    const targets: [string, autocannon.Options][] = [
      ["bare node (story HTML from memory)", { url: `http://127.0.0.1:${barePort}/` }],
      ["story page", { url: base + story.path }],
      ["home", { url: `${base}/` }],
      ["community page", { url: `${base}/${community.slug}` }],
      ["profile", { url: `${base}/authors/${creator.handle}` }],
      ["tag page", { url: `${base}/tags/${tag.slug}` }],
      ["search page (static shell)", { url: `${base}/search?q=council` }],
      ["search results (/api/search)", { url: `${base}/api/search?q=${encodeURIComponent("council budget")}` }],
      ["studio list (signed in)", { url: `${base}/studio`, headers: { cookie } }],
    ];
    const rows: WarmRow[] = [];
    const measure = async (name: string, options: autocannon.Options) => {
      await warmUp(options);
      rows.push(await cannon(name, options));
      console.log(`[bench:scale] ${stories}: ${name} ${rows.at(-1)!.rps.toFixed(0)} req/s, p99 ${rows.at(-1)!.p99} ms`);
    };
    const stopSampling = sampleRss(app.pid!);
    for (const [name, options] of targets) await measure(name, options);
    const peakRssMb = stopSampling();
    // Ghost, when one is running (docs/performance.md): a post of the same length, same settings.
    let ghostRssMb: number | null = null;
    if (process.env.GHOST_URL) {
      const stopGhost = process.env.GHOST_PID ? sampleRss(Number(process.env.GHOST_PID)) : null;
      await measure("ghost post (GHOST_URL)", { url: process.env.GHOST_URL });
      ghostRssMb = stopGhost?.() ?? null;
    }
    return { rows, peakRssMb, ghostRssMb, paths: { story: story.path, community: community.slug, profile: creator.handle, tag: tag.slug } };
  } finally {
    bare?.close();
    app.kill("SIGTERM");
    await new Promise((resolve) => app.on("exit", resolve));
  }
}


const f = (n: number) => n.toFixed(1);

async function main() {
  let cluster: Awaited<ReturnType<typeof startTestCluster>> | undefined;
  const results: ScaleResult[] = [];
  try {
    for (const stories of scales) {
      let url = process.env[`BENCH_URL_${stories}`];
      let seedSeconds: number | null = null;
      if (url) console.log(`[bench:scale] ${stories}: reusing the database in BENCH_URL_${stories}`);
      else {
        cluster ??= await startTestCluster("bench-scale");
        ({ url, seedSeconds } = await seedDatabase(cluster.adminUrl, cluster.port, stories));
      }
      console.log(`[bench:scale] ${stories}: cold data work, ${coldRuns} runs each`);
      const cold = await measureCold(url);
      const warm = warmEnabled ? await measureWarm(url, stories) : { rows: [], peakRssMb: null, ghostRssMb: null, paths: null };
      if (warm.paths) console.log(`[bench:scale] ${stories}: targets ${JSON.stringify(warm.paths)}`);
      results.push({ stories, seedSeconds, cold, warm: warm.rows, peakRssMb: warm.peakRssMb, ghostRssMb: warm.ghostRssMb });
    }
  } finally {
    await cluster?.stop();
  }

  console.log(`\nStoryhouse at scale (${new Date().toISOString()}), ${readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? "?"} cores`);
  for (const r of results) {
    console.log(`\n== ${r.stories.toLocaleString("en")} stories${r.seedSeconds != null ? ` (seeded in ${f(r.seedSeconds)} s)` : ""} ==`);
    console.log("COLD (data layer, no Next cache)".padEnd(60) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "mean ms".padStart(9));
    for (const c of r.cold) console.log(c.name.padEnd(60) + f(c.p50).padStart(9) + f(c.p99).padStart(9) + f(c.mean).padStart(9));
    if (r.warm.length) {
      console.log(`WARM (${connections} connections, ${seconds} s each)`.padEnd(60) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "errors".padStart(8) + "non2xx".padStart(8));
      for (const w of r.warm) console.log(w.name.padEnd(60) + w.rps.toFixed(0).padStart(9) + String(w.p50).padStart(9) + String(w.p99).padStart(9) + String(w.errors).padStart(8) + String(w.non2xx).padStart(8));
      console.log(`peak RSS of the app process tree under load: ${r.peakRssMb!.toFixed(0)} MB`);
      if (r.ghostRssMb != null) console.log(`peak RSS of Ghost's process tree (VmHWM since it started): ${r.ghostRssMb.toFixed(0)} MB`);
      const story = r.warm.find((w) => w.name === "story page");
      const bare = r.warm.find((w) => w.name.startsWith("bare node"));
      const ghost = r.warm.find((w) => w.name.startsWith("ghost"));
      if (story && bare) console.log(`story page: ${((story.rps / bare.rps) * 100).toFixed(1)}% of the bare server's req/s (same run), p99 ${story.p99} ms (target < 100 ms)`);
      if (story && ghost) console.log(`story page vs Ghost: ${(story.rps / ghost.rps).toFixed(1)}× Ghost's req/s (target ≥ 30×)`);
    }
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results.at(-1)!];
    console.log(`\nCOLD ratio ${large.stories}/${small.stories} (target: p50 ≤ 1.5×)`);
    console.log("page".padEnd(60) + "p50 ×".padStart(9) + "p99 ×".padStart(9) + "  target");
    for (const c of large.cold) {
      const base = small.cold.find((s) => s.name === c.name)!;
      const ratio = c.p50 / base.p50;
      const verdict = c.background ? "  (not a page)" : ratio <= 1.5 ? "  met" : "  MISSED";
      console.log(c.name.padEnd(60) + ratio.toFixed(2).padStart(9) + (c.p99 / base.p99).toFixed(2).padStart(9) + verdict);
    }
    if (large.warm.length && small.warm.length) {
      console.log(`\nWARM ratio ${large.stories}/${small.stories} (req/s)`);
      for (const w of large.warm) {
        const base = small.warm.find((s) => s.name === w.name)!;
        console.log(w.name.padEnd(60) + (w.rps / base.rps).toFixed(2).padStart(9));
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
