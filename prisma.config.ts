import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` (scripts/generate.mjs); migrations run through
// scripts/migrate.mjs, which drives the WASM schema engine because no native one can be fetched.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/storyhouse" },
});
