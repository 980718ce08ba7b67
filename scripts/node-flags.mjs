// The Node flags an npm script gives the compiled program it runs, read from package.json, which is the
// one place they are written: `npm start` runs `node <flags> dist/main.mjs`, `npm run cli` runs
// `node <flags> dist/cli.mjs`. bin/csm.js and the bench start their processes with the same flags.
import { readFileSync } from "node:fs";

const packageJson = new URL("../package.json", import.meta.url);

/** The `--` flags before `dist/<program>.mjs` in the npm script `script`; none when it has none. */
export function nodeFlags(script, program) {
  const scripts = JSON.parse(readFileSync(packageJson, "utf8")).scripts ?? {};
  const command = scripts[script] ?? "";
  const match = new RegExp(`node((?:\\s+--\\S+)*)\\s+dist/${program}\\.mjs`).exec(command);
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}
