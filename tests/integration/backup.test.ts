import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { databaseUrl, scratchDir, startEmbeddedPostgres } from "../../scripts/lib/postgres.mjs";
import { freePort } from "../../scripts/lib/services.mjs";
import { createBackup, restoreBackup } from "../../scripts/lib/backup.mjs";
import { localDiskStorage } from "@/lib/storage/local-disk";

// `npm run backup` / `npm run restore` (scripts/lib/backup.mjs) against real embedded PostgreSQL
// servers: an online backup taken while writers keep committing must restore, in a fresh folder
// on a second server, every write acknowledged before the backup ended, and the media.

const root = scratchDir("backup-test");
const servers: { stop: () => Promise<void> }[] = [];
const quiet = () => {};

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => {});
  await rm(root, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores every acknowledged write and media file from a backup taken under write load", { timeout: 90_000 }, async () => {
    const source = path.join(root, "source");
    const databaseDir = path.join(source, "postgres");
    const port = await freePort();
    // The site's settings (durable commits), not the tests' throw-away ones.
    const server = await startEmbeddedPostgres({ databaseDir, port, log: quiet });
    servers.push(server);
    const url = databaseUrl(port, "storyhouse");
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query("create table writes (id bigserial primary key, worker int not null, seq int not null, payload text not null, unique (worker, seq))");
    await setup.query("insert into writes (worker, seq, payload) select -1, g, repeat('x', 200) from generate_series(1, 5000) g");
    await setup.end();

    const storage = localDiskStorage(path.join(source, "uploads"));
    const media = new Map<string, Buffer>();
    const putMedia = async (key: string) => {
      const bytes = randomBytes(20_000 + Math.floor(Math.random() * 20_000));
      await storage.put(key, bytes, "image/webp");
      media.set(key, bytes);
    };
    for (let i = 0; i < 5; i++) await putMedia(`before${i}-640.webp`);
    await writeFile(path.join(source, "auth-secret"), "the-generated-secret");

    // Writers: each row is recorded once its INSERT was acknowledged (committed).
    const acknowledged: string[] = [];
    const mediaAcknowledged: string[] = [];
    let running = true;
    const writers = Array.from({ length: 4 }, async (_, worker) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (let seq = 0; running; seq++) {
        await client.query("insert into writes (worker, seq, payload) values ($1, $2::int, repeat(md5($2::text), 20))", [worker, String(seq)]);
        acknowledged.push(`${worker}:${seq}`);
      }
      await client.end();
    });
    const uploader = (async () => {
      for (let i = 0; running; i++) {
        await putMedia(`during${i}-640.webp`);
        mediaAcknowledged.push(`during${i}-640.webp`);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const load = Promise.all([...writers, uploader]);
    let loadError: unknown;
    load.catch((error) => ((loadError = error), (running = false)));
    while (acknowledged.length < 300 && !loadError) await new Promise((r) => setTimeout(r, 10));
    if (loadError) throw loadError;

    const ackedAtStart = acknowledged.length;
    let ackedAtEnd: string[] = [];
    let mediaAtEnd: string[] = [];
    const file = path.join(root, "backups", "site.tar.gz");
    const { manifest } = await createBackup({
      file,
      storage,
      mediaSource: "test uploads",
      database: { url: databaseUrl(port, "postgres"), databaseDir },
      authSecretFile: path.join(source, "auth-secret"),
      // Right after pg_backup_stop returned: all of these must come back.
      onDatabaseEnd: () => {
        ackedAtEnd = [...acknowledged];
        mediaAtEnd = [...mediaAcknowledged];
      },
      log: quiet,
    });
    await new Promise((r) => setTimeout(r, 200)); // writes after the end: may or may not be restored
    running = false;
    await load;
    await server.stop();

    // The load really overlapped the backup.
    expect(ackedAtEnd.length - ackedAtStart).toBeGreaterThan(100);
    expect(manifest.database?.walSegments).toBeGreaterThanOrEqual(1);

    const target = path.join(root, "restored");
    const restoredUploads = path.join(target, "uploads");
    const restoredStorage = localDiskStorage(restoredUploads);
    await restoreBackup({ file, dataDir: target, storage: restoredStorage, uploadsDir: restoredUploads, log: quiet });
    expect(await readFile(path.join(target, "auth-secret"), "utf8")).toBe("the-generated-secret");

    const restoredPort = await freePort();
    const restored = await startEmbeddedPostgres({ databaseDir: path.join(target, "postgres"), port: restoredPort, log: quiet });
    servers.push(restored);
    const check = new pg.Client({ connectionString: databaseUrl(restoredPort, "storyhouse") });
    await check.connect();
    const { rows } = await check.query<{ worker: number; seq: number }>("select worker, seq from writes where worker >= 0");
    const { rows: [baseline] } = await check.query<{ n: string }>("select count(*) as n from writes where worker = -1");
    // The restored cluster is consistent and writable.
    await check.query("insert into writes (worker, seq, payload) values (99, 0, 'after restore')");
    await check.end();
    await restored.stop();

    const restoredKeys = new Set(rows.map((r) => `${r.worker}:${r.seq}`));
    const missing = ackedAtEnd.filter((key) => !restoredKeys.has(key));
    expect(missing).toEqual([]);
    expect(Number(baseline.n)).toBe(5000);
    for (const key of [...[0, 1, 2, 3, 4].map((i) => `before${i}-640.webp`), ...mediaAtEnd]) {
      const restoredBytes = await restoredStorage.getBytes(key);
      expect(restoredBytes && Buffer.from(restoredBytes).equals(media.get(key)!), key).toBe(true);
    }
  });

  it("refuses to restore over a data folder that is not empty, and --force moves it aside", { timeout: 60_000 }, async () => {
    const file = path.join(root, "backups", "site.tar.gz");
    expect(existsSync(file)).toBe(true);
    const target = path.join(root, "restored");
    const uploads = path.join(target, "uploads");
    await expect(restoreBackup({ file, dataDir: target, storage: localDiskStorage(uploads), uploadsDir: uploads, log: quiet })).rejects.toThrow(/needs an empty data folder[\s\S]*postgres[\s\S]*--force/);

    const { movedTo } = await restoreBackup({ file, dataDir: target, storage: localDiskStorage(uploads), uploadsDir: uploads, force: true, log: quiet });
    expect(movedTo).toBeTruthy();
    expect(existsSync(path.join(movedTo!, "postgres", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(target, "postgres", "backup_label"))).toBe(true);

    const notABackup = path.join(root, "not-a-backup.tar.gz");
    await mkdir(path.dirname(notABackup), { recursive: true });
    await writeFile(notABackup, "hello");
    await expect(restoreBackup({ file: notABackup, dataDir: path.join(root, "empty"), storage: localDiskStorage(path.join(root, "empty", "uploads")), log: quiet })).rejects.toThrow();
  });
});
