#!/usr/bin/env node
// Assembles the bot's runtime folder from a built checkout: the compiled bot and CLI (every file of
// dist/: the entry points, their chunks and the embedded database's worker), the migrations and the
// schema they are applied with, the `csm` launcher, the image's health check, and the package files a
// production install reads. The Dockerfile and the test of the layout
// (test/integration/runtime-folder.test.ts) both use it, then run `npm ci --omit=dev` in the folder.
//   node scripts/runtime-folder.mjs <folder> [--dist <dir>]   (another build than dist/)
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const files = [
  "package.json",
  "package-lock.json",
  "bin/csm.js",
  "scripts/node-flags.mjs",
  "scripts/postinstall.mjs",
  "scripts/healthcheck.mjs",
  "prisma/schema.prisma",
  "prisma/migrations",
];

const [folder, flag, distArg] = process.argv.slice(2);
if (!folder || (flag !== undefined && (flag !== "--dist" || !distArg))) {
  process.stderr.write("usage: node scripts/runtime-folder.mjs <folder> [--dist <dir>]\n");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = path.resolve(root, distArg ?? "dist");
if (!existsSync(path.join(dist, "main.mjs"))) {
  process.stderr.write(`${path.join(dist, "main.mjs")} is missing: run \`npm run build\` first\n`);
  process.exit(1);
}
const target = path.resolve(folder);
for (const file of files) {
  mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
  cpSync(path.join(root, file), path.join(target, file), { recursive: true });
}
// The build writes its output flat; folders in dist/ are other builds (the tests' and the bench's).
mkdirSync(path.join(target, "dist"), { recursive: true });
for (const entry of readdirSync(dist, { withFileTypes: true }))
  if (entry.isFile()) copyFileSync(path.join(dist, entry.name), path.join(target, "dist", entry.name));
