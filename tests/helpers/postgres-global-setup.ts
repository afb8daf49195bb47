import type { TestProject } from "vitest/node";
import { startTestCluster, TEMPLATE_DB } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

// The integration and security projects both name this file; they share one cluster (each test
// file still gets a database of its own, tests/helpers/database-per-file.ts), started by the first
// and stopped after the last: one cluster's start and migration fewer while no test can run yet.
// Vitest loads this file once per project, so the cluster is kept on the process, not the module.
type Shared = { cluster: ReturnType<typeof startTestCluster>; users: number };
const processWide = globalThis as typeof globalThis & { __storyhouseTestCluster?: Shared };

export default async function setup(project: TestProject) {
  const shared = (processWide.__storyhouseTestCluster ??= { cluster: startTestCluster("vitest"), users: 0 });
  shared.users++;
  const cluster = await shared.cluster;
  project.provide("pgAdminUrl", cluster.adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    if (--shared.users > 0) return;
    delete processWide.__storyhouseTestCluster;
    await cluster.stop();
  };
}
