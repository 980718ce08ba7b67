// The embedded database's thread: PGlite (PostgreSQL in WebAssembly, which runs synchronously on the
// thread that calls it) served to the bot's ordinary PostgreSQL clients on a Unix socket, each
// connection framed by @electric-sql/pglite-socket's PGLiteSocketHandler. Plain JavaScript, so that Node
// runs it as it is, from the sources in tests and from dist/ in the built bot (scripts/build.mjs).
import { createServer } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";

// startParams: ours, added to PGlite's own.
/** @type {{ dataDir: string, socketPath: string, startParams: string[], maxConnections: number }} */
const { dataDir, socketPath, startParams, maxConnections } = workerData;

/** Extended-query messages whose answers wait for the connection's Sync (or Flush). */
const batchMessages = new Set(["P", "B", "D", "E", "C"].map((letter) => letter.charCodeAt(0)));

/**
 * Every connection shares PGlite's one session, so the queue runs one connection at a time, and keeps
 * to it until its batch is over: through its Sync (Parse, Bind and Execute use the session's one
 * unnamed statement) and to the end of its transaction. pglite-socket's own queue keeps to a
 * connection only inside a transaction, so another connection's Parse can replace the unnamed
 * statement between a Parse and its Bind (electric-sql/pglite issue 1046), and one failed message stops
 * its queue for good. A batch also runs as one call into PGlite and is answered in one write: one
 * socket write per message was a fifth of the database thread's time under load. This queue is what
 * PGLiteSocketHandler's `queryQueue` option takes.
 */
class SessionQueue {
  /** @param {PGlite} db */
  constructor(db) {
    this.db = db;
    /** @type {{ handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void, resolve: (n: number) => void, reject: (e: unknown) => void }[]} */
    this.pending = [];
    /** @type {Map<number, Uint8Array[]>} each connection's messages waiting for its Sync */
    this.batches = new Map();
    /** @type {number | null} the connection whose batch or transaction is open */
    this.owner = null;
    this.running = false;
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  async run() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index =
          this.owner === null ? 0 : this.pending.findIndex((item) => item.handlerId === this.owner);
        if (index < 0 || this.pending.length === 0) return;
        const [item] = this.pending.splice(index, 1);
        const batch = this.batches.get(item.handlerId) ?? [];
        batch.push(item.message);
        if (batchMessages.has(item.message[0])) {
          this.batches.set(item.handlerId, batch);
          this.owner = item.handlerId;
          item.resolve(0);
          continue;
        }
        this.batches.delete(item.handlerId);
        await this.execute(item, batch);
        this.owner = this.db.isInTransaction() ? item.handlerId : null;
      }
    } finally {
      this.running = false;
    }
  }

  /** Runs the batch ending with `item` and answers it in one piece. */
  async execute(item, batch) {
    const answer = [];
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(batch.length === 1 ? batch[0] : Buffer.concat(batch), {
          onRawData: (data) => answer.push(Buffer.from(data)),
        }),
      );
      const data = Buffer.concat(answer);
      if (data.length) item.onData(data);
      item.resolve(data.length);
    } catch (error) {
      item.reject(error);
    }
  }

  clearQueueForHandler(handlerId) {
    for (const item of this.pending.filter((queued) => queued.handlerId === handlerId))
      item.reject(new Error("the connection closed"));
    this.pending = this.pending.filter((queued) => queued.handlerId !== handlerId);
    this.batches.delete(handlerId);
  }

  /** A connection that leaves mid-batch or mid-transaction: what it left open is rolled back. */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.run();
  }
}

try {
  const db = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...startParams],
  });
  const queryQueue = new SessionQueue(db);
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    new PGLiteSocketHandler({ queryQueue, closeOnDetach: true }).attach(socket).catch(() => socket.destroy());
  });
  server.maxConnections = maxConnections;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, resolve);
  });
  parentPort.on("message", async (message) => {
    if (message !== "close") return;
    // Connections still open (a CLI command's) end here: what they had not committed is rolled back.
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
    await db.close();
    parentPort.postMessage({ closed: true });
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
