// The Node flags of the compiled programs. The bot's are in package.json's `start` script, the one
// place they are written, and read from there by the bench; the CLI's depend on the command, so they
// are chosen here, by bin/csm.js (which `npm run cli` and `npx csm` run) and by the bench.
import { readFileSync } from "node:fs";

const packageJson = new URL("../package.json", import.meta.url);

/** The `--` flags before `dist/<program>.mjs` in the npm script `script`; none when it has none. */
export function nodeFlags(script, program) {
  const scripts = JSON.parse(readFileSync(packageJson, "utf8")).scripts ?? {};
  const command = scripts[script] ?? "";
  const match = new RegExp(`node((?:\\s+--\\S+)*)\\s+dist/${program}\\.mjs`).exec(command);
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}

/**
 * The flags `csm <args>` runs with. Always one V8 background thread (--v8-pool-size=1): V8 otherwise
 * compiles PGlite's WebAssembly on one thread per core, about 60-90 MB more. `import accounts` also
 * gets --optimize-for-size, which keeps the heap close to what the import holds (20,000 rows: about
 * 276 instead of 350 MB, in about the same time); `import signals` does not, as it slowed that import
 * by a third.
 */
export function cliNodeFlags(args) {
  const flags = ["--v8-pool-size=1"];
  if (args[0] === "import" && args[1] === "accounts") flags.push("--optimize-for-size");
  return flags;
}
