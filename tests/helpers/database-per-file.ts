// Each integration test file gets its own copy of the migrated template database, so files run
// in parallel and never see each other's rows.
import { afterAll, inject } from "vitest";
import { randomUUID } from "node:crypto";
import { createDatabaseFromTemplate } from "../../scripts/lib/postgres.mjs";

const adminUrl = inject("pgAdminUrl");
const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
await createDatabaseFromTemplate(adminUrl, name, inject("pgTemplate"));
process.env.DATABASE_URL = adminUrl.replace(/\/postgres$/, `/${name}`);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
