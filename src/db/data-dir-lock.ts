// The embedded database (PGlite) can be opened by one process at a time. A lock file in DATA_DIR
// records who holds it; a second process fails at once with a message instead of waiting or
// corrupting the data. A lock left by a process that died is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export interface LockHolder {
  pid: number;
  role: "bot" | "cli";
  command: string;
  since: string;
}

export class DataDirBusyError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly holder: LockHolder,
  ) {
    const who = holder.role === "bot" ? "the bot" : `another csm command (${holder.command})`;
    super(
      `${who} (pid ${holder.pid}, since ${holder.since}) holds the embedded database in ${dataDir}. ` +
        (holder.role === "bot"
          ? "Stop the bot, run this command, then start the bot again; or move to PostgreSQL (DATABASE_URL), where the CLI and any number of bots work side by side."
          : "Wait for it to finish, then try again."),
    );
    this.name = "DataDirBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirBusyError. Returns the release function. */
export function lockDataDir(dataDir: string, role: LockHolder["role"], command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "csm.lock");
  const me: LockHolder = { pid: process.pid, role, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        try {
          const holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
          if (holder.pid === process.pid) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: LockHolder | null = null;
      try {
        holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
      } catch {
        holder = null; // half-written or unreadable: treat as stale
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DataDirBusyError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
