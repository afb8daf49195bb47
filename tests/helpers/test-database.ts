// One throw-away PostgreSQL cluster (fsync off) with a migrated template database. Used by the
// integration tests' global setup, the browser tests' server and the benchmark.
import pg from "pg";
import { rm } from "node:fs/promises";
import { databaseUrl, scratchDir, startEmbeddedPostgres } from "../../scripts/lib/postgres.mjs";
import { migrate } from "../../scripts/lib/migrate-engine.mjs";
import { root } from "../../scripts/lib/app-env.mjs";
import { freePort } from "./free-port";

export const TEMPLATE_DB = "storyhouse_template";

/** `port` (default: any free one) and `flags` (extra server settings) serve the load tests. */
export async function startTestCluster(label: string, options: { port?: number; flags?: string[] } = {}) {
  const databaseDir = scratchDir(label);
  const port = options.port ?? (await freePort());
  const server = await startEmbeddedPostgres({ databaseDir, port, database: TEMPLATE_DB, ephemeral: true, flags: options.flags, log: () => {} });
  await migrate({ root, url: server.url });
  // The migration engine's pool may still hold connections, and a template must have none.
  const admin = new pg.Client({ connectionString: databaseUrl(port, "postgres") });
  await admin.connect();
  await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [TEMPLATE_DB]);
  await admin.end();
  return {
    port,
    databaseDir,
    adminUrl: databaseUrl(port, "postgres"),
    templateUrl: server.url,
    async stop() {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
