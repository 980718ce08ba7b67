// The image's runtime, without Docker: the folder scripts/runtime-folder.mjs assembles, installed with
// the Dockerfile's own install command, made read-only, and run as a user who does not own it (as the
// image runs as `node` in a folder that belongs to root). The commands come from the Dockerfile itself,
// so the test runs what the image runs.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

/** The Dockerfile's commands, continuation lines joined. */
export function dockerfileCommands(): { install: string[]; start: string[]; healthcheck: string[] } {
  const dockerfile = readFileSync("Dockerfile", "utf8").replace(/\\\n\s*/g, " ");
  const exec = (pattern: RegExp) => JSON.parse(pattern.exec(dockerfile)?.[1] ?? "null") as string[];
  const install = /^RUN (npm ci --omit=dev[^&\n]*)/m.exec(dockerfile)?.[1]?.trim().split(/\s+/) ?? [];
  return { install, start: exec(/^CMD (\[.*\])$/m), healthcheck: exec(/^HEALTHCHECK .*? CMD (\[.*\])$/m) };
}

/** Whom the bot runs as: when the tests run as root, `nobody`, for whom the folder is read-only. */
const runAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export interface RuntimeFolder {
  /** The application folder (the image's /app). */
  app: string;
  /** An empty folder the bot may write (the image's /data). */
  dataDir: string;
  /** What `npm ci` printed. */
  installOutput: string;
  /** Runs `command` (its first word `node`) in the application folder, as the image's user. */
  spawn(command: string[], env: Record<string, string>): ChildProcess;
  remove(): void;
}

/** Assembles the runtime folder from the build in `distDir`, installs it and makes it read-only. */
export function installRuntimeFolder(distDir: string): RuntimeFolder {
  const folder = mkdtempSync(path.join(tmpdir(), "csm-runtime-"));
  const app = path.join(folder, "app");
  const dataDir = path.join(folder, "data");
  const assembled = spawnSync(process.execPath, ["scripts/runtime-folder.mjs", app, "--dist", distDir], {
    encoding: "utf8",
  });
  if (assembled.status !== 0) throw new Error(`runtime-folder.mjs failed: ${assembled.stderr}`);
  const [npm, ...args] = dockerfileCommands().install;
  // npm's own cache (--prefer-offline) keeps the install to seconds; the packages are the lockfile's.
  const installed = spawnSync(npm as string, [...args, "--prefer-offline"], {
    cwd: app,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: homedir(), npm_config_update_notifier: "false" },
  });
  const installOutput = installed.stdout + installed.stderr;
  if (installed.status !== 0) throw new Error(`npm ci failed: ${installOutput}`);
  setWritable(app, false);
  mkdirSync(dataDir);
  if (runAs.uid !== undefined) {
    chownSync(dataDir, runAs.uid, runAs.gid);
    // The user may pass through the run's temporary folders to reach the application's.
    for (const dir of [tmpdir(), folder]) chmodSync(dir, lstatSync(dir).mode | 0o011);
  }
  return {
    app,
    dataDir,
    installOutput,
    spawn: ([, ...args], env) =>
      spawn(process.execPath, args, { cwd: app, env: { PATH: process.env.PATH ?? "", ...env }, ...runAs }),
    remove() {
      setWritable(app, true);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Adds or takes away everyone's write permission on a tree (symbolic links left alone). */
function setWritable(target: string, writable: boolean): void {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory())
    for (const name of readdirSync(target)) setWritable(path.join(target, name), writable);
  chmodSync(target, writable ? stat.mode | 0o200 : stat.mode & ~0o222);
}

/** Bytes in a tree's files. */
export function treeSize(target: string): number {
  const stat = lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, name) => sum + treeSize(path.join(target, name)), 0);
}
