import "server-only";
import pg from "pg";
import { unzipSync } from "fflate";
import { db } from "@/lib/db";
import { env, siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can, type Viewer } from "@/lib/auth/permissions";
import { consumeRateLimit, type RateRule } from "@/lib/data/rate-limits";
import { recomputeDiscoveryRankings } from "@/lib/data/discovery";
import { getStorage } from "@/lib/storage/storage";
import { zipStream, type ZipEntry } from "@/lib/porting/zip-writer";
import {
  mediaFileEntryName,
  NO_PASSWORD_HASH,
  restoreOrder,
  SITE_ARCHIVE_EXCLUDED_TABLES,
  SITE_ARCHIVE_FORMAT,
  SITE_ARCHIVE_VERSION,
  siteArchiveReadme,
  siteManifestSchema,
  tableEntryName,
  type SiteManifest,
} from "@/lib/porting/site-archive";

// The whole-site archive (lib/porting/site-archive.ts, docs/porting.md): written table by table
// from one REPEATABLE READ snapshot on a connection of its own, so the archive is consistent while
// the site keeps running, and read through a cursor a page of rows at a time, so memory stays at
// one page whatever the site's size. Restored by `npm run site:import` into an empty database.

/** The whole site is read: a few times an hour is plenty. */
export const SITE_EXPORT_RATE_RULE: RateRule = { limit: 6, windowSeconds: 60 * 60, message: "The site has been exported several times in the last hour. Please try again later." };

const PAGE = 1000;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Catalog = {
  /** Archived tables in restore order. */
  tables: string[];
  primaryKeys: Map<string, string[]>;
  /** Columns that reference their own table (Comment.parentId): restored in a second pass. */
  selfReferences: Map<string, string[]>;
};

/** The public schema's tables, less the excluded ones, and how they reference each other. */
async function readCatalog(client: pg.Client): Promise<Catalog> {
  const { rows: tableRows } = await client.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`);
  const tables = tableRows.map((r) => r.name).filter((t) => !(t in SITE_ARCHIVE_EXCLUDED_TABLES));
  const { rows: keys } = await client.query<{ table: string; type: string; target: string; columns: string[] }>(`
    SELECT c.conrelid::regclass::text AS table, c.contype AS type, c.confrelid::regclass::text AS target,
           array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(num, pos) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.pos)::text[] AS columns
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.contype IN ('p', 'f')`);
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const primaryKeys = new Map<string, string[]>();
  const selfReferences = new Map<string, string[]>();
  const references: { from: string; to: string }[] = [];
  for (const key of keys) {
    const table = unquote(key.table);
    if (key.type === "p") primaryKeys.set(table, key.columns);
    else if (unquote(key.target) === table) selfReferences.set(table, [...(selfReferences.get(table) ?? []), ...key.columns]);
    else references.push({ from: table, to: unquote(key.target) });
  }
  return { tables: restoreOrder(tables, references), primaryKeys, selfReferences };
}

/** The newest migration applied: an archive restores only into a database at the same one. */
async function schemaVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`);
  return rows[0]?.name ?? "";
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  return client;
}

/**
 * Admins only ("site:export"): every member (password hashes only when `passwordHashes`), every
 * community, story, comment, heart, follow, the moderation history and every uploaded image, as
 * a zip stream.
 */
export async function exportSite(viewer: Viewer | null, options: { passwordHashes: boolean }): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!can(viewer, "site:export")) throw new AppError("FORBIDDEN", "Only admins can export the site.");
  await consumeRateLimit(`site-export:${viewer.id}`, SITE_EXPORT_RATE_RULE);
  const exportedAt = new Date();
  return { fileName: `storyhouse-site-${exportedAt.toISOString().slice(0, 10)}.zip`, stream: zipStream(siteEntries(options.passwordHashes, exportedAt)) };
}

