import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

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

type ConnectedAdapter = Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory["connect"]>>;

/**
 * The pg adapter runs a migration script by splitting it at every ";", which cuts a function's
 * dollar-quoted body apart (prisma/migrations/20261206080000_reserve_stock). PostgreSQL's simple
 * query protocol takes a whole script, as the native schema engine sends it: send it so. (The
 * PGlite adapter already does.)
 */
function wholeScripts(adapter: ConnectedAdapter): ConnectedAdapter {
  const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (!(driver instanceof pg.Pool)) return adapter;
  const onError = (adapter as { onError?: (error: unknown) => never }).onError?.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      // the adapter's own translation into the engine's error kinds, when it has one
      onError?.(error);
      throw error;
    }
  };
  return adapter;
}

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
      const adapter = wholeScripts(await adapterFactory.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = wholeScripts(await adapterFactory.connectToShadowDb());
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
