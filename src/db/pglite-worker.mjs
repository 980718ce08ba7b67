// The embedded database's thread: PGlite (PostgreSQL in WebAssembly, which runs synchronously on the
// thread that calls it) served to the bot's ordinary PostgreSQL clients on a Unix socket by
// @electric-sql/pglite-socket. Plain JavaScript, so that Node runs it as it is, from the sources in
// tests and from dist/ in the built bot (scripts/build.mjs copies it there).
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// startParams: ours, added to PGlite's own.
/** @type {{ dataDir: string, socketPath: string, startParams: string[], maxConnections: number }} */
const { dataDir, socketPath, startParams, maxConnections } = workerData;

try {
  const db = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...startParams],
  });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message !== "close") return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ closed: true });
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
