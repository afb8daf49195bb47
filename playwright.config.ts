import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium.mjs";

// One server (and database) per worker, on consecutive ports from E2E_PORT (tests/e2e/server.ts):
// specs in different workers never share data, so a spec that changes site settings or rate limits
// cannot disturb another running at the same time. Inside a worker, specs run one after another.
const basePort = Number(process.env.E2E_PORT ?? 3100);
// Two workers, each with its server and database, also on a 2-core machine: one worker alone kept
// the machine 73% busy (a test waits on autosave pauses, streamed pages, jobs, a single-threaded
// server answering a thousand URLs), two keep it 93% busy: the browser phase of a fresh-clone
// `npm test` 942 → 752 s (3 Dec 2026; README "How long, and why"). E2E_WORKERS=1 for one.
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
// Playwright sets TEST_PARALLEL_INDEX in each worker before it loads this file; the runner has none.
const port = basePort + Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  // Some specs drive several browsers through sign-up, publishing and moderation: up to 67 s with
  // two workers sharing a 2-core machine, so two and a half minutes (a guard against a hang, not a
  // speed check: those are benchmarks).
  timeout: 150_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace for every test (to keep the failures') costs about a sixth of the browser
    // tests' time here (moderation-reports.spec.ts: 84 s with, 70 s without), so only a retry records
    // one: CI retries a failed test once, and its trace is kept. `--trace on` records every test.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: Array.from({ length: workers }, (_, i) => ({
    command: "node --import tsx tests/e2e/server.ts",
    env: { E2E_PORT: String(basePort + i) },
    url: `http://127.0.0.1:${basePort + i}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  })),
});
