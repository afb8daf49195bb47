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

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine.
    // Integration files spend much of their time waiting on PostgreSQL (a database each), so every
    // core gets a file (VITEST_MAX_WORKERS changes it).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? Math.max(2, os.availableParallelism())),
    // Longest files first, across the projects (tests/helpers/slow-first-sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/postgres-global-setup.ts"],
          setupFiles: ["tests/helpers/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Hostile input: the authorization matrix, leaks, fuzzing (docs/security.md).
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/postgres-global-setup.ts"],
          setupFiles: ["tests/helpers/database-per-file.ts"],
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
