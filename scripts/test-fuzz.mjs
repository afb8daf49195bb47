// `npm run test:fuzz`: the figure — 10,000 fast-check cases per zod schema and per
// data-layer path (tests/security/fuzz.test.ts) against a throw-away embedded PostgreSQL.
// `npm test` runs the same file with fewer data-layer cases (FUZZ_DB_RUNS default in the file).
// FUZZ_RUNS / FUZZ_DB_RUNS override; FUZZ_VERBOSE=1 prints each path's tally and time.
import { spawnSync } from "node:child_process";
import { root, runBin } from "./lib/app-env.mjs";

const env = { FUZZ_RUNS: "10000", FUZZ_DB_RUNS: "10000", FUZZ_VERBOSE: "1", ...process.env };
const t0 = Date.now();
const status =
  spawnSync(runBin("vitest"), ["run", "--project", "security", "tests/security/fuzz.test.ts", ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" }).status ?? 1;
console.log(`\nfuzz (FUZZ_RUNS=${env.FUZZ_RUNS}, FUZZ_DB_RUNS=${env.FUZZ_DB_RUNS}) took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(status);
