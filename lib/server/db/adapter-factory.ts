import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "./database-target";
import { openPgliteSync } from "./pglite-instance";

export interface AdapterFactoryHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes the PGlite instance this handle opened (PostgreSQL pools close with their adapters). */
  close(): Promise<void>;
}


export async function createAdapterFactory(target: DatabaseTarget, existingPglite?: PGlite): Promise<AdapterFactoryHandle> {
  if (target.kind === "postgres") {
    return { factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
  }
  const pglite = existingPglite ?? openPgliteSync(target.dataDir, target.snapshot);
  await pglite.waitReady;
  return {
    factory: new PrismaPGlite(pglite),
    close: async () => {
      if (!existingPglite) await pglite.close();
    },
  };
}
