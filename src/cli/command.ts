// What every CLI command is made of: how it matches the command line, what it gets to work with.
import { readFile } from "node:fs/promises";
import type { Database } from "../db/client.ts";
import type { Actor } from "../db/repositories/audit.ts";
import type { Clock, Notifier, SlackDirectory } from "../services/ports.ts";
import { CliFailure } from "./output.ts";

export class UsageError extends Error {}

export interface CliContext {
  db: Database;
  directory: SlackDirectory | null;
  /** Posts to Slack; null without SLACK_BOT_TOKEN. */
  notifier: Notifier | null;
  actor: Actor;
  clock: Clock;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Rewrites one status line on a terminal; silent otherwise, and with --json. "" clears it. */
  progress: (line: string) => void;
  /** What a command did: `text` for people, or `data` as JSON with --json. */
  summary: (text: string, data: object) => void;
}

export interface CliCommand {
  matches(group: string, rest: string[]): boolean;
  /** Throws UsageError for a wrong command line, before the database is opened (or created). */
  checkArgs?(rest: string[]): void;
  run(context: CliContext, rest: string[]): Promise<void>;
}

export const sub = (group: string, name: string) => (g: string, rest: string[]) =>
  g === group && rest[0] === name;

export function commandArgs(rest: string[], count: number, shape: string): string[] {
  const values = rest.slice(1);
  if (values.length !== count) throw new UsageError(`expected: ${shape}`);
  return values;
}

/** Reads a file named on the command line; `kind` is what it should be ("a CSV file"), for the messages. */
export async function readInputFile(file: string, kind: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? `no such file: ${file}`
        : code === "EISDIR"
          ? `${file} is a folder, not ${kind}`
          : code === "EACCES"
            ? `${file} may not be read (permission denied)`
            : `cannot read ${file}: ${(error as Error).message}`;
    throw new CliFailure(`csm: ${why}`);
  }
}
