// Reads an ARR ledger export (`csm import arr`): one row per ARR movement, with the CRM id, the day it
// took effect, its type and its size. Pure: bytes in, checked movements and every problem (line,
// column, reason) out. Each account's rows must make a ledger that holds together: a churn takes the
// whole ARR, a contraction leaves some, a reactivation follows a churn.

import {
  cellReader,
  fail,
  headerKey,
  isoDay,
  ok,
  type Reading,
  readDate,
  readHeader,
} from "./csv-columns.ts";
import { type CsvProblem, dataRecords, readCsv } from "./csv-records.ts";
import type { ChurnKind, MovementKind } from "./metrics/retention.ts";
import { centsOf, formatMoney, fromCents, parseMoney } from "./money.ts";

export interface LedgerRow {
  line: number;
  externalId: string;
  date: Date;
  kind: MovementKind;
  churnType: ChurnKind | null;
  /** Positive magnitude, rounded to the cent half-even. */
  cents: bigint;
  reason: string | null;
}

export const ledgerColumns = ["external_id", "date", "type", "amount", "reason"] as const;
type LedgerColumn = (typeof ledgerColumns)[number];
const aliases: Record<LedgerColumn, readonly string[]> = {
  external_id: ["Account ID", "Record ID", "Company ID", "External ID", "CRM ID"],
  date: ["Effective Date", "Movement Date"],
  type: ["Movement Type", "Kind"],
  amount: ["ARR Change", "Amount (USD)"],
  reason: ["Churn Reason", "Notes"],
};
const required: readonly LedgerColumn[] = ["external_id", "date", "type", "amount"];

const types: Record<string, { kind: MovementKind; churnType: ChurnKind | null }> = {
  new: { kind: "new", churnType: null },
  expansion: { kind: "expansion", churnType: null },
  contraction: { kind: "contraction", churnType: null },
  reactivation: { kind: "reactivation", churnType: null },
  churnvoluntary: { kind: "churn", churnType: "voluntary" },
  voluntarychurn: { kind: "churn", churnType: "voluntary" },
  churninvoluntary: { kind: "churn", churnType: "involuntary" },
  involuntarychurn: { kind: "churn", churnType: "involuntary" },
};
const typeNames = "new, expansion, contraction, churn_voluntary, churn_involuntary or reactivation";

export function parseLedgerCsv(input: string | Buffer): { rows: LedgerRow[]; problems: CsvProblem[] } {
  const { records, problems } = readCsv(input);
  const [header, ...body] = records;
  if (!header) {
    if (!problems.length) problems.push({ line: 1, column: "", reason: "the file is empty" });
    return { rows: [], problems };
  }
  const layout = readHeader(header, ledgerColumns, aliases, required);
  if (layout.problems.length) return { rows: [], problems: [...layout.problems, ...problems] };
  const rows: LedgerRow[] = [];
  for (const record of dataRecords(body, header, problems)) {
    const found: CsvProblem[] = [];
    const cell = cellReader(record, layout.index, found);
    const externalId = cell("external_id", ok);
    const date = cell("date", readDate);
    const type = cell("type", readType);
    const cents = cell("amount", readAmount);
    const reason = cell("reason", ok);
    for (const [column, value] of [
      ["external_id", externalId],
      ["date", date],
      ["type", type],
      ["amount", cents],
    ] as const)
      if (value === null && !found.some((p) => p.column === column))
        found.push({ line: record.line, column, reason: `the ${column.replace("_", " ")} is blank` });
    problems.push(...found);
    if (found.length || !externalId || !date || !type || cents === null) continue;
    rows.push({ line: record.line, externalId, date, ...type, cents, reason });
  }
  problems.push(...ledgerProblems(rows));
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

function readType(text: string): Reading<{ kind: MovementKind; churnType: ChurnKind | null }> {
  const type = types[headerKey(text)];
  if (type) return ok(type);
  if (headerKey(text) === "churn")
    return fail(`"${text}" does not say whether it was voluntary: use churn_voluntary or churn_involuntary`);
  return fail(`"${text}" is not a movement type; use ${typeNames}`);
}

/** A positive amount in dollars; more than two decimals round to the cent, half to even. */
function readAmount(text: string): Reading<bigint> {
  if (/^[-\u2212(]/.test(text))
    return fail(
      `"${text}" is negative; amounts are positive, the type (contraction, churn) gives the direction`,
    );
  const extra = /^(.*\.\d{2})(\d+)$/.exec(text);
  const read = parseMoney(extra ? (extra[1] as string) : text);
  if (!read.ok) return fail(read.reason);
  let cents = centsOf(read.value);
  if (extra) {
    const rest = extra[2] as string;
    const half = "5".padEnd(rest.length, "0");
    if (rest > half || (rest === half && cents % 2n === 1n)) cents += 1n;
  }
  return cents > 0n ? ok(cents) : fail("the amount is 0; a movement changes the ARR");
}

/**
 * The rows of each account, in date order (the file's order within a day), must make a ledger that
 * holds together; a row that does not is reported on its line.
 */
function ledgerProblems(rows: readonly LedgerRow[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const byAccount = new Map<string, LedgerRow[]>();
  for (const row of rows) byAccount.set(row.externalId, [...(byAccount.get(row.externalId) ?? []), row]);
  for (const ledger of byAccount.values()) {
    let arr = 0n;
    let churned = false;
    for (const row of sortLedger(ledger)) {
      const problem = rowProblem(row, arr, churned);
      if (problem) {
        problems.push({ line: row.line, column: problem.column, reason: problem.reason });
        continue;
      }
      arr += row.kind === "contraction" || row.kind === "churn" ? -row.cents : row.cents;
      if (row.kind === "churn") churned = true;
    }
  }
  return problems;
}

/** Date order; rows of the same day keep the file's order. */
export function sortLedger<T extends { date: Date; line: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.date.getTime() - b.date.getTime() || a.line - b.line);
}

function rowProblem(
  row: LedgerRow,
  arr: bigint,
  churned: boolean,
): { column: string; reason: string } | null {
  const on = `on ${isoDay(row.date)}`;
  const money = (cents: bigint) => formatMoney(fromCents(cents));
  switch (row.kind) {
    case "new":
      if (arr > 0n)
        return { column: "type", reason: `the account already has ${money(arr)} ARR ${on}; use expansion` };
      if (churned)
        return { column: "type", reason: `the account churned before ${isoDay(row.date)}; use reactivation` };
      return null;
    case "reactivation":
      if (arr > 0n)
        return { column: "type", reason: `the account still has ${money(arr)} ARR ${on}; use expansion` };
      if (!churned)
        return { column: "type", reason: `the account has no churn before ${isoDay(row.date)}; use new` };
      return null;
    case "expansion":
    case "contraction":
      if (arr === 0n)
        return { column: "type", reason: `the account has no ARR ${on}; use new or reactivation` };
      if (row.kind === "contraction" && row.cents >= arr)
        return {
          column: "amount",
          reason: `a contraction of ${money(row.cents)} leaves nothing of the ${money(arr)} ARR ${on}; a loss of all of it is a churn`,
        };
      return null;
    case "churn":
      if (row.cents !== arr)
        return {
          column: "amount",
          reason: `a churn takes the whole ARR, which is ${money(arr)} ${on}, not ${money(row.cents)}`,
        };
      return null;
  }
}
