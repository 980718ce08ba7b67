// Reads a health-signal CSV (one row per account per date) into items for the shared signal schema,
// remembering each item's spreadsheet line so the schema's problems can name line and column.

import { type CsvProblem, type CsvRecord, eachCsvRecord, isDataRecord } from "./csv-records.ts";
import { csvRowReader, type SignalColumn, signalColumns } from "./health/signals.ts";

export interface SignalCsv {
  items: Record<string, unknown>[];
  /** Spreadsheet line of items[i]. */
  lines: number[];
  problems: CsvProblem[];
}

const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
const columnOfField = new Map(
  Object.entries(signalColumns).map(([column, field]) => [field as string, column]),
);

/** The CSV column a schema field came from: problems are reported in the file's own terms. */
export function signalColumnOf(field: string): string {
  return columnOfField.get(field.split(".")[0] ?? field) ?? field;
}

/** Rows are turned into items as they are read: a 100,000-row file is never held as records too. */
export function parseSignalsCsv(input: string | Buffer): SignalCsv {
  const items: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const rowProblems: CsvProblem[] = [];
  let header: CsvRecord | undefined;
  let readRow: (record: CsvRecord) => void = () => {};
  const problems = eachCsvRecord(input, (record) => {
    if (header) return readRow(record);
    header = record;
    const columns = header.fields.map(headerKey);
    // A column without a name carries nothing; of two with the same name, the later one counts.
    const named = columns.flatMap((column, i) => (column && columns.lastIndexOf(column) === i ? [i] : []));
    const toItem = csvRowReader(named.map((i) => columns[i] as string));
    readRow = (row) => {
      if (!isDataRecord(row, record, rowProblems)) return;
      items.push(toItem(named.map((i) => row.fields[i] ?? "")));
      lines.push(row.line);
    };
  });
  if (!header) {
    if (!problems.length) problems.push({ line: 1, column: "", reason: "the file is empty" });
    return { items: [], lines: [], problems };
  }
  const columns = header.fields.map(headerKey);
  const unknown = columns.filter((column) => column && !(column in signalColumns));
  if (unknown.length) {
    problems.unshift({
      line: 1,
      column: "",
      reason: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; expected ${Object.keys(signalColumns).join(", ")}`,
    });
  }
  for (const required of ["external_id", "date"] satisfies SignalColumn[]) {
    if (!columns.includes(required))
      problems.unshift({ line: 1, column: required, reason: "this column is required" });
  }
  problems.push(...rowProblems);
  return { items, lines, problems };
}
