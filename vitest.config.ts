import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    env: {
      TZ: "UTC",
      NODE_ENV: "test",
      // A throwaway secret for sessions minted and read by the tests; never a real one.
      AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/core/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/setup/global-setup.ts"],
          setupFiles: ["tests/integration/setup/per-file.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
