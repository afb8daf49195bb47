import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * A pg pool that keeps a connection after a refused statement. pg's own `pool.query` throws the
 * connection away after ANY failed query, so every refused statement (a unique violation behind
 * "that handle is taken" or "already appealed", a statement timeout) cost a new connection for
 * the next query: a server process forked and signed in, ~30 ms here. When the server answered
 * with an error (a DatabaseError: the statement failed, the session is fine) the connection goes
 * back to the pool; anything else (a socket error, the client's own query_timeout, a FATAL from
 * the server) drops it, as pg does. Only the promise form PrismaPg calls; other forms are pg's.
 */
export function poolKeepingConnectionsOnStatementErrors(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const keeping = async (config: pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    // A checked-out client has no error listener of the pool's: a connection lost mid-query must not be an uncaught 'error' event.
    let lost: Error | undefined;
    const onError = (error: Error) => void (lost = error);
    client.on("error", onError);
    try {
      const result = await client.query(config, values);
      client.removeListener("error", onError);
      client.release(lost);
      return result;
    } catch (error) {
      client.removeListener("error", onError);
      const statementOnly = !lost && error instanceof pg.DatabaseError && error.severity !== "FATAL" && error.severity !== "PANIC";
      client.release(statementOnly ? undefined : ((lost ?? error) as Error));
      throw error;
    }
  };
  pool.query = ((...args: unknown[]) =>
    args.length <= 2 && args[0] !== null && typeof args[0] === "object" && typeof args[1] !== "function"
      ? keeping(args[0] as pg.QueryConfig, args[1] as unknown[] | undefined)
      : query(...args)) as typeof pool.query;
  return pool;
}

/**
 * Names for the statements Prisma sends, so pg prepares each one once per connection and then only
 * binds and executes it: PostgreSQL parses and plans a statement on every unnamed execution, which
 * for the short lookups most requests make costs more than running them. A name per distinct SQL
 * text, the same on every connection of the process; past `limit` texts (lists of ids give each
 * length its own text) statements go unnamed again, so neither side keeps an unbounded cache.
 */
export function preparedStatementNames(limit = 500): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) names.set(sql, (name = `s${names.size}`));
    return name;
  };
}

/** How alike a title must be to a search to be suggested (pg_trgm similarity, 0 to 1). */
export const TRIGRAM_SIMILARITY = 0.2;

function createClient() {
  const { DATABASE_URL, DB_POOL_MAX, DB_QUERY_EVENTS, DB_CONNECT_TIMEOUT_MS, DB_QUERY_TIMEOUT_MS, DB_PREPARED_STATEMENTS } = env();
  return new PrismaClient({
    // Bounded waits: a slow or unreachable database makes requests fail fast (503, "try again")
    // rather than queue without end. query_timeout is the client's own clock (it also covers a
    // stalled network); statement_timeout makes the server stop the work too.
    adapter: new PrismaPg(
      poolKeepingConnectionsOnStatementErrors({
        connectionString: DATABASE_URL,
        max: DB_POOL_MAX,
        connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
        query_timeout: DB_QUERY_TIMEOUT_MS,
        statement_timeout: DB_QUERY_TIMEOUT_MS,
        // No parallel query: the site's reads are short LIMIT queries, and a parallel plan's worker
        // start-up and read-ahead cost more than they save (a tag page at 100,000 stories: 90 ms with
        // workers, 13 ms without; docs/performance.md). Many requests at once use the cores anyway.
        // And pg_trgm's `%` threshold for search's "did you mean" (lib/data/search.ts): set per
        // connection, so the suggestion is one statement, not a transaction around set_config.
        options: `-c max_parallel_workers_per_gather=0 -c pg_trgm.similarity_threshold=${TRIGRAM_SIMILARITY}`,
      }),
      // $disconnect() ends the pool, as it does the adapter's own.
      // The adapter's type wants a name for every statement; pg sends one without a name unnamed.
      { disposeExternalPool: true, statementNameGenerator: DB_PREPARED_STATEMENTS ? (preparedStatementNames() as (query: { sql: string }) => string) : undefined },
    ),
    // An interactive transaction waits for its connection as long as any query does.
    transactionOptions: { maxWait: DB_CONNECT_TIMEOUT_MS, timeout: DB_QUERY_TIMEOUT_MS },
    log: DB_QUERY_EVENTS ? [{ emit: "event", level: "query" }] : [],
    // A password hash never leaves the data layer unless a query asks for it by name.
    omit: { user: { passwordHash: true } },
  });
}

// Dev reloads modules on every change; keep one pool instead of leaking one per reload.
const globalForDb = globalThis as unknown as { storyhouseDb?: ReturnType<typeof createClient> };

export const db = globalForDb.storyhouseDb ?? createClient();
if (env().NODE_ENV === "development") globalForDb.storyhouseDb = db;

export { Prisma } from "@/lib/generated/prisma/client";
