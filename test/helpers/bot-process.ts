// The bot as a user starts it: the compiled bundle `npm start` runs, in a process of its own, against
// the fake Slack Web API. Each test file compiles a private copy, so two test projects never share one.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshTarget } from "./database.ts";

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

export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** All it has printed, stdout and stderr. */
  output(): string;
  /** Kills it if it still runs, and removes its database. */
  stop(): Promise<void>;
}

/**
 * The bot with `npm start`'s flags on a fresh database of the suite's engine (a new PostgreSQL
 * database, or an embedded one in a folder of its own), once it answers its health check. `env` is
 * Slack's part of the environment; PORT, the database and LOG_LEVEL=warn are added.
 */
export async function startBotProcess(bundleDir: string, env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), "csm-bot-"));
  const fresh = await freshTarget();
  const database: Record<string, string> =
    fresh.target.kind === "postgres"
      ? { DATABASE_URL: fresh.target.url }
      : { DATA_DIR: path.join(folder, "data") };
  const child = startBot(
    bundleDir,
    { PORT: String(port), LOG_LEVEL: "warn", ...database, ...env },
    startScriptFlags(),
  );
  let output = "";
  child.stderr?.on("data", (chunk) => (output += chunk));
  child.stdout?.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
    await fresh.drop();
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it printed:\n${output}`);
  }
  return { child, port, output: () => output, stop };
}
