// The settings every embedded PostgreSQL of ours starts with: the bot's and the CLI's (db/client.ts),
// and the short-lived one that creates a new data directory's cluster (db/pglite-cluster.ts).

/**
 * PGlite keeps PostgreSQL's shared buffers inside its WebAssembly memory, which never shrinks. Its
 * default of 128 MB is most of the bot's resident memory; 32 MB holds a 20,000-account book's hot pages
 * (indexes, the accounts table) and the operating system's page cache keeps the rest of the files.
 */
export const pgliteSharedBuffers = "32MB";

/** PGlite's own start parameters, and ours after them. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, "-c", `shared_buffers=${pgliteSharedBuffers}`];
}
