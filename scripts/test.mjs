// `npm test`: every test. The type check and the unit, integration and security tests (vitest, real
// embedded PostgreSQL) side by side, then browser tests (Playwright driving Chromium against
// `next build && next start`). Exits non-zero if any failed, if the types don't check, or if the
// browser tests did not actually run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, runBin, TEST_BUILD_DIR } from "./lib/app-env.mjs";
import { playwrightFileTimings, timingReport, vitestFileTimings } from "./lib/timings.mjs";

const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
// STORYHOUSE_TYPES_CHECKED: the browser tests' build skips its own type check (next.config.ts),
// which is the check below, done here beside vitest instead of on the build's critical path.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", STORYHOUSE_TYPES_CHECKED: "1" };
const phases = {};
/** Runs a tool to the end, timing it as one phase of the report. */
const run = (phase, bin, args) => {
  const t0 = performance.now();
  const status = spawnSync(runBin(bin), args, { cwd: root, env, stdio: "inherit" }).status ?? 1;
  phases[phase] = (performance.now() - t0) / 1000;
  return status;
};

/**
 * The whole program's type check, as `next build` would run it: the route types first (`next
 * typegen`, into the tests' build folder, which tsconfig.json includes), then `tsc` over every file
 * (app, tests, scripts). In the background at the lowest CPU priority, so it takes what vitest
 * leaves idle (vitest keeps the cores ~88% busy) instead of ~28 s of the build's critical path.
 * Its output is held and shown only if it fails.
 */
function typeCheckInBackground() {
  const t0 = performance.now();
  const output = [];
  const step = (bin, args, extraEnv = {}) =>
    new Promise((resolve) => {
      const child = spawn(runBin(bin), args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
      try {
        os.setPriority(child.pid, 19);
      } catch {
        // Not permitted here: it runs at normal priority.
      }
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
      child.on("close", (code) => resolve(code ?? 1));
      child.on("error", (error) => (output.push(Buffer.from(String(error))), resolve(1)));
    });
  return (async () => {
    let status = await step("next", ["typegen"], { NEXT_DIST_DIR: TEST_BUILD_DIR });
    if (status === 0) status = await step("tsc", ["--noEmit"]);
    phases["type check (tsc, beside vitest)"] = (performance.now() - t0) / 1000;
    if (status !== 0) console.error(`\ntype check failed:\n${Buffer.concat(output).toString()}`);
    return status;
  })();
}

const vitestJson = path.join(results, "vitest-results.json");
const e2eJson = path.join(results, "e2e-results.json");
for (const file of [vitestJson, e2eJson]) rmSync(file, { force: true });

const typeCheck = typeCheckInBackground();
const vitestStatus = await new Promise((resolve) => {
  const t0 = performance.now();
  const child = spawn(runBin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { cwd: root, env, stdio: "inherit" });
  child.on("close", (code) => {
    phases["vitest (unit, integration, security)"] = (performance.now() - t0) / 1000;
    resolve(code ?? 1);
  });
});
// Done long before vitest is, as a rule; waited for here so the build has both cores.
const typeStatus = await typeCheck;
const playwrightStatus = run("playwright (build + browser specs)", "playwright", ["test"]);

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
const vitest = read(vitestJson);
const e2e = read(e2eJson);
const counts = {
  passed: (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0),
  failed: (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0),
  skipped: (vitest?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0),
};
for (const line of timingReport({ root, phases, files: [...vitestFileTimings(vitest, root), ...playwrightFileTimings(e2e)] })) console.log(line);
const browserRan = (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0) + (e2e?.stats?.unexpected ?? 0);
console.log(`\nunit+integration+security: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed; browser: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed, ${e2e?.stats?.flaky ?? 0} flaky`);
if (!browserRan) console.error("no browser test ran: that is a failure, not a pass");
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (typeStatus !== 0) console.error("the type check failed (see above)");
process.exit(typeStatus === 0 && vitestStatus === 0 && playwrightStatus === 0 && browserRan > 0 && counts.passed > 0 ? 0 : 1);
