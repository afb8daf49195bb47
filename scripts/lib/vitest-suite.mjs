// Runs one vitest suite with its own config to the end and closes with one line a person (and
// CI) can read: `<name>: N passed, N failed`. Used by test:load and test:cluster.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { root, runBin } from "./app-env.mjs";

/**
 * @param {{ name: string, config: string, args?: string[], env?: NodeJS.ProcessEnv, note?: (seconds: number) => string }} suite
 * @returns {number} the exit code: 0 only if tests ran and none failed
 */
export function runVitestSuite({ name, config, args = [], env = {}, note = (seconds) => `${name} suite took ${seconds} s` }) {
  const results = path.join(root, "test-results");
  mkdirSync(results, { recursive: true });
  const json = path.join(results, `${name}-results.json`);
  rmSync(json, { force: true });
  const t0 = Date.now();
  const status =
    spawnSync(runBin("vitest"), ["run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...args], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: "inherit",
    }).status ?? 1;
  const report = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
  const passed = report?.numPassedTests ?? 0;
  const failed = report?.numFailedTests ?? 0;
  console.log(`\n${note(((Date.now() - t0) / 1000).toFixed(0))}`);
  console.log(`${name}: ${passed} passed, ${failed} failed`);
  return status === 0 && passed > 0 && failed === 0 ? 0 : 1;
}
