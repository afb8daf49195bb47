// Online backups and their restore (`npm run backup`, `npm run restore`; README "Backups",
// docs/deploy.md "Backups" for the method).
//
// The embedded PostgreSQL ships no pg_dump or pg_basebackup, so the database is copied with the
// server's own low-level base backup API, over an ordinary SQL connection:
//   1. a temporary physical replication slot, reserved at once, keeps every WAL segment from
//      before the backup's start until we are done (it vanishes with our session if we die);
//   2. pg_backup_start(label, fast => true) takes a checkpoint; its redo point is where replay
//      will start;
//   3. the data folder is copied file by file while the site keeps writing (torn and changing
//      pages are fine: full-page images in the WAL repair them), leaving out what the docs list
//      (postmaster.pid, pg_wal/ and pg_replslot/ contents, temporary folders, …);
//   4. pg_backup_stop(wait_for_archive => false) in the SAME session returns the backup_label
//      (and tablespace_map) contents, which go into the archive (never into the live folder);
//   5. pg_switch_wal() closes the current segment, so every commit acknowledged before the
//      backup ended sits in a complete, flushed segment; the segments from the start's to that
//      one are copied into pg_wal/ in the archive; the slot is dropped.
// A restore unpacks this into an empty folder; at start, PostgreSQL finds backup_label and
// replays the copied WAL from the checkpoint to its end, which brings the copy to a consistent
// state at least as new as the moment pg_backup_stop returned.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { extract } from "tar";
import { runningServer } from "./postgres.mjs";
import { createTarWriter } from "./tar-stream.mjs";

export const BACKUP_FORMAT = 1;
export const MANIFEST = "storyhouse-backup.json";

// What the PostgreSQL docs ("Making a Base Backup Using the Low Level API") say to leave out.
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "postgresql.auto.conf.tmp", "current_logfiles.tmp", "backup_label", "tablespace_map", "backup_manifest", "backup_label.old", "pg_internal.init"]);
// Folders kept (empty): recreated or refilled at start, or (pg_wal) filled with the backup's own WAL.
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

const isRoot = process.getuid?.() === 0;

/** Reads pg_control until two reads agree: it is rewritten in place, and a read could be torn. */
async function readPgControl(file) {
  let previous = await readFile(file);
  for (let i = 0; i < 10; i++) {
    const current = await readFile(file);
    if (current.equals(previous)) return current;
    previous = current;
  }
  throw new Error("global/pg_control kept changing while it was read");
}

