// How the bot's V8 heap is tuned, chosen at start-up by database engine. Node reads most flags only at
// start, but V8's --optimize-for-size steers garbage collection while the process runs, so the bot sets
// it itself once it knows the engine (package.json's `start` cannot: the engine is in .env).
import v8 from "node:v8";
import type { DatabaseTarget } from "./db/client.ts";

export type HeapTuning = "size" | "throughput";

/**
 * Embedded PGlite: size. The engine's WebAssembly memory already takes about 150 MB of the process, and
 * without the flag the heap grows ahead of need (a 20,000-account book under /account load: peak RSS
 * 280-320 MB without, 240-250 MB with, at the same throughput). PostgreSQL: throughput. The database
 * lives outside the process, and the flag's frequent collections cost the bot a fifth to a third of its
 * lookups per second (interleaved on one book: 326-496/s with, 506-580/s without).
 */
export function heapTuningFor(target: DatabaseTarget): HeapTuning {
  return target.kind === "pglite" ? "size" : "throughput";
}

/** Applies the tuning; call before the database opens, when the heap is still small. */
export function tuneHeap(target: DatabaseTarget): HeapTuning {
  const tuning = heapTuningFor(target);
  if (tuning === "size") v8.setFlagsFromString("--optimize-for-size");
  return tuning;
}
