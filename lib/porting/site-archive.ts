// The whole-site archive (format "storyhouse-site-archive", version 1): what an admin downloads at
// /admin/export and `npm run site:import` restores into an empty Storyhouse. Pure: no I/O, no
// Prisma. docs/porting.md describes the format for people; this file is its one statement in code.
//
//   manifest.json             format, version, schema (the last migration), when, site, counts
//   README.md                 the format, for whoever opens the zip
//   tables/<Table>.jsonl      one file per table, one row per line as PostgreSQL's row_to_json
//                             writes it (column names as in the database, ids kept), in an order
//                             where every row's references come before it
//   media/<key>-<width>.webp  every stored width of every uploaded image (the Media table's rows)
//
// The table list is read from the database, not written here: a table added by a later migration
// is archived without a change to this file. Only the tables below are left out, each for a reason.
import { z } from "@/lib/zod";

export const SITE_ARCHIVE_FORMAT = "storyhouse-site-archive";
export const SITE_ARCHIVE_VERSION = 1;

/** Tables an archive never holds, and why (the README and docs/porting.md repeat these). */
export const SITE_ARCHIVE_EXCLUDED_TABLES: Record<string, string> = {
  _prisma_migrations: "the schema's own history: the new site has it from its migrations",
  RateLimit: "short-lived counters of recent attempts",
  AuthToken: "single-use links sent by email: they expire within hours and belong to the old site's mail",
  EmailDelivery: "the outbox of sent and queued email: restoring it could send mail again",
  ImportJob: "creators' imports in progress: their uploaded files are deleted when each finishes",
  ImportedItem: "the record of what an import created, tied to those import jobs",
};

/**
 * Stands in for a password hash the archive left out: no password matches it (sign-in checks
 * against a decoy, lib/auth/password.ts), so each member sets a new password with "Forgot your
 * password?" on the new site.
 */
export const NO_PASSWORD_HASH = "";

export const tableEntryName = (table: string) => `tables/${table}.jsonl`;
export const mediaFileEntryName = (storageKey: string) => `media/${storageKey}`;

export const siteManifestSchema = z.object({
  format: z.literal(SITE_ARCHIVE_FORMAT),
  version: z.number().int(),
  /** The newest migration of the database it came from: an import needs the same. */
  schema: z.string(),
  exportedAt: z.string(),
  site: z.string(),
  passwordHashes: z.boolean(),
  /** Tables in the order they are restored, with their row counts. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
  media: z.object({ files: z.number().int().nonnegative(), missing: z.array(z.string()) }),
});
export type SiteManifest = z.infer<typeof siteManifestSchema>;

/**
 * Orders tables so each comes after every table it references (self-references aside: those
 * rows are restored in two passes). Ties keep alphabetical order, so archives compare well.
 */
export function restoreOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const pending = new Map(tables.map((t) => [t, new Set(references.filter((r) => r.from === t && r.to !== t && tables.includes(r.to)).map((r) => r.to))]));
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, needs]) => [...needs].every((n) => !pending.has(n))).map(([t]) => t).sort();
    if (!ready.length) throw new Error(`tables reference each other in a cycle: ${[...pending.keys()].join(", ")}`);
    for (const t of ready) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

export const siteArchiveReadme = (site: string, passwordHashes: boolean) => `# A Storyhouse site archive

Exported from ${site}. Format "${SITE_ARCHIVE_FORMAT}", version ${SITE_ARCHIVE_VERSION}.

- manifest.json: the format, its version, the schema (the newest migration) it was taken at,
  each table in restore order with its row count, and the media files.
- tables/<Table>.jsonl: every row of every table, one JSON object per line, with the database's
  own column names and ids, so every link and relation stays as it was.
- media/<key>-<width>.webp: every stored width of every uploaded image.

Password hashes: ${passwordHashes ? "INCLUDED. Keep this file as safe as the database itself." : "left out. Members set a new password with \"Forgot your password?\" after a restore."}

Not in the archive: ${Object.entries(SITE_ARCHIVE_EXCLUDED_TABLES).map(([t, why]) => `${t} (${why})`).join("; ")}.

Restore it into an empty Storyhouse of the same version with \`npm run site:import -- <this file>\`
(README.md, "Moving a whole site").
`;
