import { mkdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { IN_MEMORY_DATA_DIR } from "./database-target";

/**
 * Opens (or creates) the embedded database in `dataDir`; queries wait until it is ready. With a
 * `snapshot` (a data-folder tarball from `dumpDataDir`) the database lives in memory, starting
 * from the snapshot.
 */
export function openPgliteSync(dataDir: string, snapshot?: string): PGlite {
  if (snapshot) return new PGlite(IN_MEMORY_DATA_DIR, { loadDataDir: new Blob([readFileSync(snapshot)]) });
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}
