import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareTemplate, type DatabaseTemplate } from "../../support/test-database";
import { APP_DIR } from "../../security/support/app-process";
import { clearSecurityReports, printSecurityReports } from "../../security/support/security-report";
import { FAULTS_POSTGRES_PORT, postgresScript } from "../support/postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
    faultsPostgres: { dir: string; port: number; adminUrl: string };
  }
}

/**
 * The fault suite owns its PostgreSQL server (it stops and restarts it under load, so it cannot
 * borrow CI's or a developer's), started here with scripts/ci/postgres.sh on its own port, with
 * the migrated and seeded templates every test file copies. The app under test is the production
 * build (`npm run build` first): without one the suite fails here, saying so.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(APP_DIR, ".next", "BUILD_ID"))) {
    throw new Error(`The fault tests did NOT run: no production build in ${APP_DIR}. Run \`npm run build\` first (CI does).`);
  }
  clearSecurityReports("faults");
  const dir = mkdtempSync(path.join(tmpdir(), "tailorline-faults-pg-"));
  const adminUrl = (await postgresScript("start", dir, FAULTS_POSTGRES_PORT)).trim();
  try {
    process.env.TEST_DATABASE_URL = adminUrl;
    project.provide("databaseTemplate", await prepareTemplate());
    project.provide("faultsPostgres", { dir, port: FAULTS_POSTGRES_PORT, adminUrl });
  } catch (error) {
    await postgresScript("stop", dir);
    throw error;
  }
  return async () => {
    await postgresScript("stop", dir);
    rmSync(dir, { recursive: true, force: true });
    printSecurityReports("faults");
  };
}
