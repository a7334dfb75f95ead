import type { TestProject } from "vitest/node";
import { prepareTemplate } from "../../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: Awaited<ReturnType<typeof prepareTemplate>>;
  }
}

export default async function setup(project: TestProject) {
  project.provide("databaseTemplate", await prepareTemplate());
}
