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
      {
        // The proof of issue 11 (docs/decisions/0009): the authorization matrix, fuzzing, web
        // security over HTTP against the production build. `npm run test:security`, not `npm test`.
        extends: true,
        test: {
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          environment: "node",
          // Auth.js's handlers import "next/server" the way a bundler resolves it; let vite do so.
          server: { deps: { inline: ["next-auth"] } },
          globalSetup: ["tests/integration/setup/global-setup.ts", "tests/security/setup/report-figures.ts"],
          setupFiles: ["tests/integration/setup/per-file.ts"],
          pool: "forks",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Real processes killed and restarted (slow): their own project, never part of `npm test`.
        extends: true,
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/faults/setup/global-setup.ts"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
