import type { TestProject } from "vitest/node";
import { startTestCluster, TEMPLATE_DB } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster("vitest");
  project.provide("pgAdminUrl", cluster.adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  return () => cluster.stop();
}
