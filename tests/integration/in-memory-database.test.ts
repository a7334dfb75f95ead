import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { IN_MEMORY_DATA_DIR, resolveDatabaseTarget } from "@/lib/server/db/database-target";
import { openPgliteSync } from "@/lib/server/db/pglite-instance";
import { templateSnapshot } from "../support/template-snapshot";

const environment = (url: string): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: url });
const scratch = mkdtempSync(path.join(os.tmpdir(), "tailorline-in-memory-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("an in-memory database from a template snapshot (pglite-memory:)", () => {
  it("is named by DATABASE_URL", () => {
    expect(resolveDatabaseTarget(environment("pglite-memory:/tmp/template.tar"))).toEqual({ kind: "pglite", dataDir: IN_MEMORY_DATA_DIR, snapshot: "/tmp/template.tar" });
    expect(() => resolveDatabaseTarget(environment("sqlite:x"))).toThrow(/pglite-memory:/);
  });

  it("starts with the template's rows, keeps its writes to itself and never touches the template", async () => {
    const templateDir = path.join(scratch, "template");
    const template = new PGlite(templateDir);
    await template.exec(`CREATE TABLE "Thing" (id int PRIMARY KEY, name text); INSERT INTO "Thing" VALUES (1, 'from the template');`);
    await template.close();
    const filesBefore = readdirSync(templateDir, { recursive: true }).sort();

    const snapshot = await templateSnapshot(templateDir);
    expect(await templateSnapshot(templateDir)).toBe(snapshot);
    const first = openPgliteSync(IN_MEMORY_DATA_DIR, snapshot);
    const second = openPgliteSync(IN_MEMORY_DATA_DIR, snapshot);
    try {
      await first.query(`INSERT INTO "Thing" VALUES (2, 'written in memory')`);
      expect((await first.query<{ id: number }>(`SELECT id FROM "Thing" ORDER BY id`)).rows.map((row) => row.id)).toEqual([1, 2]);
      expect((await second.query<{ id: number }>(`SELECT id FROM "Thing" ORDER BY id`)).rows.map((row) => row.id)).toEqual([1]);
    } finally {
      await first.close();
      await second.close();
    }
    expect(readdirSync(templateDir, { recursive: true }).sort()).toEqual(filesBefore);
    const reopened = new PGlite(templateDir);
    try {
      expect((await reopened.query<{ id: number }>(`SELECT id FROM "Thing" ORDER BY id`)).rows.map((row) => row.id)).toEqual([1]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
