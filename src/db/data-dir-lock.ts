// The embedded database (PGlite) is opened by one process at a time: the bot, which serves it to CLI
// commands on its socket, or a CLI command while the bot is not running. A lock file in DATA_DIR records
// who holds it and, once the bot serves it, where its socket is. A lock left by a process that died is
// taken over.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export interface LockHolder {
  pid: number;
  role: "bot" | "cli";
  command: string;
  since: string;
  /** The folder of the socket the holder serves the database on, once it does (the bot). */
  socketDir?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly holder: LockHolder,
  ) {
    super(`${describeHolder(holder)} holds the embedded database in ${dataDir}.`);
    this.name = "DataDirBusyError";
  }
}

export function describeHolder(holder: LockHolder): string {
  const who = holder.role === "bot" ? "the bot" : `another csm command (${holder.command})`;
  return `${who} (pid ${holder.pid}, since ${holder.since})`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DataDirLock {
  /** Records where the holder serves the database, for CLI commands to connect to. */
  announceSocket(socketDir: string): void;
  release(): void;
}

/** Takes the lock or throws DataDirBusyError. */
export function lockDataDir(dataDir: string, role: LockHolder["role"], command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "csm.lock");
  const me: LockHolder = { pid: process.pid, role, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
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
      return {
        release,
        announceSocket(socketDir) {
          // Written aside and renamed over the lock, so a reader never sees half of it.
          const next = `${file}.${process.pid}`;
          writeFileSync(next, JSON.stringify({ ...me, socketDir }), { mode: 0o600 });
          renameSync(next, file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: LockHolder | null = null;
      try {
        holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
      } catch {
        holder = null; // half-written or unreadable: treat as stale
      }
      if (holder && isAlive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
