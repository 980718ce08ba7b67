#!/usr/bin/env node
// `npx csm ...`: runs the TypeScript CLI through tsx (no build step).
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
const { loadDotEnv } = await import("../src/config.ts");
loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2));
