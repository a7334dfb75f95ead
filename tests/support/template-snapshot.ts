import { randomBytes } from "node:crypto";
import { cpSync, existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * The seeded PGlite template as a data-folder tarball (PGlite's `dumpDataDir`), made once next
 * to the template: an in-memory database (`DATABASE_URL=pglite-memory:<file>`) starts from it
 * in about a second. Dumped from a copy, so the template folder is never opened (others copy
 * it meanwhile); written under a unique name and renamed, so a reader never sees half a file.
 */
export async function templateSnapshot(templateDir: string): Promise<string> {
  const file = `${templateDir}.tar`;
  if (existsSync(file)) return file;
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const copy = `${templateDir}-dumping-${suffix}`;
  cpSync(templateDir, copy, { recursive: true });
  try {
    const pglite = new PGlite(copy);
    await pglite.waitReady;
    const tarball = await pglite.dumpDataDir("none");
    await pglite.close();
    const partial = path.join(path.dirname(file), `.${path.basename(file)}-${suffix}`);
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return file;
}
