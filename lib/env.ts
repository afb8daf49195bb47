import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "@/lib/request-ip";

// The one reader of process.env. Parsed on first use so that importing a module never fails.
const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL (npm start sets it for the embedded database)" }),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  // How long a request may wait for a database connection (from the pool, or a new one), and how
  // long one statement may run, before it fails with a "try again" (503) instead of piling up.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Named (prepared) statements, so each connection parses and plans a statement once (lib/db.ts).
  // Off for a pooler that can't keep them: PgBouncer in transaction mode before 1.21.
  DB_PREPARED_STATEMENTS: z.stringbool().default(true),
  // Sign-ups allowed per network address per hour (the browser tests, all from one address, raise it).
  SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  // Which proxies in front of the app to believe about the client's address (per-address limits,
  // anonymous read counts): unset, none (the connecting socket's address is the client); a number
  // N, N proxies each appending to X-Forwarded-For; or their addresses and CIDR ranges, comma
  // separated. lib/request-ip.ts and docs/security.md explain how the address is found.
  TRUST_PROXY: z.string().optional().transform((value, ctx) => {
    try {
      return parseTrustProxy(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }),
  // Emit each SQL statement as a Prisma "query" event (the query-plan tests EXPLAIN them).
  DB_QUERY_EVENTS: z.stringbool().default(false),
  // npm start generates one into .data/; the fallback only serves tests and builds.
  AUTH_SECRET: z.string().min(1).default("storyhouse-development-secret"),
  // The public origin in absolute links (feeds, sitemap, canonical and social tags). Pages are
  // prerendered with it, so it must be set when the site is built.
  SITE_URL: z.string().url({ message: "SITE_URL must be the site's public origin, like https://stories.example.com" }).default("http://localhost:3000"),
});

let parsed: z.infer<typeof envSchema> | undefined;

export function env() {
  parsed ??= envSchema.parse(process.env);
  return parsed;
}

const uploadsDirSchema = z.string().min(1).default(".data/uploads");

/** Where the local-disk storage keeps uploaded media (absolute). Reads only UPLOADS_DIR, so tests and scripts can point it elsewhere. */
export function uploadsDir(): string {
  return path.resolve(process.cwd(), uploadsDirSchema.parse(process.env.UPLOADS_DIR || undefined));
}

/** The site's public origin (no trailing slash). Reads only SITE_URL, so it works where no database is configured. */
export function siteUrl(): string {
  return new URL(envSchema.shape.SITE_URL.parse(process.env.SITE_URL)).origin;
}
