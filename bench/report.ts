// The bench's table: one row per target, one column per engine, each cell a figure and ✔ or ✗ (or no
// mark when the figure could not be measured), then a summary line.
import type { During, EngineResult } from "./engine.ts";
import { type Lookups, percentile } from "./load.ts";
import type { MetricsBench } from "./metrics.ts";
import { type CsmRun, failure } from "./processes.ts";

/** An engine's column: its results, or why there are none. */
export type Column<R = EngineResult> = { engine: string; result: R | string };

export interface Cell {
  text: string;
  met?: boolean;
}

export interface Row<R = EngineResult> {
  measure: string;
  target: string;
  cell(result: R): Cell;
}

export const count = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : count(n)} ms`;
export const errors = (lookups: Lookups) => (lookups.errors ? `, ${count(lookups.errors)} errors` : "");

function duringCell(during: During | string, what: string): Cell {
  if (typeof during === "string") return { text: during };
  const { lookups } = during;
  const p99 = percentile(lookups.latencies, 99);
  const max = Math.max(...lookups.latencies);
  return {
    text: `p99 ${ms(p99)}, max ${ms(max)} (${count(lookups.latencies.length)} lookups; ${what} ${during.seconds.toFixed(1)} s${errors(lookups)})`,
    met: p99 <= 500 && max <= 3000 && lookups.errors === 0,
  };
}

function importCell(run: CsmRun | null | undefined, timeoutSeconds: number): Cell {
  if (run === undefined) return { text: "skipped (--skip-import)" };
  if (run === null) return { text: "not run (the first import did not finish)" };
  if (run.code === null) return { text: `timed out after ${timeoutSeconds} s`, met: false };
  if (run.code !== 0) return { text: failure(run), met: false };
  return {
    text: `${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
    met: run.seconds < 60 && run.peakRssMb < 500,
  };
}

/** `csm metrics` on the book with its ledger: the company, the first run after the ledger import. */
export function metricsRow(accounts: number): Row<{ metrics?: MetricsBench | string }> {
  return {
    measure: `\`csm metrics\`, the company's trailing 12 months, ${count(accounts)} accounts with 3 years of ledger`,
    target: "< 1 s",
    cell: ({ metrics }) => {
      if (metrics === undefined) return { text: "not run" };
      if (typeof metrics === "string") return { text: metrics, met: false };
      const load = metrics.ledgerImport;
      return {
        text: `${ms(metrics.companyMs)} (again ${ms(metrics.againMs)}; one CSM's book ${ms(metrics.oneBookMs)}; NRR ${metrics.nrr}%; \`csm import arr\` of ${count(metrics.ledgerRows)} rows ${load.seconds.toFixed(1)} s, peak RSS ${load.peakRssMb.toFixed(0)} MB)`,
        met: metrics.companyMs < 1000,
      };
    },
  };
}

export function targetRows(sizes: {
  accounts: number;
  signals: number;
  importRows: number;
  importTimeoutSeconds: number;
}): Row[] {
  return [
    {
      measure: "`/account` answer p99 at a steady 50 lookups/s (open loop, after warm-up)",
      target: "≤ 50 ms",
      cell: ({ steady }) => {
        const p99 = percentile(steady.latencies, 99);
        return {
          text: `p99 ${ms(p99)} (p50 ${ms(percentile(steady.latencies, 50))}, max ${ms(Math.max(...steady.latencies))}${errors(steady)})`,
          met: p99 <= 50 && steady.errors === 0,
        };
      },
    },
    {
      measure: "`/account` capacity with 20 in flight, against a bare Bolt app's acks in the same run",
      target: "≥ 0.25×",
      cell: ({ capacity: { bot, bare } }) => ({
        text: `${(bot / bare).toFixed(2)}× (${count(bot)}/s; bare ${count(bare)}/s)`,
        met: bot / bare >= 0.25,
      }),
    },
    {
      measure: `\`/account\` answer at 10/s while a ${count(sizes.signals)}-row HTTP signal ingest runs`,
      target: "p99 ≤ 500 ms, none over 3 s",
      cell: ({ duringIngest }) => duringCell(duringIngest, "ingest"),
    },
    {
      measure: "`/account` answer at 10/s while a full re-score runs (`csm health rescore`)",
      target: "p99 ≤ 500 ms, none over 3 s",
      cell: ({ duringRescore }) => duringCell(duringRescore, "re-score"),
    },
    {
      measure: "peak RSS of the bot, whole run",
      target: "< 300 MB",
      cell: ({ botPeakRssMb }) => ({ text: `${botPeakRssMb.toFixed(0)} MB`, met: botPeakRssMb < 300 }),
    },
    {
      measure: `\`csm import accounts\`, ${count(sizes.importRows)} new rows`,
      target: "< 60 s, peak RSS < 500 MB",
      cell: ({ imports }) => importCell(imports?.fresh, sizes.importTimeoutSeconds),
    },
    {
      measure: `\`csm import accounts\`, the same ${count(sizes.importRows)} rows, every one changed`,
      target: "< 60 s, peak RSS < 500 MB",
      cell: ({ imports }) => importCell(imports ? imports.changed : undefined, sizes.importTimeoutSeconds),
    },
    metricsRow(sizes.accounts),
  ];
}

/** Prints the table and a summary line. */
export function printReport<R>(title: string, rows: Row<R>[], columns: Column<R>[]): void {
  const tally = new Map(columns.map(({ engine }) => [engine, { met: 0, missed: 0, unmeasured: 0 }]));
  const line = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
  console.log(`\n${title}\n`);
  line(["measure", ...columns.map(({ engine }) => engine), "target"]);
  line(["---", ...columns.map(() => "---"), "---"]);
  for (const row of rows) {
    const cells = columns.map(({ engine, result }) => {
      const cell = typeof result === "string" ? { text: result } : row.cell(result);
      const counts = tally.get(engine) as { met: number; missed: number; unmeasured: number };
      if (cell.met === undefined) counts.unmeasured++;
      else if (cell.met) counts.met++;
      else counts.missed++;
      return cell.met === undefined ? cell.text : `${cell.text} ${cell.met ? "✔" : "✗"}`;
    });
    line([row.measure, ...cells, row.target]);
  }
  const summary = [...tally].map(
    ([engine, { met, missed, unmeasured }]) =>
      `${engine} ${met} of ${rows.length} met${missed ? `, ${missed} missed` : ""}${unmeasured ? `, ${unmeasured} not measured` : ""}`,
  );
  const allMet = [...tally.values()].every(({ met }) => met === rows.length);
  console.log(`\nSummary: ${allMet ? "every target met" : "NOT every target met"}; ${summary.join("; ")}.`);
}
