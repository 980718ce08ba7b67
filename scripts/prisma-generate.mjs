#!/usr/bin/env node
// Runs `prisma generate` on a fresh, offline machine.
// `prisma generate` only checks that a schema-engine binary exists (it never runs it), but
// when it is missing the CLI tries to download it from Prisma's server, which fails offline.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download.
// Migrations never use the binary: see src/db/migrate.ts (Prisma's engine as WebAssembly).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env,
  shell: false,
});
process.exit(result.status ?? 1);
