// Offline Prisma migrations: drives @prisma/schema-engine-wasm (same engine as the pinned Prisma)
// through @prisma/adapter-pg, since the CLI's native schema engine cannot be downloaded here.
// It writes the standard _prisma_migrations table, so `prisma migrate deploy` works elsewhere too.
//   node scripts/migrate.mjs deploy        apply pending migrations
//   node scripts/migrate.mjs new <name>    diff schema.prisma against the last migration's snapshot,
//                                          write prisma/migrations/<ts>_<name>/, then apply
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "./lib/migrate-engine.mjs";

const [cmd = "deploy", name = "migration"] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url && cmd !== "new") {
  console.error("DATABASE_URL is not set. `npm start` migrates the embedded database itself; set DATABASE_URL to migrate another server.");
  process.exit(1);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
try {
  const applied = await migrate({ root, url, create: cmd === "new" ? name : undefined });
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  process.exit(0);
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
