// CLI commands of the health model: signal imports, the score configuration, a full re-score.
import path from "node:path";
import { formatProblem } from "../domain/csv-records.ts";
import { parseSignalsCsv, signalColumnOf } from "../domain/signals-csv.ts";
import { rescoreAccounts } from "../services/health-scoring.ts";
import { loadHealthConfig, saveHealthConfig } from "../services/health-settings.ts";
import {
  checkSignals,
  type SignalProblem,
  type StoredSignals,
  storeSignals,
} from "../services/signal-ingest.ts";
import type { CliCommand, CliContext } from "./command.ts";
import { commandArgs, readInputFile, sub } from "./command.ts";
import { CliFailure, formatCount } from "./output.ts";

async function importSignals(context: CliContext, file: string): Promise<void> {
  const now = context.clock();
  const stored = await storeSignalFile(context, file);
  const rescored = await rescoreWatched(context, stored.accountIds, now);
  context.summary(
    `Imported ${formatCount(stored.received, "signal snapshot")} for ${formatCount(stored.accountIds.length, "account")}; ` +
      `re-scored ${rescored.scored}, ${formatCount(rescored.playsOpened, "play")} opened, ${rescored.playsClosed} self-closed.`,
    { file, snapshots: stored.received, accounts: stored.accountIds.length, ...rescored },
  );
}

/** A re-score, with the accounts scored so far on the status line. */
async function rescoreWatched(context: CliContext, accountIds: string[] | "all", now: Date) {
  context.progress("Re-scoring accounts…");
  const summary = await rescoreAccounts(context.db, accountIds, now, (scored, total) =>
    context.progress(
      `Re-scoring accounts… ${scored.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`,
    ),
  );
  context.progress("");
  return summary;
}

/**
 * Checks and stores the file's snapshots (all or nothing). A function of its own so that the file's
 * rows, and then its snapshots, are garbage by the time the re-score runs: that reads its accounts a
 * batch at a time and needs only their ids.
 */
async function storeSignalFile(context: CliContext, file: string): Promise<StoredSignals> {
  const signals = await checkSignalFile(context, file);
  context.progress(`Importing ${formatCount(signals.length, "signal")}…`);
  return storeSignals(context.db, signals, context.actor);
}

/** Reads the file and checks every snapshot; any problem fails the import before anything is written. */
async function checkSignalFile(context: CliContext, file: string) {
  const bytes = await readInputFile(file, "a CSV or JSON file");
  let items: unknown[];
  let where: (problem: SignalProblem) => string;
  if (path.extname(file).toLowerCase() === ".json") {
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new CliFailure(`csm: ${file} is not valid JSON: ${(error as Error).message}`);
    }
    const list = Array.isArray(body) ? body : (body as { signals?: unknown })?.signals;
    if (!Array.isArray(list))
      throw new CliFailure(`csm: ${file} must hold a JSON array or { "signals": [ ... ] }`);
    items = list;
    // Items counted from 1 here, as a person reads a file.
    where = (p) =>
      `item ${p.index + 1}, field ${p.field}: ${p.duplicateOf === undefined ? p.message : `same account and date as item ${p.duplicateOf + 1}`}`;
  } else {
    const csv = parseSignalsCsv(bytes);
    if (csv.problems.length) failWith(context, file, csv.problems.map(formatProblem));
    items = csv.items;
    const lines = csv.lines;
    where = (p) =>
      formatProblem({
        line: lines[p.index] ?? 0,
        column: signalColumnOf(p.field),
        reason:
          p.duplicateOf === undefined
            ? p.message
            : `same account and date as line ${lines[p.duplicateOf] ?? 0}`,
      });
  }
  context.progress(`Checking ${formatCount(items.length, "signal")}…`);
  const checked = await checkSignals(context.db, items);
  context.progress("");
  if (!checked.ok) failWith(context, file, checked.problems.map(where));
  return checked.signals;
}

function failWith(context: CliContext, file: string, lines: string[]): never {
  for (const line of lines) context.err(line);
  throw new CliFailure(
    `${formatCount(lines.length, "problem")} in ${file}; nothing was imported. Fix the file and run the import again.`,
  );
}

export const healthCommands: CliCommand[] = [
  {
    matches: sub("import", "signals"),
    checkArgs: (rest) => void commandArgs(rest, 1, "import signals <file.csv|file.json>"),
    async run(context, rest) {
      const [file] = commandArgs(rest, 1, "import signals <file.csv|file.json>");
      await importSignals(context, file as string);
    },
  },
  {
    matches: (group, rest) => group === "health" && rest[0] === "config" && (rest[1] ?? "show") === "show",
    async run(context) {
      context.out(JSON.stringify(await loadHealthConfig(context.db.client), null, 2));
    },
  },
  {
    matches: (group, rest) => group === "health" && rest[0] === "config" && rest[1] === "set",
    checkArgs: (rest) => void commandArgs(rest, 2, "health config set <file.json>"),
    async run(context, rest) {
      const [, file] = commandArgs(rest, 2, "health config set <file.json>") as [string, string];
      let input: unknown;
      try {
        input = JSON.parse((await readInputFile(file, "a JSON file")).toString("utf8"));
      } catch (error) {
        if (error instanceof CliFailure) throw error;
        throw new CliFailure(`csm: ${file} is not valid JSON: ${(error as Error).message}`);
      }
      const saved = await saveHealthConfig(context.db, input, context.actor);
      if (!saved.ok) {
        for (const problem of saved.problems) context.err(problem);
        throw new CliFailure(
          `${formatCount(saved.problems.length, "problem")} in ${file}; the configuration was not changed.`,
        );
      }
      const summary = await rescoreWatched(context, "all", context.clock());
      context.summary(
        `Health configuration saved; re-scored ${formatCount(summary.scored, "account")}: ${summary.playsOpened} plays opened, ${summary.playsClosed} self-closed.`,
        { saved: true, ...summary },
      );
    },
  },
  {
    matches: sub("health", "rescore"),
    async run(context) {
      const summary = await rescoreWatched(context, "all", context.clock());
      context.summary(
        `Re-scored ${formatCount(summary.scored, "account")}: ${summary.playsOpened} plays opened, ${summary.playsClosed} self-closed.`,
        summary,
      );
    },
  },
];
