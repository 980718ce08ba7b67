// The bot as a user starts it: the compiled bundle `npm start` runs, in a process of its own, against
// the fake Slack Web API. Each test file compiles a private copy, so two test projects never share one.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** Compiles the bot and the CLI into a folder of their own; returns it and how to remove it. */
export function buildBundles(): { dir: string; remove: () => void } {
  const dir = path.join("dist", `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--quiet", "--outdir", dir], {
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bot as `npm start` runs it, with only `env` (and PATH) in its environment. */
export function startBot(
  bundleDir: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, path.join(bundleDir, "main.mjs")], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
}

/** The Node flags of `npm start` (package.json), which keep the bot's memory down. */
export function startScriptFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 45_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("the bot did not answer /healthz in time");
}
