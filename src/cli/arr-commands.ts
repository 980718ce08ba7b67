// `csm import arr <file.csv>` (the ARR ledger) and `csm metrics` (NRR, GRR and the rest, for a scope
// and a period).

import { readSegment } from "../domain/accounts-csv.ts";
import { formatProblem } from "../domain/csv-records.ts";
import { parseLedgerCsv } from "../domain/ledger-csv.ts";
import { isoDayToDate } from "../domain/lifecycle.ts";
import { type Period, quarterToDate, trailingTwelveMonths } from "../domain/metrics/period.ts";
import { formatArr, formatMoney } from "../domain/money.ts";
import { importArrLedger } from "../services/arr-ledger-import.ts";
import { MetricsError, type MetricsScope, scopeMetrics } from "../services/metrics.ts";
import { type CliCommand, commandArgs, readInputFile, sub, UsageError } from "./command.ts";
import { metricsTable } from "./metrics-table.ts";
import { CliFailure, formatCount } from "./output.ts";

const metricsShape =
  "metrics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--qtd] [--user <slack-id|email>...|--segment S|--team <manager>]";

export interface MetricsArgs {
  from: string | null;
  to: string | null;
  quarterToDate: boolean;
  scope: MetricsScope;
}

export function parseMetricsArgs(rest: string[]): MetricsArgs {
  const args: MetricsArgs = { from: null, to: null, quarterToDate: false, scope: { kind: "company" } };
  const setScope = (scope: MetricsScope) => {
    if (args.scope.kind !== "company")
      throw new UsageError(`give one of --user, --segment and --team: ${metricsShape}`);
    args.scope = scope;
  };
  for (let i = 1; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = () => {
      const next = rest[++i];
      if (!next || next.startsWith("--")) throw new UsageError(`${arg} needs a value: ${metricsShape}`);
      return next;
    };
    if (arg === "--from") args.from = day(arg, value());
    else if (arg === "--to") args.to = day(arg, value());
    else if (arg === "--qtd") args.quarterToDate = true;
    else if (arg === "--segment") {
      const text = value();
      const segment = readSegment(text);
      if (!segment.ok) throw new UsageError(`--segment: ${segment.reason}`);
      setScope({ kind: "segment", segment: segment.value });
    } else if (arg === "--team") setScope({ kind: "team", manager: value() });
    else if (arg === "--user") {
      const refs = [value()];
      while (rest[i + 1] && !rest[i + 1]?.startsWith("--")) refs.push(rest[++i] as string);
      if (args.scope.kind === "users") args.scope.refs.push(...refs);
      else setScope({ kind: "users", refs });
    } else throw new UsageError(`unexpected "${arg}": ${metricsShape}`);
  }
  if (args.quarterToDate && args.from) throw new UsageError("--qtd and --from both set the start; give one");
  if (args.from && args.to && args.from >= args.to)
    throw new UsageError(`--from ${args.from} is not before --to ${args.to}`);
  return args;
}

function day(flag: string, text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || isoDayToDate(text).toISOString().slice(0, 10) !== text)
    throw new UsageError(`${flag} takes a real date as YYYY-MM-DD, not "${text}"`);
  return text;
}

function periodOf(args: MetricsArgs, today: string): Period {
  const to = args.to ?? today;
  if (args.from) return { from: args.from, to };
  const period = args.quarterToDate ? quarterToDate(to) : trailingTwelveMonths(to);
  if (period.from >= period.to)
    throw new CliFailure(`csm: the quarter starts on ${to}: nothing to measure yet`);
  return period;
}

export const arrCommands: CliCommand[] = [
  {
    matches: sub("import", "arr"),
    checkArgs: (rest) => void commandArgs(rest, 1, "import arr <file.csv>"),
    async run(context, rest) {
      const [file] = commandArgs(rest, 1, "import arr <file.csv>");
      const parsed = parseLedgerCsv(await readInputFile(file as string, "a CSV file"));
      const result = await importArrLedger(
        { db: context.db, clock: context.clock, actor: context.actor },
        parsed,
      );
      if (!result.ok) {
        for (const problem of result.problems) context.err(formatProblem(problem));
        throw new CliFailure(
          `${formatCount(result.problems.length, "problem")} in ${file}; nothing was imported. Fix the file and run the import again.`,
        );
      }
      const s = result.summary;
      for (const m of s.mismatches)
        context.err(
          `warning: ${m.externalId} (${m.name}): its ledger sums to ${formatMoney(m.ledger)} but its ARR is ${formatArr(m.arr)}`,
        );
      context.summary(
        `Imported ${file}: ${formatCount(s.rows, "movement")} for ${formatCount(s.accounts, "account")}: ` +
          `${s.replaced} ledgers replaced, ${s.unchanged} unchanged; ${formatCount(s.mismatches.length, "account")} whose ledger does not sum to its ARR.`,
        { file, ...s },
      );
    },
  },
  {
    matches: (group) => group === "metrics",
    checkArgs: (rest) => void parseMetricsArgs(["metrics", ...rest]),
    async run(context, rest) {
      const args = parseMetricsArgs(["metrics", ...rest]);
      const today = context.clock().toISOString().slice(0, 10);
      const metrics = await scopeMetrics(context.db, args.scope, periodOf(args, today), today).catch(
        (error) => {
          throw error instanceof MetricsError ? new CliFailure(`csm: ${error.message}`) : error;
        },
      );
      context.summary(metricsTable(metrics), metrics);
    },
  },
];
