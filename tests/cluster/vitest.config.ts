import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The multi-process suite (`npm run test:cluster`): real app processes on a real PostgreSQL and a
 * real Redis. Its own configuration, so `npm test` never needs either; without TEST_DATABASE_URL
 * and REDIS_URL it refuses to start and says it did not run.
 */
export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    name: "cluster",
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    env: {
      TZ: "UTC",
      NODE_ENV: "test",
      // A throwaway secret shared by the test and its app processes; never a real one.
      AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
    },
    globalSetup: ["tests/cluster/setup/global-setup.ts"],
    // Each file starts its own app processes; on two cores, one file at a time.
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
