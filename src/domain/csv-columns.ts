// The columns of a CSV file a person exported: headers matched to our column names through the names
// CRMs use for them, and the readers of cells that more than one import shares. Pure.
import type { CsvProblem, CsvRecord } from "./csv-records.ts";
import { controlCharacterProblem, isPlausibleYear, plausibleYears } from "./input-rules.ts";

export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
export const fail = (reason: string): Reading<never> => ({ ok: false, reason });

/** "Contract Start Date", "contract_start_date" and "contract-start date" are the same header. */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

export interface ColumnLayout<C extends string> {
  /** Position of each column the header has. */
  index: Map<C, number>;
  /** The columns the header has, in its order. */
  columns: C[];
  problems: CsvProblem[];
}

/** Matches a header's cells to `columns`, each known by its own name or one of its `aliases`. */
export function readHeader<C extends string>(
  header: CsvRecord,
  columns: readonly C[],
  aliases: Record<C, readonly string[]>,
  required: readonly C[],
): ColumnLayout<C> {
  const columnByKey = new Map(
    columns.flatMap((column) => [column, ...aliases[column]].map((alias) => [headerKey(alias), column])),
  );
  const index = new Map<C, number>();
  const problems: CsvProblem[] = [];
  const found = header.fields.map((field) => field.trim()).filter(Boolean);
  header.fields.forEach((field, position) => {
    const column = columnByKey.get(headerKey(field));
    if (!column) return;
    const earlier = index.get(column);
    if (earlier === undefined) index.set(column, position);
    else {
      const both = `"${header.fields[earlier]?.trim()}" and "${field.trim()}"`;
      problems.push({
        line: header.line,
        column,
        reason: `${both} are both read as ${column}; keep one of them`,
      });
    }
  });
  for (const column of required) {
    if (index.has(column)) continue;
    const also = aliases[column].length ? ` (also read from: ${aliases[column].join(", ")})` : "";
    problems.push({
      line: header.line,
      column,
      reason: `no ${column} column${also}; the header has: ${found.join(", ") || "nothing"}`,
    });
  }
  const present = [...index.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column);
  return { index, columns: present, problems };
}

/**
 * A reader of one record's cells: blank cells and absent columns are null; a cell that does not read
 * is added to `problems` (line and column) and is null.
 */
export function cellReader<C extends string>(
  record: CsvRecord,
  index: Map<C, number>,
  problems: CsvProblem[],
) {
  return <T>(column: C, reader: (text: string) => Reading<T>): T | null => {
    const position = index.get(column);
    const text = position === undefined ? "" : (record.fields[position] ?? "").trim();
    if (!text) return null;
    // A quoted cell may span lines (a plan's notes); a NUL or other control character is never data.
    const control = controlCharacterProblem(text, "free");
    if (control) {
      problems.push({ line: record.line, column, reason: control });
      return null;
    }
    const result = reader(text);
    if (result.ok) return result.value;
    problems.push({ line: record.line, column, reason: result.reason });
    return null;
  };
}

/** A day as YYYY-MM-DD; a time after it (a CRM's timestamp) is read and dropped. */
export function readDate(text: string): Reading<Date> {
  const parts =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!parts) return fail(`"${text}" is not a date in the form YYYY-MM-DD (like 2026-03-31)`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return fail(`${parts[1]}-${parts[2]}-${parts[3]} is not a real date`);
  if (!isPlausibleYear(year))
    return fail(`${parts[1]} is not a plausible year (${plausibleYears.first} to ${plausibleYears.last})`);
  return ok(date);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
