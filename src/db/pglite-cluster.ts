// Creates the PostgreSQL cluster of a new embedded data directory, in a short-lived Node process of its
// own. PGlite's initdb runs a second PostgreSQL instance, a snapshot of its memory and the initdb
// program side by side, all WebAssembly, whose memory is never given back: in the bot's process it
// would stay part of the bot's memory for good. In a process of its own it is all returned when that
// process ends, and the bot opens a ready cluster like any other. The PostgreSQL it starts gets the
// bot's shared buffers (db/pglite-settings.ts), which also keeps its own peak lower.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pgliteStartParams } from "./pglite-settings.ts";

/** Where the cluster is built before it is moved in: inside the data directory (one file system). */
const stagingPrefix = ".initdb-";

/** The file PostgreSQL writes into every cluster, and the one moved in last. */
const versionFile = "PG_VERSION";

// Run by `node -e`: argv[1] is PGlite's entry module, argv[2] the directory to create the cluster in,
// argv[3] the start parameters to add to PGlite's own, as JSON.
const initdbProgram = `
const [entry, dir, params] = process.argv.slice(1);
const { PGlite } = await import(entry);
const db = await PGlite.create({ dataDir: dir, startParams: [...PGlite.defaultStartParams, ...JSON.parse(params)] });
await db.close();
process.stdout.write(JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

export interface CreatedCluster {
  seconds: number;
  /** The initdb process's peak resident memory, in MB. */
  peakRssMb: number;
}

/**
 * Creates the cluster when `dataDir` has none (no PG_VERSION) and returns what it took; null when
 * there is one. `onCreating` is told when the creation starts. The cluster is built in a staging directory and moved in entry by entry, PG_VERSION
 * last, so an interrupted first start leaves no half cluster that later starts would take for a real one.
 */
export async function createClusterIfMissing(
  dataDir: string,
  onCreating?: () => void,
): Promise<CreatedCluster | null> {
  const dir = path.resolve(dataDir);
  if (existsSync(path.join(dir, versionFile))) return null;
  onCreating?.();
  mkdirSync(dir, { recursive: true });
  for (const leftover of readdirSync(dir).filter((name) => name.startsWith(stagingPrefix)))
    rmSync(path.join(dir, leftover), { recursive: true, force: true });
  const staging = path.join(dir, `${stagingPrefix}${process.pid}`);
  const started = performance.now();
  try {
    const { peakRssMb } = await runInitdb(staging);
    const entries = readdirSync(staging).sort(
      (a, b) => Number(a === versionFile) - Number(b === versionFile),
    );
    for (const name of entries) {
      // A half-moved cluster of an earlier, interrupted start: replaced, as initdb would overwrite it.
      rmSync(path.join(dir, name), { recursive: true, force: true });
      renameSync(path.join(staging, name), path.join(dir, name));
    }
    return { seconds: (performance.now() - started) / 1000, peakRssMb };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function runInitdb(staging: string): Promise<{ peakRssMb: number }> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;
  const child = spawn(
    process.execPath,
    [
      "--v8-pool-size=1",
      "--input-type=module",
      "-e",
      initdbProgram,
      entry,
      staging,
      JSON.stringify(pgliteStartParams([])),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", (error) =>
      reject(new Error(`could not start the process that creates the database: ${error.message}`)),
    );
    child.once("close", (code, signal) => {
      if (code === 0) {
        resolve(JSON.parse(stdout) as { peakRssMb: number });
        return;
      }
      const why = signal
        ? `it was stopped by ${signal}${signal === "SIGKILL" ? " (out of memory? creating it needs several hundred MB, once)" : ""}`
        : `it exited with code ${code}: ${stderr.trim().split("\n").slice(-3).join(" ")}`;
      reject(new Error(`could not create the embedded database in ${path.dirname(staging)}: ${why}`));
    });
  });
}
