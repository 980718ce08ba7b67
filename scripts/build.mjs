#!/usr/bin/env node
// Compiles the bot and the CLI to plain JavaScript (dist/main.mjs, dist/cli.mjs), so they run on
// Node alone: no TypeScript loader in the running process, which saves its memory and the transpiling
// at start-up. esbuild bundles our own code and the generated Prisma client with its runtime, while the
// production dependencies stay in node_modules; it takes about a second, so `npm start` and
// `npm run cli` rebuild every time and never run stale code.
//   --outdir <dir>         elsewhere than dist/ (inside the repository, so prisma/ is found upwards)
//   --entry <name>=<file>  another entry point (the bench compiles its own processes this way)
//   --quiet                no summary line
import { readFileSync } from "node:fs";
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

// Production dependencies are loaded from node_modules; any other package the code imports goes into the
// bundle. So `@prisma/client` (the generated client's runtime and its PostgreSQL query compiler) is
// built in, and the runtime installs neither it nor the `prisma` CLI it names as a peer: a production
// install (`npm ci --omit=dev`) holds what the compiled bot loads, nothing to generate or compile.
// ECharts is built in the same way: the parts of it the portfolio chart imports are 1.3 MB of the bundle,
// while its package, mostly prebuilt bundles nothing loads, would take 66 MB of the image.
const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

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
  // A package name covers its subpaths too (`@prisma/schema-engine-wasm/schema_engine_bg`).
  external: Object.keys(dependencies),
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  // Prisma's client runtime is CommonJS under Node's conditions; its `require("node:...")` calls need a
  // `require` in an ES module.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
if (!args.includes("--quiet"))
  process.stderr.write(
    `built ${Object.keys(entryPoints)
      .map((name) => `${outdir}/${name}.mjs`)
      .join(", ")} in ${Math.round(performance.now() - started)} ms\n`,
  );
