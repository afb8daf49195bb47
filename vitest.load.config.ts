import { defineConfig } from "vitest/config";
import path from "node:path";

// `npm run test:load`: the load and fault tests (tests/load). Separate from vitest.config.ts so
// that `npm test` never starts them; one file at a time, since each drives the whole machine.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    name: "load",
    include: ["tests/load/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
});
