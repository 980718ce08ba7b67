// The `csm` process, compiled to dist/cli.mjs and started by bin/csm.js (`npm run cli -- <command>`,
// `npx csm <command>`), reading .env like the bot does.
import { loadDotEnv } from "../config.ts";
import { runCli } from "./main.ts";

loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2));
