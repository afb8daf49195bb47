import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const { DATABASE_URL, DB_POOL_MAX, DB_QUERY_EVENTS, DB_CONNECT_TIMEOUT_MS, DB_QUERY_TIMEOUT_MS } = env();
  return new PrismaClient({
    // Bounded waits: a slow or unreachable database makes requests fail fast (503, "try again")
    // rather than queue without end. query_timeout is the client's own clock (it also covers a
    // stalled network); statement_timeout makes the server stop the work too.
    adapter: new PrismaPg({
      connectionString: DATABASE_URL,
      max: DB_POOL_MAX,
      connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
      query_timeout: DB_QUERY_TIMEOUT_MS,
      statement_timeout: DB_QUERY_TIMEOUT_MS,
      // No parallel query: the site's reads are short LIMIT queries, and a parallel plan's worker
      // start-up and read-ahead cost more than they save (a tag page at 100,000 stories: 90 ms with
      // workers, 13 ms without; docs/performance.md). Many requests at once use the cores anyway.
      options: "-c max_parallel_workers_per_gather=0",
    }),
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
