// The browser tests' production build, made before Playwright starts: `npm test` runs this beside
// vitest (scripts/test.mjs), at a lower priority, so the build uses the CPU vitest leaves idle
// while its files wait on PostgreSQL and timers. Each browser-test server (server.ts) then finds
// the build up to date and only copies it. Builds only if the sources changed, like server.ts.
import { createDatabaseFromTemplate, databaseUrl } from "../../scripts/lib/postgres.mjs";
import { buildTestSite, builtFromCurrentSources, TEST_BUILD_DIR } from "../../scripts/lib/app-env.mjs";
import { startTestCluster, TEMPLATE_DB } from "../helpers/test-database";
import { E2E_AUTH_SECRET } from "./e2e-secret";

// The build prerenders the site-wide lists from a database; which one does not matter (an app
// process's first sweep refreshes them, scripts/lib/app-env.mjs buildIfChanged).
if (builtFromCurrentSources({ ...process.env, NEXT_DIST_DIR: TEST_BUILD_DIR })) {
  console.log("[e2e build] sources unchanged since the last build: nothing to do");
  process.exit(0);
}
const cluster = await startTestCluster("e2e-build");
try {
  await createDatabaseFromTemplate(cluster.adminUrl, "build", TEMPLATE_DB);
  await buildTestSite({ ...process.env, AUTH_SECRET: E2E_AUTH_SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl(cluster.port, "build") }, (m) => console.log(`[e2e build] ${m}`));
} finally {
  await cluster.stop();
}
