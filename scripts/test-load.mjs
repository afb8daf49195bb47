// `npm run test:load`: the load and fault tests in tests/load (vitest, vitest.load.config.ts)
// against the built app on its own throw-away embedded PostgreSQL. LOAD_SECONDS (default 60)
// sets the main run's length. Prints a one-line summary; exits non-zero if any test failed or
// none ran.
import { runVitestSuite } from "./lib/vitest-suite.mjs";

process.exit(
  runVitestSuite({
    name: "load",
    config: "vitest.load.config.ts",
    args: process.argv.slice(2),
    note: (seconds) => `load suite (LOAD_SECONDS=${process.env.LOAD_SECONDS ?? 60}) took ${seconds} s; figures are in the [load] lines above`,
  }),
);
