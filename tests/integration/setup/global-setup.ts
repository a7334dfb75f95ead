import type { TestProject } from "vitest/node";
import { prepareTemplate, type DatabaseTemplate } from "../../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export default async function setup(project: TestProject) {
  project.provide("databaseTemplate", await prepareTemplate());
}
