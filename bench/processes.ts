// The processes a bench run starts: the bot (src/main.ts, as `npm start` runs it), a bare Bolt app that
// only acks (bench/bare-bolt.ts), and `csm` commands (src/cli/entry.ts). Each is compiled first by
// scripts/build.mjs and runs on plain Node, as users run it: no TypeScript loader in what is measured.
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { cliNodeFlags, nodeFlags } from "../scripts/node-flags.mjs";

let compiledTo = "";

/** Compiles the bot, the CLI and the bare app into `dir` (inside the repository); call once, first. */
export function compileProcesses(dir: string): void {
  execFileSync(process.execPath, [
    "scripts/build.mjs",
    "--quiet",
    "--outdir",
    dir,
    "--entry",
    "bare-bolt=bench/bare-bolt.ts",
  ]);
  compiledTo = dir;
}

const compiled = (name: "main" | "cli" | "bare-bolt") => {
  if (!compiledTo) throw new Error("compileProcesses() first");
  return path.join(compiledTo, `${name}.mjs`);
};

/** The environment of a child: ours without a database, plus `env` (so no stray DATABASE_URL wins). */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = process.env;
  return { ...rest, ...env };
}

/** The high-water mark of a process's resident memory so far (Linux VmHWM), in MB; 0 once it is gone. */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export interface Served {
  port: number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts the bot or the bare app and waits until `readyPath` answers. */
export async function serve(
  script: "main" | "bare-bolt",
  env: Record<string, string>,
  readyPath: string,
): Promise<Served> {
  const port = await freePort();
  const child = fork(compiled(script), [], {
    execArgv: script === "main" ? nodeFlags("start", "main") : [],
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const gone = exited(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode} before it was ready`);
    const method = readyPath === "/slack/events" ? "POST" : "GET";
    const ready = await fetch(`http://127.0.0.1:${port}${readyPath}`, { method })
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${script} did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    peakRssMb: () => peakRssMb(child.pid),
    async stop() {
      child.kill("SIGTERM");
      await gone;
    },
  };
}

export interface CsmRun {
  /** The exit code; null when the command was stopped at the timeout. */
  code: number | null;
  seconds: number;
  peakRssMb: number;
  stderr: string;
}

/**
 * Runs `csm <args>` to its end, or stops it after `timeoutSeconds`. Its peak RSS is read from /proc
 * every 50 ms (VmHWM only grows, so a read misses at most the last 50 ms of the process).
 */
export async function runCsm(
  args: string[],
  env: Record<string, string>,
  timeoutSeconds: number,
): Promise<CsmRun> {
  const start = performance.now();
  const child = spawn(process.execPath, [...cliNodeFlags(args), compiled("cli"), ...args], {
    env: childEnv(env),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, peakRssMb(child.pid));
  }, 50);
  const timeout = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
  const code = await exited(child);
  clearInterval(poll);
  clearTimeout(timeout);
  return { code, seconds: (performance.now() - start) / 1000, peakRssMb: peak, stderr };
}

/** What a failed run says about itself, on one line. */
export function failure(run: CsmRun): string {
  const said = run.stderr.replace(/\s+/g, " ").trim().slice(0, 200);
  return `failed after ${run.seconds.toFixed(0)} s (exit ${run.code}): ${said}`;
}

/** Runs a `csm` command that has to succeed for the bench to go on. */
export async function csm(args: string[], env: Record<string, string>, timeoutSeconds = 600): Promise<void> {
  const run = await runCsm(args, env, timeoutSeconds);
  if (run.code !== 0)
    throw new Error(`csm ${args.join(" ")} failed (exit ${run.code}): ${run.stderr.trim()}`);
}
