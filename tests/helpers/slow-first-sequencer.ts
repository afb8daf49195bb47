// The order vitest starts test files in: the longest first, so the two workers end together
// instead of one finishing a long file alone at the end. vitest's own order runs files it has no
// figures for first (a fresh clone has none), then the larger files first: the fuzzing files are
// a few lines long, so they ran last, and the run waited for them (issue 18).
// How long a file takes: the last `npm test` (test-results/timings.json), else the estimate below.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Seconds, roughly, on a 2-core machine: for a fresh clone, which has no timings.json yet. */
const ESTIMATES: [RegExp, number][] = [
  [/^tests\/security\/fuzz[^/]*\.test\.ts$/, 120],
  [/^tests\/security\/authorization-matrix\.test\.ts$/, 30],
];

function lastTimings(root: string): Map<string, number> {
  const file = path.join(root, "test-results", "timings.json");
  if (!existsSync(file)) return new Map();
  try {
    const { files } = JSON.parse(readFileSync(file, "utf8")) as { files: { runner: string; file: string; seconds: number }[] };
    return new Map(files.filter((f) => f.runner === "vitest").map((f) => [f.file, f.seconds]));
  } catch {
    return new Map();
  }
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const timings = lastTimings(root);
    const seconds = (spec: TestSpecification) => {
      const file = path.relative(root, spec.moduleId).split(path.sep).join("/");
      return timings.get(file) ?? ESTIMATES.find(([pattern]) => pattern.test(file))?.[1] ?? 0;
    };
    const base = await super.sort(files);
    // Stable: files with no figure keep vitest's order after the ones with one.
    return base.map((spec, i) => ({ spec, i, s: seconds(spec) })).sort((a, b) => b.s - a.s || a.i - b.i).map(({ spec }) => spec);
  }
}
