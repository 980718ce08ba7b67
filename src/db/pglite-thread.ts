// The embedded database on a thread of its own. PGlite runs PostgreSQL in WebAssembly, synchronously,
// on the thread that calls it: on the bot's own thread that was most of an /account lookup's CPU, and
// the event loop stood still while a statement ran (a signal batch's transaction, hundreds of ms).
// Here PostgreSQL runs in a worker thread and the bot's thread keeps Slack's HTTP, Bolt and the cards:
// the two work side by side, and the bot's event loop turns while PostgreSQL works.
//
// Only PostgreSQL's wire protocol crosses between the threads, as PGlite's `execProtocolRaw` takes and
// returns it. Everything else a caller uses (query, exec, transaction and their locks, parameters and
// results) is PGlite's own client code, inherited from the base class PGlite builds them on, and runs
// on the caller's thread.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { Mutex, messages, PGlite, type PGliteInterface, protocol } from "@electric-sql/pglite";
import { pgliteStartParams } from "./pglite-settings.ts";

/**
 * PGlite's base class, which implements query, exec and transaction on top of the protocol methods
 * below (PGlite's own browser worker client is built on it the same way). The package does not export
 * it by name: it is PGlite's parent class.
 */
const BasePGlite = Object.getPrototypeOf(PGlite) as abstract new () => Pick<
  PGliteInterface,
  "query" | "sql" | "exec" | "transaction"
> & {
  /** Reads the array types' ids, so that array parameters and results convert (PGlite's start does it). */
  _initArrayTypes(): Promise<void>;
};

interface Request {
  id: number;
  op: "exec" | "sync" | "close";
  /** The worker runs pending requests lowest turn first (see `nextTurn`), then in the order sent. */
  turn: number;
  data?: Uint8Array;
  syncToFs?: boolean;
}

interface Reply {
  id: number;
  data?: Uint8Array;
  error?: string;
}

// The worker's program, run from source (eval), so that the bot's build and the tests' loader only ever
// see this module. It opens the database, then runs requests one at a time: before each, it takes in
// every request that has arrived, and runs the lowest turn first.
const workerProgram = `
const { parentPort, receiveMessageOnPort, workerData } = require("node:worker_threads");
const { entry, trgm, dataDir, startParams } = workerData;
const pending = [];
const take = (request) => {
  let i = pending.length;
  while (i > 0 && (pending[i - 1].turn > request.turn || (pending[i - 1].turn === request.turn && pending[i - 1].id > request.id))) i--;
  pending.splice(i, 0, request);
};
const reply = (message, transfer) => parentPort.postMessage(message, transfer);
let running = false;
async function run(lite) {
  running = true;
  for (;;) {
    for (let message; (message = receiveMessageOnPort(parentPort)); ) take(message.message);
    const request = pending.shift();
    if (!request) break;
    const { id, op, data, syncToFs } = request;
    try {
      if (op === "exec") {
        // execProtocolRaw would also parse the answer, into a list that only execProtocol empties.
        // The answer is copied out of WebAssembly's memory into a buffer of its own, handed over whole.
        const chunks = [];
        let length = 0;
        await lite.execProtocolRawStream(data, {
          syncToFs,
          onRawData: (chunk) => {
            chunks.push(new Uint8Array(chunk));
            length += chunk.length;
          },
        });
        let out = chunks[0] ?? new Uint8Array(0);
        if (chunks.length > 1) {
          out = new Uint8Array(length);
          let offset = 0;
          for (const chunk of chunks) {
            out.set(chunk, offset);
            offset += chunk.length;
          }
        }
        reply({ id, data: out }, [out.buffer]);
      } else if (op === "sync") {
        await lite.syncToFs();
        reply({ id });
      } else if (op === "close") {
        await lite.close();
        reply({ id });
      }
    } catch (error) {
      reply({ id, error: String((error && error.stack) || error) });
    }
  }
  running = false;
}
(async () => {
  let lite;
  try {
    const { PGlite } = require(entry);
    const { pg_trgm } = require(trgm);
    lite = await PGlite.create({ dataDir, extensions: { pg_trgm }, startParams });
  } catch (error) {
    reply({ id: 0, error: String((error && error.stack) || error) });
    return;
  }
  reply({ id: 0 });
  parentPort.on("message", (request) => {
    take(request);
    if (!running) run(lite);
  });
})();
`;