/** Adds the data folder's files under `postgres/`, as they are right now. */
async function copyDataDirectory(tar, databaseDir, relative = "") {
  let entries;
  try {
    entries = await readdir(path.join(databaseDir, relative), { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT" && relative) return 0; // a folder dropped meanwhile
    throw error;
  }
  let files = 0;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    const source = path.join(databaseDir, rel);
    const name = `postgres/${rel}`;
    if (SKIP_FILES.has(entry.name) || entry.name.startsWith("pgsql_tmp")) continue;
    let info;
    try {
      info = await lstat(source);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    if (info.isSymbolicLink()) throw new Error(`${rel} in the data folder is a symbolic link (a tablespace or a moved pg_wal): this backup does not handle those`);
    if (info.isDirectory()) {
      await tar.directory(name, info.mode & 0o7777);
      if (!relative && EMPTY_DIRS.has(entry.name)) {
        if (entry.name === "pg_wal") for (const sub of ["archive_status", "summaries"]) await tar.directory(`${name}/${sub}`);
        continue;
      }
      files += await copyDataDirectory(tar, databaseDir, rel);
    } else if (info.isFile()) {
      if (rel === "global/pg_control") {
        await tar.buffer(name, await readPgControl(source), info.mode & 0o7777);
        files++;
      } else if (await tar.file(name, source, info)) files++;
    }
  }
  return files;
}

/**
 * Backs up the cluster reached at `url` (a superuser on the server whose data folder is
 * `databaseDir`, on this machine) into `tar`. `onEnd` runs right after pg_backup_stop returns:
 * everything committed before that is in the backup.
 */
export async function backupDatabase({ tar, url, databaseDir, onEnd = () => {}, log = console.log }) {
  const client = new pg.Client({ connectionString: url, application_name: "storyhouse-backup" });
  await client.connect();
  const slot = `storyhouse_backup_${process.pid}_${Date.now().toString(36)}`;
  try {
    const { rows: [server] } = await client.query("select current_setting('server_version') as version, current_setting('data_directory') as dir, pg_is_in_recovery() as standby");
    if (server.standby) throw new Error("the database server is a standby; back up the primary");
    const { rows: spaces } = await client.query("select spcname from pg_tablespace where spcname not in ('pg_default', 'pg_global')");
    if (spaces.length) throw new Error(`tablespaces (${spaces.map((s) => s.spcname).join(", ")}) are not supported by this backup`);
    if (path.resolve(server.dir) !== path.resolve(databaseDir)) throw new Error(`the server on this connection keeps its data in ${server.dir}, not ${databaseDir}`);

    // Before the start: the slot's position is then at or before the backup's redo point.
    await client.query("select pg_create_physical_replication_slot($1, immediately_reserve => true, temporary => true)", [slot]);
    const label = `storyhouse ${new Date().toISOString()}`;
    const { rows: [start] } = await client.query("select pg_backup_start($1, fast => true) as lsn", [label]);
    log(`[backup] database: backup started at WAL ${start.lsn}; copying ${databaseDir}`);
    const files = await copyDataDirectory(tar, databaseDir);
    const { rows: [stop] } = await client.query("select lsn, labelfile, spcmapfile from pg_backup_stop(wait_for_archive => false)");
    await onEnd();
    // Close the segment: commits acknowledged until now are all in complete, flushed segments.
    // (On a quiet server there is nothing to switch: the answer is then just past the next
    // segment's page header, a segment with no record that may not even exist yet.)
    const { rows: [end] } = await client.query("select pg_walfile_name(case when (pg_walfile_name_offset(l)).file_offset <= 40 then l - 41 else l end) as last from pg_switch_wal() as l");
    await tar.buffer("postgres/backup_label", stop.labelfile);
    if (stop.spcmapfile) await tar.buffer("postgres/tablespace_map", stop.spcmapfile);

    const first = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!first) throw new Error(`unexpected backup_label:\n${stop.labelfile}`);
    const walDir = path.join(databaseDir, "pg_wal");
    const segments = (await readdir(walDir)).filter((name) => (WAL_SEGMENT.test(name) && name >= first && name <= end.last) || name.endsWith(".history")).sort();
    if (!segments.includes(first) || !segments.includes(end.last)) throw new Error(`the WAL segments ${first}…${end.last} are not all in ${walDir}`);
    for (const name of segments) {
      const info = await stat(path.join(walDir, name));
      if (!(await tar.file(`postgres/pg_wal/${name}`, path.join(walDir, name), info))) throw new Error(`WAL segment ${name} vanished while it was copied`);
    }
    log(`[backup] database: ${files} files, WAL ${start.lsn} … ${stop.lsn} (${segments.length} segment${segments.length === 1 ? "" : "s"})`);
    return { version: server.version, startLsn: start.lsn, stopLsn: stop.lsn, walSegments: segments.length, files };
  } finally {
    // Normally gone with pg_backup_stop's session anyway (temporary), but the connection may live on.
    await client.query("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1", [slot]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Copies every stored media file not yet in `seen` under `media/`. */
async function copyMedia(tar, storage, seen) {
  let added = 0;
  for await (const key of storage.list()) {
    if (seen.has(key)) continue;
    const bytes = await storage.getBytes(key);
    if (!bytes) continue; // deleted between the listing and the read
    await tar.buffer(`media/${key}`, bytes, 0o644);
    seen.add(key);
    added++;
  }
  return added;
}

/**
 * Writes a backup archive to `file`: the media in `storage`, the database (when `database` is
 * given: `{ url, databaseDir }`), the site's generated secret (`authSecretFile`, if it exists).
 * Media are copied before the database and again after it (new keys only; keys never change
 * content), so every file a backed-up row can name is in the archive.
 */
export async function createBackup({ file, storage, mediaSource, database, authSecretFile, onDatabaseEnd, log = console.log }) {
  const t0 = performance.now();
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const tar = createTarWriter(partial);
  try {
    const seen = new Set();
    let media = await copyMedia(tar, storage, seen);
    const db = database ? await backupDatabase({ tar, ...database, onEnd: onDatabaseEnd, log }) : null;
    media += await copyMedia(tar, storage, seen);
    log(`[backup] media: ${media} file${media === 1 ? "" : "s"} from ${mediaSource}`);
    const hasSecret = Boolean(authSecretFile && existsSync(authSecretFile));
    if (hasSecret) await tar.buffer("auth-secret", await readFile(authSecretFile));
    const manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      host: os.hostname(),
      database: db ? { method: "low-level base backup (pg_backup_start/stop) with its WAL", ...db } : null,
      media: { source: mediaSource, files: media },
      authSecret: hasSecret,
    };
    await tar.buffer(MANIFEST, JSON.stringify(manifest, null, 2));
    await tar.finish();
    await rename(partial, file);
    const size = (await stat(file)).size;
    log(`[backup] wrote ${file} (${(size / 1e6).toFixed(1)} MB, ${(tar.bytes / 1e6).toFixed(1)} MB unpacked) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { file, size, manifest };
  } catch (error) {
    await tar.abort();
    await rm(partial, { force: true });
    throw error;
  }
}

const isEmptyDir = async (dir) => !existsSync(dir) || (await readdir(dir)).length === 0;

const CONTENT_TYPES = { webp: "image/webp", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", avif: "image/avif", svg: "image/svg+xml" };

/**
 * @param {{ file: string, dataDir: string, storage: { put(key: string, bytes: Uint8Array, contentType: string): Promise<void> }, uploadsDir?: string | null, force?: boolean, log?: (message: string) => void }} options
 * Restores `file` into `dataDir` (its `postgres/` folder and `auth-secret`) and media into
 * `storage` (`uploadsDir`: the local folder it writes to, if any, checked for emptiness).
 * Refuses anything non-empty unless `force`, which moves what was there aside (never deletes).
 */
export async function restoreBackup({ file, dataDir, storage, uploadsDir = null, force = false, log = console.log }) {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  const databaseDir = path.join(dataDir, "postgres");
  const port = runningServer(databaseDir)?.port;
  if (port) throw new Error(`a database server is running on ${databaseDir} (port ${port}): stop the site (and its database) before restoring`);

  const secretFile = path.join(dataDir, "auth-secret");
  const occupied = [];
  if (!(await isEmptyDir(databaseDir))) occupied.push(databaseDir);
  if (uploadsDir && !(await isEmptyDir(uploadsDir))) occupied.push(uploadsDir);
  if (existsSync(secretFile)) occupied.push(secretFile);
  let movedTo = null;
  if (occupied.length && !force) {
    throw new Error(`restore needs an empty data folder, and these are not empty:\n  ${occupied.join("\n  ")}\nMove them away, restore into another folder (--data-dir), or pass --force to move them aside into ${path.join(dataDir, "before-restore-<time>")}.`);
  }

  await mkdir(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.restore-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    // Unpacks with the `tar` package (it refuses absolute paths, `..` and links out of the folder).
    await extract({ file, cwd: staging, preserveOwner: false, strict: true });
    const manifestFile = path.join(staging, MANIFEST);
    if (!existsSync(manifestFile)) throw new Error(`${file} is not a Storyhouse backup (no ${MANIFEST} inside)`);
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    if (manifest.format !== BACKUP_FORMAT) throw new Error(`${file} is a backup in format ${manifest.format}; this version reads format ${BACKUP_FORMAT}`);

    if (occupied.length) {
      movedTo = path.join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      await mkdir(movedTo, { recursive: true });
      for (const item of occupied) await rename(item, path.join(movedTo, path.basename(item)));
      log(`[restore] moved what was there into ${movedTo}`);
    }

    if (manifest.database) {
      await rm(databaseDir, { recursive: true, force: true });
      await rename(path.join(staging, "postgres"), databaseDir);
      await chmod(databaseDir, 0o700);
      // As root the embedded server runs as `postgres` (scripts/lib/postgres.mjs): it must own its files.
      if (isRoot && spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0) {
        const chown = spawnSync("chown", ["-R", "postgres:postgres", databaseDir], { encoding: "utf8" });
        if (chown.status !== 0) throw new Error(`could not give ${databaseDir} to the postgres user: ${chown.stderr}`);
      }
      log(`[restore] database (PostgreSQL ${manifest.database.version}, backed up ${manifest.createdAt}) → ${databaseDir}; it replays its WAL on the next start`);
    } else {
      log("[restore] this backup holds no database (it was taken with DATABASE_URL set): restore that server's own backup with its tools");
    }

    let media = 0;
    const mediaDir = path.join(staging, "media");
    if (existsSync(mediaDir)) {
      for (const key of await readdir(mediaDir)) {
        const extension = key.split(".").pop() ?? "";
        await storage.put(key, await readFile(path.join(mediaDir, key)), CONTENT_TYPES[extension] ?? "application/octet-stream");
        media++;
      }
    }
    log(`[restore] media: ${media} file${media === 1 ? "" : "s"}${uploadsDir ? ` → ${uploadsDir}` : " → the S3 bucket"}`);

    if (manifest.authSecret) {
      await writeFile(secretFile, await readFile(path.join(staging, "auth-secret")), { mode: 0o600 });
      log(`[restore] the site's generated AUTH_SECRET → ${secretFile}: sessions and e-mailed links stay valid`);
    }
    return { manifest, media, movedTo };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

