// `npm run backup [file]`: an online backup of the embedded database and the media, while the site
// runs (scripts/lib/backup.mjs explains the method; README "Backups"). Writes
// backups/storyhouse-<time>.tar.gz unless a file is named. With DATABASE_URL set, the database is
// the operator's to back up (pg_dump / pg_basebackup): only the media and the secret are saved.
// Runs under tsx (package.json) to share lib/storage with the app.
import path from "node:path";
import { existsSync } from "node:fs";
import { dataDir, root } from "./lib/app-env.mjs";
import { createBackup } from "./lib/backup.mjs";
import { databaseUrl, runningServer, startEmbeddedPostgres } from "./lib/postgres.mjs";
import { freePort } from "./lib/services.mjs";
import { getStorage } from "../lib/storage/storage.ts";
import { s3ConfigFromEnv } from "../lib/storage/s3.ts";
import { uploadsDir } from "../lib/env.ts";

const args = process.argv.slice(2);
if (args.includes("--help") || args.some((a) => a.startsWith("-"))) {
  console.log("usage: npm run backup [-- <file.tar.gz>]\n  backs up the embedded database (online), the media and .data/auth-secret into one archive");
  process.exit(args.includes("--help") ? 0 : 2);
}
const file = path.resolve(args[0] ?? path.join(root, "backups", `storyhouse-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`));
const s3 = s3ConfigFromEnv();
const mediaSource = s3 ? `s3://${s3.bucket}/${s3.prefix ?? ""}` : uploadsDir();

let started;
try {
  let database = null;
  if (process.env.DATABASE_URL) {
    console.log(
      "[backup] DATABASE_URL is set: the database is on your own PostgreSQL server and is NOT in this backup.\n" +
        "[backup] Back it up with that server's tools (pg_dump, pg_basebackup or your provider's snapshots); this archive holds the media and the generated secret.",
    );
  } else {
    const databaseDir = path.join(dataDir, "postgres");
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) throw new Error(`there is no embedded database in ${databaseDir} yet (run \`npm start\` once)`);
    let port = runningServer(databaseDir)?.port;
    if (port) {
      console.log(`[backup] the embedded database is running (port ${port}): backing up online`);
    } else {
      // Not running: start it just for the backup (the same method then works on a quiet server).
      started = await startEmbeddedPostgres({ databaseDir, port: await freePort(), log: (m) => console.log(m.replace("[db]", "[backup]")) });
      port = started.port;
    }
    database = { url: databaseUrl(port, "postgres"), databaseDir };
  }
  await createBackup({ file, storage: getStorage(), mediaSource, database, authSecretFile: process.env.AUTH_SECRET ? undefined : path.join(dataDir, "auth-secret") });
  const shown = path.relative(root, file);
  console.log(`[backup] restore with: npm run restore -- ${shown.startsWith("..") ? file : shown}`);
} catch (error) {
  console.error(`\n[backup] failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
} finally {
  await started?.stop();
}
process.exit();
