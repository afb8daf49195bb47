// `npm test`: every test. Unit, integration and security (vitest, real embedded PostgreSQL), with
// the browser tests' production build beside it; then the browser tests (Playwright driving
// Chromium against `next start` on that build). Exits non-zero if any failed, or if the browser
// tests did not actually run.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";
import { root, runBin } from "./lib/app-env.mjs";
import { playwrightFileTimings, timingReport, vitestFileTimings } from "./lib/timings.mjs";

const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = performance.now();
const phases = {};
/** Runs a command to the end, timing it as one phase of the report; resolves to its exit status. */
const run = (phase, command, args, { output = "inherit", priority = 0 } = {}) => {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", output, output] });
  if (priority) setPriority(child.pid, priority);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      phases[phase] = (performance.now() - t0) / 1000;
      resolve(code ?? 1);
    }),
  );
};

const vitestJson = path.join(results, "vitest-results.json");
const e2eJson = path.join(results, "e2e-results.json");
for (const file of [vitestJson, e2eJson]) rmSync(file, { force: true });

// The browser tests' build runs beside vitest, niced, so it takes the CPU vitest leaves idle (its
// files wait on PostgreSQL and timers) without slowing vitest's wall-clock tests; its output goes
// to a file, shown if it fails. Playwright's servers then only copy it (tests/e2e/build.ts).
const buildLog = path.join(results, "e2e-build.log");
const buildOutput = createWriteStream(buildLog);
await new Promise((resolve) => buildOutput.on("open", resolve));
const building = run("browser tests' build (beside vitest)", process.execPath, ["--import", "tsx", "tests/e2e/build.ts"], { output: buildOutput, priority: 10 });
const vitestStatus = await run("vitest (unit, integration, security)", runBin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if ((await building) !== 0) console.error(`\nthe browser tests' build failed (${path.relative(root, buildLog)}):\n${readFileSync(buildLog, "utf8").slice(-4000)}`);
const playwrightStatus = await run("playwright (browser specs)", runBin("playwright"), ["test"]);

phases["whole npm test"] = (performance.now() - started) / 1000;

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
