// The embedded database (PGlite) is opened by one process at a time: the bot, which serves it to CLI
// commands on its socket, or a CLI command while the bot is not running. A lock file in DATA_DIR records
// who holds it and, once the bot serves it, where its socket is. A lock left by a process that died, or
// naming a pid that a later process has been given, is taken over.
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
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
  /** The kernel's start time of the holder (Linux), which tells it from a later process with its pid. */
  startTime?: string;
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

/** DATA_DIR names something that is not an embedded database: a file, or a folder of other files. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataDirError";
  }
}

export function describeHolder(holder: LockHolder): string {
  const who = holder.role === "bot" ? "the bot" : `another csm command (${holder.command})`;
  return `${who} (pid ${holder.pid}, since ${holder.since})`;
}

/** Whether the process a lock names still holds it: alive, and the same process that wrote it. */
function holds(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(holder.pid);
  if (holder.startTime && started) return started === holder.startTime;
  // A lock without a start time, or no /proc: a process that is not Node cannot be the bot or csm.
  const commandLine = commandLineOf(holder.pid);
  return commandLine === null || /node|csm|main\.mjs/.test(commandLine);
}

/** Field 22 of /proc/<pid>/stat, after the command name (which may hold spaces and parentheses). */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return null;
  }
}

/** What a data directory holds: PostgreSQL's cluster, its lock and socket, a cluster being built. */
const dataDirEntry =
  /^(PG_VERSION|base|global|pg_.+|postgresql\..+|postmaster\..+|csm\.lock.*|socket|\.initdb-.+|lost\+found)$/;

/** Refuses a DATA_DIR that is a file, or a folder of other things: the bot would write its cluster among them. */
function checkDataDir(dataDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR")
      throw new DataDirError(`DATA_DIR ${dataDir} is a file; it must name a folder (created when missing)`);
    throw error;
  }
  const foreign = entries.filter((name) => !dataDirEntry.test(name));
  if (foreign.length === 0) return;
  const shown =
    foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : "");
  throw new DataDirError(
    `DATA_DIR ${dataDir} is not an embedded database: it holds ${shown}. Set DATA_DIR to a new or empty folder, or to the bot's data folder`,
  );
}

export interface DataDirLock {
  /** Records where the holder serves the database, for CLI commands to connect to. */
  announceSocket(socketDir: string): void;
  release(): void;
}

/** Takes the lock or throws DataDirBusyError (or DataDirError when DATA_DIR is not a data directory). */
export function lockDataDir(dataDir: string, role: LockHolder["role"], command: string): DataDirLock {
  checkDataDir(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "csm.lock");
  const startTime = startTimeOf(process.pid);
  const me: LockHolder = {
    pid: process.pid,
    role,
    command,
    since: new Date().toISOString(),
    ...(startTime ? { startTime } : {}),
  };
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
      if (holder && holds(holder)) throw new DataDirBusyError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
