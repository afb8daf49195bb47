// `npm run test:cluster`: the scale-out tests in tests/cluster (vitest, vitest.cluster.config.ts):
// the Redis cache handler, S3 storage, then two app processes + Redis + Varnish + an S3 server on
// the tests' one build (built first only if the sources changed). Needs Debian's redis-server,
// varnish and varnish-modules (.ci/run installs them). Prints one closing line; exits non-zero if
// any test failed or none ran.
import { runVitestSuite } from "./lib/vitest-suite.mjs";

process.exit(
  runVitestSuite({
    name: "cluster",
    config: "vitest.cluster.config.ts",
    args: process.argv.slice(2),
    note: (seconds) => `cluster suite took ${seconds} s; figures are in the [cluster] lines above and test-results/cluster-figures.json`,
  }),
);
