#!/usr/bin/env node
// Compiles the bot and the CLI to plain JavaScript (dist/main.mjs, dist/cli.mjs), so they run on
// Node alone: no TypeScript loader in the running process, which saves its memory and the transpiling
// at start-up. esbuild bundles our own code only (packages stay in node_modules) in
// well under a second, so `npm start` and `npm run cli` rebuild every time and never run stale code.
//   --outdir <dir>         elsewhere than dist/ (inside the repository, so prisma/ is found upwards)
//   --entry <name>=<file>  another entry point (the bench compiles its own processes this way)
//   --quiet                no summary line
import { build } from "esbuild";

const args = process.argv.slice(2);
const valuesOf = (flag) => args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
const outdir = valuesOf("--outdir")[0] ?? "dist";
// The embedded database's worker is loaded by URL beside the bundle that starts it (db/pglite-server.ts).
const entryPoints = {
  main: "src/main.ts",
  cli: "src/cli/entry.ts",
  "pglite-worker": "src/db/pglite-worker.mjs",
};
for (const entry of valuesOf("--entry")) {
  const [name, file] = entry.split("=");
  entryPoints[name] = file;
}

const started = performance.now();
await build({
  entryPoints,
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Shared code and what the CLI imports only once a command runs (the database, Slack's client) go
  // into chunks beside the entry points, so `csm --help` loads none of it. They stay in the output
  // folder itself: the embedded database's worker is found beside whichever file starts it.
  splitting: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
if (!args.includes("--quiet"))
  process.stderr.write(
    `built ${Object.keys(entryPoints)
      .map((name) => `${outdir}/${name}.mjs`)
      .join(", ")} in ${Math.round(performance.now() - started)} ms\n`,
  );
