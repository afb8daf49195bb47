// `npm run test:cluster`: the scale-out tests in tests/cluster (vitest, vitest.cluster.config.ts):
// the Redis cache handler, S3 storage, then two app processes + Redis + Varnish + an S3 server on
// the tests' one build (built first only if the sources changed). Needs Debian's redis-server,
// varnish and varnish-modules (.ci/run installs them). Prints one closing line; exits non-zero if
// any test failed or none ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { root, runBin } from "./lib/app-env.mjs";

const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const json = path.join(results, "cluster-results.json");
rmSync(json, { force: true });
const t0 = Date.now();
const status =
  spawnSync(runBin("vitest"), ["run", "--config", "vitest.cluster.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  }).status ?? 1;
const report = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
const passed = report?.numPassedTests ?? 0;
const failed = report?.numFailedTests ?? 0;
console.log(`\ncluster suite took ${((Date.now() - t0) / 1000).toFixed(0)} s; figures are in the [cluster] lines above and test-results/cluster-figures.json`);
console.log(`cluster: ${passed} passed, ${failed} failed`);
process.exit(status === 0 && passed > 0 && failed === 0 ? 0 : 1);
