// `npm run test:load`: the load and fault tests in tests/load (vitest, vitest.load.config.ts)
// against the built app on its own throw-away embedded PostgreSQL. LOAD_SECONDS (default 60)
// sets the main run's length. Prints a one-line summary; exits non-zero if any test failed or
// none ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { root, runBin } from "./lib/app-env.mjs";

const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const json = path.join(results, "load-results.json");
rmSync(json, { force: true });
const t0 = Date.now();
const status =
  spawnSync(runBin("vitest"), ["run", "--config", "vitest.load.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  }).status ?? 1;
const report = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
const passed = report?.numPassedTests ?? 0;
const failed = report?.numFailedTests ?? 0;
console.log(`\nload suite (LOAD_SECONDS=${process.env.LOAD_SECONDS ?? 60}) took ${((Date.now() - t0) / 1000).toFixed(0)} s; figures are in the [load] lines above`);
console.log(`load: ${passed} passed, ${failed} failed`);
process.exit(status === 0 && passed > 0 && failed === 0 ? 0 : 1);
