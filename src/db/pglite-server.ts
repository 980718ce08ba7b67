// Runs the embedded database (PGlite) in a worker thread of this process, served on a Unix socket, so
// that PostgreSQL's work (a 100,000-row ingest, a full re-score) runs beside the event loop that acks
// Slack's requests, and so that the CLI can reach the running bot's database. The socket sits in a
// folder only this OS user may open: a local socket has no password.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { pgliteStartParams } from "./pglite-settings.ts";

/** PostgreSQL clients name a Unix socket by its folder and a port: the file is `.s.PGSQL.<port>`. */
export const socketPort = 5432;

/**
 * Connections the socket accepts: the bot's pool and the pools of CLI commands working beside it.
 * pglite-socket refuses any past this number, so it stays above what they open together.
 */
const maxConnections = 16;

export interface PGliteServer {
  /** The folder holding the socket: `host` for node-postgres. */
  socketDir: string;
  close(): Promise<void>;
}

/** The socket folder of a data directory. */
export function socketDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), "socket");
}

/** Serves the database in `dataDir` (null: in memory, with its socket in a temporary folder). */
export async function startPGliteServer(dataDir: string | null): Promise<PGliteServer> {
  const socketDir = dataDir ? socketDirOf(dataDir) : mkdtempSync(path.join(tmpdir(), "csm-pglite-"));
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, `.s.PGSQL.${socketPort}`);
  // A socket file left by a process that died refuses every new listener.
  rmSync(socketPath, { force: true });
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: {
      dataDir: dataDir ? path.resolve(dataDir) : "memory://",
      socketPath,
      startParams: pgliteStartParams([]),
      maxConnections,
    },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", (message: { ready?: boolean; error?: string }) =>
      message.ready ? resolve() : reject(new Error(`the embedded database did not start: ${message.error}`)),
    );
    worker.once("error", reject);
  });
  chmodSync(socketPath, 0o600);
  const removeSocket = () => rmSync(dataDir ? socketPath : socketDir, { recursive: true, force: true });
  // A process that ends without closing (a test that failed half-way) leaves no socket folder either.
  process.once("exit", removeSocket);
  return {
    socketDir,
    async close() {
      const closed = new Promise((resolve) => worker.once("message", resolve));
      worker.postMessage("close");
      await closed;
      await worker.terminate();
      process.removeListener("exit", removeSocket);
      removeSocket();
    },
  };
}
