// The processes a bench run starts: one per phase (bench/phase.ts), the bot itself (src/main.ts, with
// the Node flags of `npm start`, or of `npm run start:postgres` on PostgreSQL) and a
// bare Bolt app that only acks (bench/bare-bolt.ts), each compiled first by scripts/build.mjs, so that
// every one runs on plain Node as `npm start` runs the bot: no TypeScript loader in what is measured.
import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { PhaseArgs, PhaseName, PhaseResult } from "./phase.ts";

let compiledTo = "";

/** Compiles the bench's processes into `dir` (inside the repository); call once before the others. */
export function compileProcesses(dir: string): void {
  execFileSync(process.execPath, [
    "scripts/build.mjs",
    "--quiet",
    "--outdir",
    dir,
    "--entry",
    "phase=bench/phase.ts",
    "--entry",
    "bare-bolt=bench/bare-bolt.ts",
  ]);
  compiledTo = dir;
}

const compiled = (name: "phase" | "main" | "bare-bolt") => {
  if (!compiledTo) throw new Error("compileProcesses() first");
  return path.join(compiledTo, `${name}.mjs`);
};

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** The `csm` command each phase runs (the re-score phase calls the same code as `csm health config set`). */
const phaseCommands: Record<PhaseName, string[]> = {
  create: ["db", "migrate"],
  "import-accounts": ["import", "accounts"],
  "import-signals": ["import", "signals"],
  rescore: ["health", "config", "set"],
};

export async function runPhase(name: PhaseName, args: PhaseArgs): Promise<PhaseResult> {
  // Phases run the CLI's code: with the Node flags the CLI gives the command.
  const child = fork(compiled("phase"), [name, JSON.stringify(args)], {});
  let result: PhaseResult | undefined;
  child.on("message", (message) => {
    result = message as PhaseResult;
  });
  const code = await exited(child);
  if (code !== 0 || !result) throw new Error(`bench phase ${name} failed (exit code ${code})`);
  process.stderr.write(
    `${name}: ${result.seconds.toFixed(2)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB\n`,
  );
  return result;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** The npm script that starts the bot on the database `env` names (README, "Configure and start"). */
export function startScript(env: Record<string, string>): "start" | "start:postgres" {
  return env.DATABASE_URL ? "start:postgres" : "start";
}

export interface Served {
  port: number;
  /** The process's high-water mark of resident memory so far (Linux VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time used so far (user + system), in ms: by its main thread, where JavaScript runs, and in all. */
  cpuMs(): CpuTime;
  stop(): Promise<void>;
}

export interface CpuTime {
  main: number;
  all: number;
}

/** Clock ticks per second, the unit of /proc's CPU times. */
const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** User plus system time from a /proc stat line, in ms (fields 14 and 15, after the command's parentheses). */
function statCpuMs(path: string): number {
  const fields = readFileSync(path, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Starts a server process and waits until `readyPath` answers 200. */
export async function serve(
  script: "main" | "bare-bolt",
  env: Record<string, string>,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<Served> {
  const port = await freePort();
  const child = fork(compiled(script), [], {
    // The bot with the Node flags its start script gives it.
    execArgv: nodeArgs,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const gone = exited(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`, {
      method: readyPath === "/slack/events" ? "POST" : "GET",
    })
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${script} did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    cpuMs() {
      return {
        main: statCpuMs(`/proc/${child.pid}/task/${child.pid}/stat`),
        all: statCpuMs(`/proc/${child.pid}/stat`),
      };
    },
    async stop() {
      child.kill("SIGTERM");
      await gone;
    },
  };
}
