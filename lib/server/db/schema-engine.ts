import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WebAssembly, driven over a driver adapter. The Prisma CLI
 * cannot migrate offline (it downloads a native engine); this engine ships in an npm package
 * and needs no download. See docs/decisions/0001-offline-migrations.md.
 */
export interface SchemaEngineHandle {
  engine: WasmSchemaEngine;
  /** Closes the connections the engine opened (it never closes them itself). */
  dispose(): Promise<void>;
}

// The subset of the engine's API we use; its full types live in @prisma/schema-engine-wasm.
export interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}

const require = createRequire(import.meta.url);

async function loadEngineModule() {
  // The package exports only its JS entry points; the .wasm file sits beside them.
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const packageDir = path.dirname(bgPath);
  const bg = await import(pathToFileURL(bgPath).href);
  const wasmBytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as { SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<WasmSchemaEngine> } };
}

let enginePromise: ReturnType<typeof loadEngineModule> | undefined;

/** Opens the engine over `adapterFactory`. Every adapter the engine connects is tracked for dispose. */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
  log: (line: string) => void = () => {},
): Promise<SchemaEngineHandle> {
  enginePromise ??= loadEngineModule();
  const engineModule = await enginePromise;
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    dispose: async () => {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}
