import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens (or creates) the embedded database in `dataDir`; queries wait until it is ready. */
export function openPgliteSync(dataDir: string): PGlite {
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}
