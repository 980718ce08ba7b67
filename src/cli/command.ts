// What every CLI command is made of: how it matches the command line, what it gets to work with.
import { readFile } from "node:fs/promises";
import type { Database } from "../db/client.ts";
import type { Actor } from "../db/repositories/audit.ts";
import type { Clock, SlackDirectory } from "../services/ports.ts";
import { CliFailure } from "./output.ts";

export class UsageError extends Error {}

export interface CliContext {
  db: Database;
  directory: SlackDirectory | null;
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
  run(context: CliContext, rest: string[]): Promise<void>;
}

export const sub = (group: string, name: string) => (g: string, rest: string[]) =>
  g === group && rest[0] === name;

export function commandArgs(rest: string[], count: number, shape: string): string[] {
  const values = rest.slice(1);
  if (values.length !== count) throw new UsageError(`expected: ${shape}`);
  return values;
}

export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CliFailure(
      `csm: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
