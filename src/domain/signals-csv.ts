// Reads a health-signal CSV (one row per account per date) into items for the shared signal schema,
// remembering each item's spreadsheet line so the schema's problems can name line and column.

import { type CsvProblem, dataRecords, readCsv } from "./csv-records.ts";
import { csvRecordToItem, type SignalColumn, signalColumns } from "./health/signals.ts";

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

export function parseSignalsCsv(input: string | Buffer): SignalCsv {
  const { records, problems } = readCsv(input);
  const [header, ...body] = records;
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
  const items: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const record of dataRecords(body, header, problems)) {
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column) cells[column] = record.fields[i] ?? "";
    });
    items.push(csvRecordToItem(cells));
    lines.push(record.line);
  }
  return { items, lines, problems };
}