async function* siteEntries(passwordHashes: boolean, exportedAt: Date): AsyncGenerator<ZipEntry> {
  const client = await connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const catalog = await readCatalog(client);
    const schema = await schemaVersion(client);
    const counts: SiteManifest["tables"] = [];
    for (const table of catalog.tables) {
      const count = { name: table, rows: 0 };
      counts.push(count);
      yield { name: tableEntryName(table), data: tableLines(client, catalog, table, passwordHashes, count), mtime: exportedAt };
    }

    // Every stored width of every image; one missing from storage is listed, not fatal.
    const storage = getStorage();
    const { rows: media } = await client.query<{ key: string; widths: number[] }>(`SELECT key, widths FROM "Media" ORDER BY key`);
    const missing: string[] = [];
    let files = 0;
    for (const item of media) {
      for (const width of item.widths) {
        const key = `${item.key}-${width}.webp`;
        const bytes = await storage.getBytes(key);
        if (!bytes) {
          missing.push(key);
          continue;
        }
        files++;
        yield { name: mediaFileEntryName(key), data: bytes, compress: false };
      }
    }
    await client.query("COMMIT");

    const site = siteUrl();
    const manifest: SiteManifest = { format: SITE_ARCHIVE_FORMAT, version: SITE_ARCHIVE_VERSION, schema, exportedAt: exportedAt.toISOString(), site, passwordHashes, tables: counts, media: { files, missing } };
    yield { name: "manifest.json", data: `${JSON.stringify(manifest, null, 2)}\n` };
    yield { name: "README.md", data: siteArchiveReadme(site, passwordHashes) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** One table's rows as JSON lines, a page at a time through a cursor, in primary-key order. */
async function* tableLines(client: pg.Client, catalog: Catalog, table: string, passwordHashes: boolean, count: { rows: number }): AsyncGenerator<string> {
  const order = (catalog.primaryKeys.get(table) ?? []).map(ident).join(", ") || "ctid";
  const drop = table === "User" && !passwordHashes ? ` - 'passwordHash'` : "";
  await client.query(`DECLARE site_rows NO SCROLL CURSOR FOR SELECT (to_jsonb(t)${drop})::text AS row FROM ${ident(table)} t ORDER BY ${order}`);
  try {
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${PAGE} FROM site_rows`);
      if (rows.length) yield rows.map((r) => `${r.row}\n`).join("");
      count.rows += rows.length;
      if (rows.length < PAGE) break;
    }
  } finally {
    await client.query("CLOSE site_rows");
  }
}

export class SiteImportError extends Error {}

export type SiteImportResult = { tables: SiteManifest["tables"]; media: number; passwordHashes: boolean };

/**
 * The operator only (`npm run site:import`, no viewer: whoever can run it can reach the database
 * anyway). Restores an archive into an EMPTY database at the same schema: every archived table
 * must have no rows, except SiteSettings, whose one default row (written by the migrations) the
 * archive's replaces. Everything goes in one transaction, ids kept; media go through lib/storage
 * first (writing a file twice is harmless), so a failure leaves the database as empty as it was.
 */
export async function importSiteArchive(bytes: Uint8Array, log: (message: string) => void = () => {}): Promise<SiteImportResult> {
  const entry = (name: string): Uint8Array | undefined => unzipSync(bytes, { filter: (file) => file.name === name })[name];
  let manifest: SiteManifest;
  try {
    const raw = entry("manifest.json");
    if (!raw) throw new SiteImportError("That isn't a Storyhouse site archive: it has no manifest.json.");
    const parsed = siteManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    if (!parsed.success) throw new SiteImportError(`That isn't a Storyhouse site archive: manifest.json doesn't read as one (${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}).`);
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof SiteImportError) throw error;
    throw new SiteImportError(`That file can't be read as a zip with a manifest (${(error as Error).message.slice(0, 160)}).`);
  }
  if (manifest.version > SITE_ARCHIVE_VERSION) throw new SiteImportError(`The archive is format version ${manifest.version}; this Storyhouse reads up to ${SITE_ARCHIVE_VERSION}. Update Storyhouse first.`);

  const client = await connect();
  try {
    const schema = await schemaVersion(client);
    if (schema !== manifest.schema) throw new SiteImportError(`The archive was taken at schema ${manifest.schema || "(none)"}, this database is at ${schema || "(none)"}. Restore into a Storyhouse of the same version (same last migration in prisma/migrations).`);
    const catalog = await readCatalog(client);
    const archived = manifest.tables.map((t) => t.name);
    const unknown = archived.filter((t) => !catalog.tables.includes(t));
    if (unknown.length) throw new SiteImportError(`The archive has tables this database doesn't: ${unknown.join(", ")}.`);

    const occupied: string[] = [];
    for (const table of catalog.tables) {
      if (table === "SiteSettings") continue;
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`);
      if (rows[0].any) occupied.push(table);
    }
    if (occupied.length) throw new SiteImportError(`This database isn't empty (rows in ${occupied.join(", ")}). A site archive restores only into an empty Storyhouse: see README.md, "Moving a whole site".`);

    // Media first: outside the transaction, and harmless to write again if the import is retried.
    const storage = getStorage();
    // The filter sees every entry's name without inflating any: it lists, then keeps nothing.
    const names: string[] = [];
    unzipSync(bytes, { filter: (file) => (file.name.startsWith("media/") && names.push(file.name), false) });
    for (let i = 0; i < names.length; i += 50) {
      const batch = new Set(names.slice(i, i + 50));
      const files = unzipSync(bytes, { filter: (file) => batch.has(file.name) });
      for (const [name, data] of Object.entries(files)) await storage.put(name.slice("media/".length), data, "image/webp");
      log(`media: ${Math.min(i + 50, names.length)}/${names.length}`);
    }

    await client.query("BEGIN");
    await client.query(`DELETE FROM "SiteSettings"`);
    for (const { name: table, rows: expected } of manifest.tables) {
      const raw = entry(tableEntryName(table));
      if (!raw) throw new SiteImportError(`The archive has no ${tableEntryName(table)}, though its manifest lists it.`);
      const lines = new TextDecoder().decode(raw).split("\n").filter(Boolean);
      if (lines.length !== expected) throw new SiteImportError(`${tableEntryName(table)} has ${lines.length} rows; the manifest says ${expected}.`);
      const selfColumns = catalog.selfReferences.get(table) ?? [];
      const key = catalog.primaryKeys.get(table) ?? [];
      for (let i = 0; i < lines.length; i += PAGE) {
        const rows = lines.slice(i, i + PAGE).map((line, j) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            throw new SiteImportError(`${tableEntryName(table)}, line ${i + j + 1}: not a JSON object.`);
          }
        });
        const inserted = rows.map((row) => {
          const copy = { ...row };
          if (table === "User" && !("passwordHash" in copy)) copy.passwordHash = NO_PASSWORD_HASH;
          for (const column of selfColumns) copy[column] = null;
          return copy;
        });
        await client.query(`INSERT INTO ${ident(table)} SELECT * FROM jsonb_populate_recordset(NULL::${ident(table)}, $1::jsonb)`, [JSON.stringify(inserted)]);
      }
      // References within the table (a reply's parent), once every row is in.
      for (const column of selfColumns) {
        for (let i = 0; i < lines.length; i += PAGE) {
          const rows = lines.slice(i, i + PAGE).map((line) => JSON.parse(line) as Record<string, unknown>).filter((row) => row[column] !== null && row[column] !== undefined);
          if (!rows.length) continue;
          const match = key.map((k) => `t.${ident(k)} = x.${ident(k)}`).join(" AND ");
          await client.query(`UPDATE ${ident(table)} t SET ${ident(column)} = x.${ident(column)} FROM jsonb_populate_recordset(NULL::${ident(table)}, $1::jsonb) x WHERE ${match}`, [JSON.stringify(rows)]);
        }
      }
      log(`${table}: ${lines.length} rows`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof pg.DatabaseError) throw new SiteImportError(`The database refused a row (${error.message}${error.table ? `, table ${error.table}` : ""}).`);
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  // Trending and top creators are computed from the rows, not archived.
  await recomputeDiscoveryRankings(db);
  return { tables: manifest.tables, media: manifest.media.files, passwordHashes: manifest.passwordHashes };
}
