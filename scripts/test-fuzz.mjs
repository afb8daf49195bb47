// `npm run test:fuzz`: only the fuzzing (tests/security/fuzz.test.ts and fuzz-data.test.ts, also part of `npm test`),
// 10,000 fast-check cases per zod schema and per data-layer path against a throw-away embedded
// PostgreSQL, printing each path's tally (cases refused by the schema, done, refused by the data
// layer) and time. FUZZ_RUNS / FUZZ_DB_RUNS override the counts.
import { spawnSync } from "node:child_process";
import { root, runBin } from "./lib/app-env.mjs";

const env = { FUZZ_RUNS: "10000", FUZZ_DB_RUNS: "10000", FUZZ_VERBOSE: "1", ...process.env };
const t0 = Date.now();
const status =
  spawnSync(runBin("vitest"), ["run", "--project", "security", "tests/security/fuzz", ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" }).status ?? 1;
console.log(`\nfuzz (FUZZ_RUNS=${env.FUZZ_RUNS}, FUZZ_DB_RUNS=${env.FUZZ_DB_RUNS}) took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(status);