interface Waiting {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/** A PGlite client whose database runs in a worker thread. */
export class PGliteThread extends BasePGlite {
  readonly debug = 0;
  readonly #worker: Worker;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 1;
  #nextTurn = 1;
  readonly #queryLock = new Mutex();
  readonly #transactionLock = new Mutex();
  readonly #ready: Promise<void>;
  #closed = false;
  /** Set once the database has opened (`#ready` resolved). */
  #opened = false;
  /** Messages of a query that cross with the next one whose answer is needed (execProtocolStream). */
  #heldMessages: Uint8Array[] = [];
  /** Why the thread ended, when it did: every request after that fails at once with it. */
  #stopped: Error | null = null;

  private constructor(dataDir: string | null) {
    super();
    const require = createRequire(import.meta.url);
    this.#worker = new Worker(workerProgram, {
      eval: true,
      workerData: {
        entry: require.resolve("@electric-sql/pglite"),
        trgm: require.resolve("@electric-sql/pglite/contrib/pg_trgm"),
        dataDir: dataDir ? path.resolve(dataDir) : "memory://",
        startParams: pgliteStartParams(PGlite.defaultStartParams),
      },
    });
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#waiting.set(0, {
        resolve: (reply) => (reply.error ? reject(new Error(reply.error)) : resolve()),
        reject,
      });
    });
    this.#worker.on("message", (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      this.#holdProcess();
      waiting?.resolve(reply);
    });
    const stopped = (why: string) => {
      this.#stopped ??= new Error(`the embedded database stopped: ${why}`);
      for (const waiting of this.#waiting.values()) waiting.reject(this.#stopped);
      this.#waiting.clear();
    };
    this.#worker.on("error", (error) => stopped(error.message));
    this.#worker.on("exit", (code) => stopped(`its thread exited with code ${code}`));
  }

  /** Opens the database in `dataDir` (which must hold a cluster, db/pglite-cluster.ts), or in memory. */
  static async open(dataDir: string | null): Promise<PGliteThread> {
    const thread = new PGliteThread(dataDir);
    try {
      await thread.#ready;
      thread.#opened = true;
      await thread._initArrayTypes();
    } catch (error) {
      await thread.#worker.terminate();
      throw error;
    }
    return thread;
  }

  #send(request: Omit<Request, "id">): Promise<Uint8Array> {
    const id = this.#nextId++;
    if (this.#stopped) return Promise.reject(this.#stopped);
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, {
        resolve: (reply) =>
          reply.error ? reject(new Error(reply.error)) : resolve(reply.data ?? new Uint8Array(0)),
        reject,
      });
      this.#worker.postMessage({ id, ...request } satisfies Request);
      this.#holdProcess();
    });
  }

  /**
   * The thread keeps the process running only while a request waits for it, as PGlite in the process
   * itself would: a command that has finished exits, whether or not it closed the database.
   */
  #holdProcess(): void {
    if (this.#waiting.size > 0) this.#worker.ref();
    else this.#worker.unref();
  }

  /**
   * A new turn: requests sent with it run after those of every earlier turn still waiting in the
   * worker and before those of later ones. A lookup's statements share one turn, so once its first
   * statement has run, the rest go ahead of the lookups that came after it: it waits for the database
   * about once, not once per statement behind every other lookup's.
   */
  nextTurn(): number {
    return this.#nextTurn++;
  }

  /**
   * Sends a batch of messages that ends in a sync, in `turn`, and returns the worker's answer as it
   * came (read it with `backendMessages`). It is sent when no query or transaction of this client is
   * in progress, but does not hold them off while it runs: the worker runs it whole, before the requests
   * of later turns and after those of earlier ones that wait with it.
   */
  readBatch(batch: Uint8Array, turn: number): Promise<Uint8Array> {
    // Nothing in progress (the usual case): sent at once, as the locks below would, without the ticks
    // taking and giving them back costs.
    if (this.#opened && !this.#closed && !this.#transactionLock.isLocked() && !this.#queryLock.isLocked())
      return this.#send({ op: "exec", data: batch, syncToFs: false, turn });
    return this.#readBatchLocked(batch, turn);
  }

  async #readBatchLocked(batch: Uint8Array, turn: number): Promise<Uint8Array> {
    let sent!: Promise<Uint8Array>;
    await this._checkReady();
    await this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(async () => {
        sent = this.#send({ op: "exec", data: batch, syncToFs: false, turn });
      }),
    );
    return sent;
  }

  async execProtocolRaw(message: Uint8Array, { syncToFs = true }: { syncToFs?: boolean } = {}) {
    return this.#send({ op: "exec", data: message, syncToFs, turn: this.nextTurn() });
  }

  async execProtocol(
    message: Uint8Array,
    options: {
      syncToFs?: boolean;
      throwOnError?: boolean;
      onNotice?: (notice: messages.NoticeMessage) => void;
    } = {},
  ) {
    const data = await this.execProtocolRaw(message, options);
    return { messages: backendMessages(data, options), data };
  }

  /**
   * What PGlite's client sends a query's messages through, one call each: parse, describe the
   * statement, bind, describe the portal, execute, sync. Only the statement's description (its
   * parameters' types, which bind needs) and the sync's answers are needed before the next call, so
   * the other messages wait and cross with them: two round trips between the threads instead of six.
   * A message's error then comes with the answer it crossed with, and is thrown from that call.
   */
  async execProtocolStream(
    message: Uint8Array,
    options: { syncToFs?: boolean; throwOnError?: boolean } = {},
  ) {
    if (waitsForNext(message)) {
      this.#heldMessages.push(message);
      return [];
    }
    const batch = this.#heldMessages.length ? concat([...this.#heldMessages, message]) : message;
    this.#heldMessages = [];
    return (await this.execProtocol(batch, options)).messages;
  }

  async execProtocolRawStream(): Promise<void> {
    throw new Error("streamed results are not supported by the embedded database's thread");
  }

  async syncToFs(): Promise<void> {
    await this.#send({ op: "sync", turn: this.nextTurn() });
  }

  // Files attached to a query (COPY ... FROM '/dev/blob'): none of our queries use them.
  async _handleBlob(blob?: Blob): Promise<void> {
    if (blob) throw new Error("COPY from a file is not supported by the embedded database's thread");
  }
  async _getWrittenBlob(): Promise<undefined> {
    return undefined;
  }
  async _cleanupBlob(): Promise<void> {}

  async _checkReady(): Promise<void> {
    if (this.#closed) throw new Error("the embedded database is closed");
    await this.#ready;
  }

  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> {
    return this.#queryLock.runExclusive(fn);
  }

  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.#transactionLock.runExclusive(fn);
  }

  /** After the transaction and the query in progress: closes PostgreSQL (a clean shutdown) and the thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(async () => {
        this.#closed = true;
        await this.#send({ op: "close", turn: this.nextTurn() });
      }),
    );
    await this.#worker.terminate();
  }
}

const messageType = { parse: 0x50, bind: 0x42, describe: 0x44, execute: 0x45, portal: 0x50 };

/** Parse, bind, execute and a portal's description: their answers are not needed before the next message's. */
function waitsForNext(message: Uint8Array): boolean {
  const type = message[0];
  if (type === messageType.parse || type === messageType.bind || type === messageType.execute) return true;
  // Describe: its type byte follows the length; a statement's description is needed at once.
  return type === messageType.describe && message[5] === messageType.portal;
}

/** Protocol messages as one batch. */
export function concat(messages: Uint8Array[]): Uint8Array {
  const buffer = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    buffer.set(message, offset);
    offset += message.length;
  }
  return buffer;
}

/** As PGlite's execProtocol: every message up to the first error, which is thrown when asked. */
export function backendMessages(
  data: Uint8Array,
  {
    throwOnError = true,
    onNotice,
  }: { throwOnError?: boolean; onNotice?: (notice: messages.NoticeMessage) => void },
): messages.BackendMessage[] {
  const results: messages.BackendMessage[] = [];
  let databaseError: messages.DatabaseError | null = null;
  new protocol.Parser().parse(data, (message) => {
    if (databaseError) return;
    if (message instanceof messages.DatabaseError) {
      if (throwOnError) databaseError = message;
    } else if (message instanceof messages.NoticeMessage) onNotice?.(message);
    results.push(message);
  });
  if (databaseError) throw databaseError;
  return results;
}
