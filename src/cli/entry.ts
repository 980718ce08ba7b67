// The `csm` process: `npm run cli -- <command>`, `npx csm <command>` (both run the compiled
// dist/cli.mjs), reading .env like the bot does.
import { loadDotEnv } from "../config.ts";
import { runCli } from "./main.ts";

loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2));
