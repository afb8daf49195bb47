// Shared by start, test and bench: the secrets and paths a Storyhouse process needs.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

const buildInputs = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

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
 * Runs `next build` unless the last build in the same output folder came from the same sources
 * and database. Builds prerender public pages from the database, so each database gets its own
 * folder (`NEXT_DIST_DIR`: .next for `npm start`, others for tests and benchmarks).
 * @returns {boolean} whether it built
 */
export function buildIfChanged(env, log = console.log) {
  const distDir = path.join(root, env.NEXT_DIST_DIR ?? ".next");
  const stamp = path.join(distDir, "storyhouse-build-fingerprint");
  // Prerendered pages also hold absolute links on SITE_URL.
  const fingerprint = `${sourceFingerprint()}:${env.DATABASE_URL}:${env.SITE_URL ?? ""}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint && existsSync(path.join(distDir, "BUILD_ID"))) {
    log("sources unchanged since the last build: skipping `next build`");
    return false;
  }
  log("building the site (first run, or the sources changed)");
  const build = spawnSync(runBin("next"), ["build"], { cwd: root, env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
  if (build.status !== 0) throw new Error("`next build` failed (see above)");
  writeFileSync(stamp, fingerprint);
  return true;
}

/**
 * NODE_OPTIONS for a production server (`next start`): the old-generation heap capped at
 * APP_HEAP_MB (default 192), so a busy server collects garbage sooner instead of growing toward
 * V8's own limit. Peak memory under load drops from about 500 MB to about 330 MB
 * (docs/performance.md). An explicit --max-old-space-size in NODE_OPTIONS wins.
 */
export function serverNodeOptions(env = process.env) {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-old-space-size")) return current;
  return `${current} --max-old-space-size=${Number(env.APP_HEAP_MB ?? 192)}`.trim();
}
