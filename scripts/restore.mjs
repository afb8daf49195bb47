// `npm run restore <file> [--force] [--data-dir <folder>]`: brings a backup from `npm run backup`
// back into an empty data folder (.data by default): the database into <folder>/postgres (it
// replays its WAL on the next `npm start`), the media into the configured storage (UPLOADS_DIR,
// else <folder>/uploads; or the S3 bucket when S3_BUCKET is set), the generated secret.
// Refuses a data folder that is not empty; --force moves what is there aside instead.
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir as defaultDataDir } from "./lib/app-env.mjs";
import { restoreBackup } from "./lib/backup.mjs";
import { localDiskStorage } from "../lib/storage/local-disk.ts";
import { s3ConfigFromEnv, s3Storage } from "../lib/storage/s3.ts";

const usage = "usage: npm run restore -- <backup.tar.gz> [--force] [--data-dir <folder>]\n  restores into an empty data folder (.data by default); --force moves what is there aside first";
let options;
try {
  options = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" }, "data-dir": { type: "string" }, help: { type: "boolean" } } });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (options.values.help || options.positionals.length !== 1) {
  console.log(options.values.help ? usage : `name one backup file\n${usage}`);
  process.exit(options.values.help ? 0 : 2);
}
const force = Boolean(options.values.force);
const dataDir = path.resolve(options.values["data-dir"] ?? defaultDataDir);
const positional = options.positionals;

const s3 = s3ConfigFromEnv();
const uploadsDir = s3 ? null : path.resolve(process.env.UPLOADS_DIR || path.join(dataDir, "uploads"));
try {
  const { manifest } = await restoreBackup({ file: path.resolve(positional[0]), dataDir, storage: s3 ? s3Storage(s3) : localDiskStorage(uploadsDir), uploadsDir, force });
  if (manifest.database && process.env.DATABASE_URL) console.log("[restore] note: DATABASE_URL is set, so `npm start` uses that server, not the restored embedded database");
  console.log(dataDir === defaultDataDir ? "[restore] done: `npm start` runs the restored site" : `[restore] done: the site reads .data/ in its folder; move ${dataDir}'s contents there (or restore without --data-dir), then \`npm start\``);
} catch (error) {
  console.error(`\n[restore] failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
}
