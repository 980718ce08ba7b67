// Runs the `csm` CLI in-process against its own fresh database (an on-disk PGlite data directory,
// or a new PostgreSQL database when the suite runs on PostgreSQL) or the one the caller names,
// capturing what it prints.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.ts";
import { type Database, type DatabaseTarget, openDatabase } from "../../src/db/client.ts";
import { freshTarget } from "./database.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  env: Record<string, string>;
  run(...argv: string[]): Promise<CliRun>;
  /** Runs a command as from a terminal: stderr is a TTY, so progress shows there. */
  runOnTerminal(...argv: string[]): Promise<CliRun>;
  /** Writes a file in the sandbox's folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  /** Opens the sandbox's database (while no CLI command runs) and closes it afterwards. */
  inspect<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  destroy(): Promise<void>;
}

export async function cliSandbox(env: Record<string, string> = {}): Promise<CliSandbox> {
  const folder = mkdtempSync(path.join(tmpdir(), "csm-cli-"));
  // A caller that names a database (the running bot's) works on that one, which is not the sandbox's
  // to drop; otherwise the sandbox gets a fresh one of its own.
  const own = env.DATABASE_URL || env.DATA_DIR ? null : await freshTarget();
  const dbEnv: Record<string, string> =
    own?.target.kind === "postgres"
      ? { DATABASE_URL: own.target.url }
      : { DATA_DIR: path.join(folder, "data") };
  const fullEnv: Record<string, string> = { LOG_LEVEL: "warn", ...dbEnv, ...env };
  const target: DatabaseTarget = fullEnv.DATABASE_URL
    ? { kind: "postgres", url: fullEnv.DATABASE_URL }
    : { kind: "pglite", dataDir: fullEnv.DATA_DIR as string };
  const runWith = async (argv: string[], isTTY: boolean): Promise<CliRun> => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, fullEnv, {
      stdout: { write: (text: string) => (stdout += text), isTTY },
      stderr: { write: (text: string) => (stderr += text), isTTY },
    });
    return { code, stdout, stderr };
  };
  return {
    env: fullEnv,
    run: (...argv) => runWith(argv, false),
    runOnTerminal: (...argv) => runWith(argv, true),
    file(name, content) {
      const filePath = path.join(folder, name);
      writeFileSync(filePath, content);
      return filePath;
    },
    async inspect(fn) {
      const db = await openDatabase(target);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async destroy() {
      rmSync(folder, { recursive: true, force: true });
      await own?.drop();
    },
  };
}
