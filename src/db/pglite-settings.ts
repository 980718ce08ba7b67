// The settings every embedded PostgreSQL of ours starts with: the bot's and the CLI's (db/pglite-server.ts),
// and the short-lived one that creates a new data directory's cluster (db/pglite-cluster.ts).

/**
 * PGlite keeps PostgreSQL's shared buffers inside its WebAssembly memory, which never shrinks. Its
 * default of 128 MB would be most of the bot's resident memory (the bot's memory target,
 * docs/benchmarks.md); the operating system's page cache keeps the files' pages behind a small pool, and
 * lookups on a 20,000-account book answer as fast with 16 MB.
 */
export const pgliteSharedBuffers = "16MB";

/** PGlite's own start parameters, and ours after them. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, "-c", `shared_buffers=${pgliteSharedBuffers}`];
}
