// `npm run site:import -- <archive.zip>`: restores a whole-site archive (an admin's download from
// /admin/export) into an EMPTY Storyhouse: the database in DATABASE_URL, or, when it is unset, the
// embedded one `npm start` uses (stop the site first: one server per data folder). Media go to
// the configured storage (UPLOADS_DIR or S3_BUCKET). Refuses a database with any content; the
// exact rule is in lib/data/site-archive.ts (importSiteArchive) and README.md.
import path from "node:path";
import { readFile } from "node:fs/promises";
import { startEmbeddedPostgres } from "./lib/postgres.mjs";
import { migrate } from "./lib/migrate-engine.mjs";
import { dataDir, root } from "./lib/app-env.mjs";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run site:import -- <storyhouse-site-….zip>");
  process.exit(1);
}

let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let code = 0;
try {
  const bytes = new Uint8Array(await readFile(file));
  if (!process.env.DATABASE_URL) {
    database = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, "postgres"), port: Number(process.env.STORYHOUSE_DB_PORT ?? 54329) });
    process.env.DATABASE_URL = database.url;
  }
  await migrate({ root, url: process.env.DATABASE_URL });
  // Loaded once DATABASE_URL is settled: the data layer reads it when it is first imported.
  const { importSiteArchive, SiteImportError } = await import("../lib/data/site-archive");
  try {
    const result = await importSiteArchive(bytes, (message) => console.log(`[site:import] ${message}`));
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`[site:import] done: ${rows} rows in ${result.tables.length} tables, ${result.media} media files.`);
    if (!result.passwordHashes) console.log("[site:import] the archive had no password hashes: members set a new one with \"Forgot your password?\".");
  } catch (error) {
    if (!(error instanceof SiteImportError)) throw error;
    console.error(`[site:import] ${error.message}`);
    code = 1;
  }
  const { db } = await import("../lib/db");
  await db.$disconnect();
} catch (error) {
  console.error(`[site:import] ${error instanceof Error ? error.stack : error}`);
  code = 1;
} finally {
  await database?.stop();
}
process.exit(code);
