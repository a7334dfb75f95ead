import type { TestProject } from "vitest/node";
import { prepareTemplate, type DatabaseTemplate } from "../../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
    redisUrl: string;
  }
}

/**
 * The suite needs a PostgreSQL server (TEST_DATABASE_URL, a user that may create databases) and
 * a Redis server (REDIS_URL). Without them it does not run — and says so, as a failure, rather
 * than passing with nothing tested.
 */
export default async function setup(project: TestProject) {
  const missing = [
    !/^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "") && "TEST_DATABASE_URL=postgres://…",
    !/^rediss?:\/\//.test(process.env.REDIS_URL ?? "") && "REDIS_URL=redis://…",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `The multi-process tests did NOT run: set ${missing.join(" and ")}. ` +
        "(.ci/run starts both; locally: scripts/ci/postgres.sh start /tmp/pg 55432, and redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes)",
    );
  }
  project.provide("databaseTemplate", await prepareTemplate());
  project.provide("redisUrl", process.env.REDIS_URL!);
}
