// The timing report at the end of `npm test`: seconds per test file (vitest) and per spec file
// (Playwright), written to test-results/timings.json, with a short table of the slowest tenth.
import { writeFileSync } from "node:fs";
import path from "node:path";

/** Per test file from vitest's JSON report: wall seconds from its first to its last test, and its test count. */
export function vitestFileTimings(report, root) {
  return (report?.testResults ?? []).map((file) => ({
    runner: "vitest",
    file: path.relative(root, file.name),
    seconds: Math.max(0, (file.endTime - file.startTime) / 1000),
    tests: file.assertionResults?.length ?? 0,
  }));
}

/** Per spec file from Playwright's JSON report: the sum of its tests' durations (every retry included), and its test count. */
export function playwrightFileTimings(report) {
  const files = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      const entry = files.get(spec.file) ?? { runner: "playwright", file: path.join("tests/e2e", spec.file), seconds: 0, tests: 0 };
      for (const test of spec.tests ?? []) {
        entry.tests++;
        for (const result of test.results ?? []) entry.seconds += (result.duration ?? 0) / 1000;
      }
      files.set(spec.file, entry);
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return [...files.values()];
}

/**
 * Writes test-results/timings.json ({ phases, files }, slowest first) and returns the lines of the
 * table printed after the run: each phase's wall time, then the slowest tenth of the files (at least 5).
 */
export function timingReport({ root, phases, files }) {
  const sorted = [...files].sort((a, b) => b.seconds - a.seconds);
  writeFileSync(path.join(root, "test-results", "timings.json"), JSON.stringify({ phases, files: sorted }, null, 2));
  const slowest = sorted.slice(0, Math.max(5, Math.ceil(sorted.length / 10)));
  const width = Math.max(...slowest.map((f) => f.file.length), 10);
  const seconds = (s) => `${s.toFixed(1).padStart(7)} s`;
  return [
    "",
    "timings (test-results/timings.json):",
    ...Object.entries(phases).map(([name, s]) => `  ${name.padEnd(width)} ${seconds(s)}`),
    `  slowest ${slowest.length} of ${sorted.length} files:`,
    ...slowest.map((f) => `  ${f.file.padEnd(width)} ${seconds(f.seconds)}  ${String(f.tests).padStart(4)} tests  (${f.runner})`),
  ];
}
