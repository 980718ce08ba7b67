// Prisma's schema engine (the code behind `prisma migrate`), loaded from its WebAssembly build so
// migrations work offline and without Prisma's native binary. The npm package is a bundler-style
// wasm-bindgen build that plain Node 20 cannot import, so we instantiate the .wasm ourselves.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type SchemaEngine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;

let ready: Promise<void> | undefined;

// Node has WebAssembly at run time; the ES lib we compile against does not declare it.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
    };
  }
).WebAssembly;

function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await wasmRuntime.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

export interface EngineHandle {
  engine: SchemaEngine;
  /** Turns the engine's "External error id#N" into the adapter's real error. */
  explain(error: unknown): Error;
}

export async function openSchemaEngine(
  schemaText: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<EngineHandle> {
  await loadWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {},
    bound,
  );
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    const match = /External error id#(\d+)/.exec(message);
    if (match) {
      const real = bound.errorRegistry.consumeError(Number(match[1]));
      if (real) return new Error(`${message}: ${JSON.stringify(real.error)}`);
    }
    return error instanceof Error ? error : new Error(message);
  };
  return { engine, explain };
}
