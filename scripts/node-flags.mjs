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
 * 276 instead of 350 MB, in about the same time). Every other command lets the heap grow at most 20%
 * past what is live and keeps V8's young generation at 4 MB semi-spaces: the signal import of 100,000
 * rows then peaks at 330-333 MB instead of 543-553 MB, in 13.4-14.2 s instead of 12.6-12.8 s, and a
 * full re-score at 271-287 MB instead of 406-411 MB, in about the same time (--optimize-for-size
 * slowed the signal import by a third).
 */
export function cliNodeFlags(args) {
  if (args[0] === "import" && args[1] === "accounts") return ["--v8-pool-size=1", "--optimize-for-size"];
  return ["--v8-pool-size=1", "--heap-growing-percent=20", "--max-semi-space-size=4"];
}
