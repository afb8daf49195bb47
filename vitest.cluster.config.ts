import { defineConfig } from "vitest/config";
import path from "node:path";

// `npm run test:cluster`: the scale-out parts against real Redis, Varnish and an S3-protocol server
// (scripts/lib/services.mjs starts them), then two app processes behind the edge. Not part of
// `npm test`, which needs none of them.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts") },
  },
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
