#!/usr/bin/env node
// `npx csm ...` and `npm run cli -- ...`: the compiled CLI (dist/cli.mjs, built by `npm install` and by
// `npm run build`), in a Node process of its own started with the command's Node flags
// (scripts/node-flags.mjs): Node reads them only at start, and a shebang line cannot portably carry them.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cliNodeFlags } from "../scripts/node-flags.mjs";

const args = process.argv.slice(2);
const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const child = spawn(process.execPath, [...cliNodeFlags(args), cli, ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // End the way the CLI ended: by the same signal, without the forwarding handler in the way.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
