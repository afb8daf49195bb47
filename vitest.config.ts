import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";
import SlowFirstSequencer from "./tests/helpers/slow-first-sequencer";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next's react-server build the marker package throws by design; the data layer is
  // still server code, so the marker is simply a no-op here.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
};

/** The projects that talk to PostgreSQL: one shared cluster, a database per test file. */
const withDatabase = {
  globalSetup: ["tests/helpers/postgres-global-setup.ts"],
  setupFiles: ["tests/helpers/database-per-file.ts"],
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine.
    // Integration files spend much of their time waiting on PostgreSQL (a database each), so every
    // core gets a file (VITEST_MAX_WORKERS changes it).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? Math.max(2, os.availableParallelism())),
    // Each test file in a worker thread of its own, not a child process: a file starts without a
    // new Node process and its module loading. Same-hour runs here: 351.9 s and 656 CPU-seconds with
    // child processes, 308.6 and 321.9 s and 574–596 CPU-seconds with threads (README, "How long").
    pool: "threads",
    // Longest files first, across the projects (tests/helpers/slow-first-sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Each test file starts its own render pool and renders a few short texts: the worker's warm-up
    // render (lib/content/markdown-pipeline.mjs) would cost more than all of them.
    env: { RENDER_WARM_UP: "off" },
    environment: "node",
    // Each project takes the settings above (extends) and adds its own.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          ...withDatabase,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // Hostile input: the authorization matrix, leaks, fuzzing (docs/security.md).
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          ...withDatabase,
          testTimeout: 300_000,
        },
      },
    ],
  },
});
