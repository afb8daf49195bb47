// `npm test`: every test. Unit, integration and security (vitest, real embedded PostgreSQL), then browser
// tests (Playwright driving Chromium against `next build && next start`). Exits non-zero if any
// failed, or if the browser tests did not actually run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { root, runBin } from "./lib/app-env.mjs";
import { playwrightFileTimings, timingReport, vitestFileTimings } from "./lib/timings.mjs";

const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const phases = {};
/** Runs a tool to the end, timing it as one phase of the report. */
const run = (phase, bin, args) => {
  const t0 = performance.now();
  const status = spawnSync(runBin(bin), args, { cwd: root, env, stdio: "inherit" }).status ?? 1;
  phases[phase] = (performance.now() - t0) / 1000;
  return status;
};

const vitestJson = path.join(results, "vitest-results.json");
const e2eJson = path.join(results, "e2e-results.json");
for (const file of [vitestJson, e2eJson]) rmSync(file, { force: true });

const vitestStatus = run("vitest (unit, integration, security)", "vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
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
process.exit(vitestStatus === 0 && playwrightStatus === 0 && browserRan > 0 && counts.passed > 0 ? 0 : 1);
