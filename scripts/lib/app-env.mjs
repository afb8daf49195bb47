// Shared by start, test and bench: the secrets and paths a Storyhouse process needs.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withLock } from "./lock.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const dataDir = path.join(root, ".data");

/** AUTH_SECRET from the environment, or one generated once into .data/ and reused. */
export function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// lib/generated (Prisma Client) is skipped below: it is made from prisma/schema.prisma, which counts.
const buildInputs = ["app", "components", "lib", "prisma/schema.prisma", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** A fingerprint of everything `next build` reads, to skip rebuilding when nothing changed. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p) || p.includes(`${path.sep}generated`)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    else hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const input of buildInputs) visit(path.join(root, input));
  return hash.digest("hex");
}

export function runBin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

/**
 * Runs `next build` into `NEXT_DIST_DIR` (default .next) unless the last build there came from the
 * same sources and SITE_URL. The build prerenders the site-wide lists (home, feeds, sitemap) from
 * whatever database it reaches, but which one does not matter: an app process's first sweep
 * expires those lists (app/api/sweep), so a build serves any database.
 *
 * `typecheck: "tsgo"` (the tests' build) checks the types with tsgo, TypeScript's native port
 * (@typescript/native-preview), after `next build` has written the route types, instead of
 * `next build`'s own check with tsc: the same tsconfig.json and files, 6.8 s against tsc's 25.4 s
 * here (13 against 37 CPU-seconds). A type error fails the build either way.
 * @returns {boolean} whether it built
 */
export function buildIfChanged(env, log = console.log, { typecheck = "next" } = {}) {
  const distDir = path.join(root, env.NEXT_DIST_DIR ?? ".next");
  const stamp = path.join(distDir, "storyhouse-build-fingerprint");
  // Prerendered pages hold absolute links on SITE_URL.
  const fingerprint = `${sourceFingerprint()}:${env.SITE_URL ?? ""}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint && existsSync(path.join(distDir, "BUILD_ID"))) {
    log("sources unchanged since the last build: skipping `next build`");
    return false;
  }
  log("building the site (first run, or the sources changed)");
  rmSync(stamp, { force: true }); // a build stopped halfway is not taken for a finished one
  const build = spawnSync(runBin("next"), ["build"], { cwd: root, env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", STORYHOUSE_TYPECHECK: typecheck }, stdio: "inherit" });
  if (build.status !== 0) throw new Error("`next build` failed (see above)");
  if (typecheck === "tsgo") {
    log("checking types (tsgo)");
    const check = spawnSync(runBin("tsgo"), ["--noEmit", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
    if (check.status !== 0) throw new Error("type errors (see above): the build is not used");
  }
  // `next build` may itself touch an input (it adds the folder's types to tsconfig.json): the stamp
  // describes the sources as the build left them.
  writeFileSync(stamp, `${sourceFingerprint()}:${env.SITE_URL ?? ""}`);
  return true;
}

/** The tests' one build folder: browser tests, load tests and benchmarks all run copies of it. */
export const TEST_BUILD_DIR = ".next-test";

/**
 * A fresh copy of the tests' build for one server (`.next-test-<name>`), building first if the
 * sources changed (one build at a time across processes). Each server gets its own copy because
 * `next start` writes the pages it renders into its build folder; /api/health answers 200 once the
 * server's first sweep has refreshed what the build prerendered from another database.
 * @returns {Promise<string>} the copy's folder, for NEXT_DIST_DIR
 */
export async function testBuildCopy(env, name, log = console.log) {
  const buildEnv = { ...env, NEXT_DIST_DIR: TEST_BUILD_DIR };
  await withLock(path.join(root, `${TEST_BUILD_DIR}.lock`), () => buildIfChanged(buildEnv, log, { typecheck: "tsgo" }));
  const copy = `${TEST_BUILD_DIR}-${name}`;
  rmSync(path.join(root, copy), { recursive: true, force: true });
  // Not its cache/ folder: Turbopack's build cache (~200 MB), which only a rebuild reads.
  const buildCache = path.join(root, TEST_BUILD_DIR, "cache");
  cpSync(path.join(root, TEST_BUILD_DIR), path.join(root, copy), { recursive: true, filter: (source) => source !== buildCache });
  return copy;
}

/**
 * NODE_OPTIONS for a production server (`next start`): the old-generation heap capped at
 * APP_HEAP_MB (default 256), so a busy server collects garbage sooner instead of growing toward
 * V8's own limit. Peak memory under load drops from about 500 MB to about 330 MB
 * (docs/performance.md). An explicit --max-old-space-size in NODE_OPTIONS wins.
 */
export function serverNodeOptions(env = process.env) {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-old-space-size")) return current;
  return `${current} --max-old-space-size=${Number(env.APP_HEAP_MB ?? 256)}`.trim();
}
