// The Node flags of the compiled programs, each there for a memory target (docs/benchmarks.md). The
// bot's are in package.json's `start` script, the one place they are written, and read from there by
// the bench; the CLI's depend on the command, so they are chosen here, for bin/csm.js and the bench.
import { readFileSync } from "node:fs";

const packageJson = new URL("../package.json", import.meta.url);

/** The `--` flags before `dist/<program>.mjs` in the npm script `script`; none when it has none. */
export function nodeFlags(script, program) {
  const scripts = JSON.parse(readFileSync(packageJson, "utf8")).scripts ?? {};
  const match = new RegExp(`node((?:\\s+--\\S+)*)\\s+dist/${program}\\.mjs`).exec(scripts[script] ?? "");
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}

/** The flags `csm <args>` runs with. */
export function cliNodeFlags(args) {
  return [
    // One V8 background thread: otherwise PGlite's WebAssembly is compiled on one per core, all held.
    "--v8-pool-size=1",
    // An import holds a whole file's rows; a heap kept close to what is live keeps its peak down.
    ...(args[0] === "import" ? ["--optimize-for-size"] : []),
  ];
}
