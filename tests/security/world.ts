// Shared set-up for the security tests: fast users (no argon2 per user), restrictions, and a way to
// show a denied call changed nothing: a write log filled by triggers on every table.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import { findViewer } from "@/lib/data/users";
import type { Role, RestrictionKind, Viewer } from "@/lib/auth/permissions";
import { createComment } from "@/lib/data/comments";
import { createDraft, publishStory } from "@/lib/data/stories";
import { storyInput } from "../helpers/factories";

export const unique = () => randomUUID().replaceAll("-", "").slice(0, 10);

/** A user straight in the database (a dummy hash; nobody signs in as them). Trusted by default. */
export async function quickUser(options: { role?: Role; trusted?: boolean | null; name?: string; email?: string; createdAt?: Date } = {}): Promise<Viewer> {
  const id = unique();
  const user = await db.user.create({
    data: {
      email: options.email ?? `sec-${id}@example.com`,
      name: options.name ?? `Person ${id}`,
      handle: `p-${id}`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2VjdXJpdHl0ZXN0$dummydummydummydummydummydummydummydummydu",
      role: options.role ?? "READER",
      trustOverride: options.trusted === undefined ? true : options.trusted,
      // Established accounts by default, so the new-account spam limits don't muddy the matrix.
      createdAt: options.createdAt ?? new Date(Date.now() - 30 * 86_400_000),
      emailVerifiedAt: new Date(),
    },
    select: { id: true },
  });
  return (await findViewer(user.id))!;
}

/** Puts restrictions on a user (as an admin would) and returns their viewer as the next request sees it. */
export async function restrict(userId: string, kinds: RestrictionKind[], by: string): Promise<Viewer> {
  for (const kind of kinds) await db.restriction.create({ data: { userId, kind, reason: `Test ${kind}`, createdById: by } });
  if (kinds.includes("SUSPENSION")) await db.user.update({ where: { id: userId }, data: { status: "SUSPENDED" } });
  return (await findViewer(userId))!;
}

export async function community() {
  const slug = `c-${unique()}`;
  return db.community.create({ data: { slug, name: `Community ${slug}`, minWords: 0, requireSubtitle: false }, select: { id: true, slug: true } });
}

export async function publishedStory(author: Viewer, communitySlug: string, overrides: Parameters<typeof storyInput>[1] = {}) {
  const { id } = await createDraft(author, storyInput(communitySlug, { title: `Story ${unique()}`, ...overrides }));
  const result = await publishStory(author, id);
  if (result.outcome !== "published") throw new Error(`expected published, got ${result.outcome}`);
  return { id, href: result.href! };
}

export async function draftStory(author: Viewer, communitySlug: string, overrides: Parameters<typeof storyInput>[1] = {}) {
  return createDraft(author, storyInput(communitySlug, { title: `Draft ${unique()}`, ...overrides }), { revision: "SAVE" });
}

export async function comment(author: Viewer, storyId: string, body = "A thoughtful comment") {
  return createComment(author, storyId, { body });
}

const WRITE_LOG = "_fuzz_writes";
/** The log is read over its own connection: a plain `pg` query costs ~0.1 ms here, Prisma's raw DELETE … RETURNING ~0.7 ms. */
let logClient: pg.Client | null = null;

/**
 * Test databases only: a write log. A row-level trigger on every public table (but the
 * migrations table and the log itself) appends the table's name to `_fuzz_writes` for every row
 * inserted, updated or deleted, and a statement-level one for a TRUNCATE. A transaction that rolls
 * back takes its log rows with it, so the log holds exactly the committed writes: after a call,
 * `takeWrites()` says which tables it changed, at the cost of one query (comparing a checksum of
 * every row of every table before and after read the whole database twice a call).
 * Row-level, not statement-level: an UPDATE that matches no row writes nothing and logs nothing.
 * Returns the tables it watches; `closeWriteLog()` when done.
 */
export async function installWriteLog(): Promise<string[]> {
  logClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await logClient.connect();
  await logClient.query(`CREATE TABLE IF NOT EXISTS ${WRITE_LOG} (id bigserial PRIMARY KEY, tbl text NOT NULL)`);
  await logClient.query(
    `CREATE OR REPLACE FUNCTION ${WRITE_LOG}_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ${WRITE_LOG} (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`,
  );
  const { rows } = await logClient.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', '${WRITE_LOG}') ORDER BY 1`,
  );
  const tables = rows.map((r) => r.name);
  for (const t of tables) {
    await logClient.query(`CREATE OR REPLACE TRIGGER ${WRITE_LOG}_log AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION ${WRITE_LOG}_log()`);
    // TRUNCATE fires no row triggers: it gets a statement-level one.
    await logClient.query(`CREATE OR REPLACE TRIGGER ${WRITE_LOG}_truncate AFTER TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION ${WRITE_LOG}_log()`);
  }
  await takeWrites();
  return tables;
}

/** The public tables that carry the write-log trigger (to show none was missed). */
export async function tablesWithWriteLog(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND g.tgname = '${WRITE_LOG}_log' AND NOT g.tgisinternal ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** The tables written to (committed) since the last call, and empties the log. Needs installWriteLog(). */
export async function takeWrites(): Promise<string[]> {
  if (!logClient) throw new Error("takeWrites: installWriteLog() first");
  const { rows } = await logClient.query<{ tbl: string }>({ name: "take-writes", text: `DELETE FROM ${WRITE_LOG} RETURNING tbl` });
  return [...new Set(rows.map((r) => r.tbl))].sort();
}

export async function closeWriteLog(): Promise<void> {
  await logClient?.end();
  logClient = null;
}
