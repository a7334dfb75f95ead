/**
 * The server the end-to-end suite runs against: a fresh embedded database, migrated and
 * seeded, then the production server on E2E_PORT. Build first (`npm run build`).
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.resolve(".test-data", `e2e-${port}`);

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  rmSync(dataDir, { recursive: true, force: true });
  process.env.DATABASE_URL = `pglite:${dataDir}`;
  const { createAdapterFactory } = await import("../../lib/server/db/adapter-factory");
  const { resolveDatabaseTarget } = await import("../../lib/server/db/database-target");
  const { applyMigrations } = await import("../../lib/server/db/migrations");
  const { seedDemoData } = await import("../../prisma/seed/seed-demo-data");
  const { seedDemoActivity } = await import("../../prisma/seed/seed-demo-activity");
  const { disconnectDatabase } = await import("../../lib/server/db");
  const handle = await createAdapterFactory(resolveDatabaseTarget());
  await applyMigrations(handle.factory);
  await handle.close();
  await seedDemoData();
  await seedDemoActivity("small");
  await disconnectDatabase();
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", PORT: port, AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
