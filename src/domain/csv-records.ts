// Reading CSV files a person exported from a spreadsheet or CRM: UTF-8 or Windows-1252, ",", ";" or tab,
// CRLF or LF, quoted values across lines. Every record keeps the spreadsheet line it starts on, so
// problems can name it. Shared by the accounts and signals imports.
import { parse } from "csv-parse/sync";

/** `column` is the canonical column name, or "" when the problem is the whole line. */
export interface CsvProblem {
  line: number;
  column: string;
  reason: string;
}

export function formatProblem(p: CsvProblem): string {
  return p.column ? `line ${p.line}, column ${p.column}: ${p.reason}` : `line ${p.line}: ${p.reason}`;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Decodes and splits a file into records; the first record is the header. */
export function readCsv(input: string | Buffer): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems = eachCsvRecord(input, (record) => {
    records.push(record);
  });
  return { records, problems };
}

/**
 * `readCsv` a record at a time: `onRecord` gets each record (the header first) as it is read, so a large
 * file's rows are never all held at once. Returns the problem that stopped the reading, if any.
 */
export function eachCsvRecord(input: string | Buffer, onRecord: (record: CsvRecord) => void): CsvProblem[] {
  return readRecords(decode(input), onRecord);
}

/**
 * A shifted row (an unquoted comma in a name) would put every value under the wrong column, so it is
 * reported as such and not read further. Trailing unnamed header cells ("a,b,,") need no values.
 */
export function fieldCountProblem(record: CsvRecord, header: CsvRecord): CsvProblem | null {
  const count = record.fields.length;
  const named = header.fields.findLastIndex((field) => field.trim()) + 1;
  if (count >= named && count <= header.fields.length) return null;
  const hint = count > header.fields.length ? ` (a value with a comma needs "quotes")` : "";
  return {
    line: record.line,
    column: "",
    reason: `has ${count} values but the header has ${named} columns${hint}`,
  };
}

/** Excel on Windows saves "CSV" as Windows-1252 unless told "CSV UTF-8"; both are read. */
function decode(input: string | Buffer): string {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      text = input
        .toString("latin1")
        .replace(/[\u0080-\u009f]/g, (c) => windows1252[c.charCodeAt(0) - 0x80] ?? c);
    }
  }
  // One line ending makes csv-parse's line count the spreadsheet's; CR alone is old Mac Excel.
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

// Windows-1252's 0x80-0x9F (Node 20's TextDecoder reads them as Latin-1 control characters).
const windows1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function readRecords(text: string, onRecord: (record: CsvRecord) => void): CsvProblem[] {
  const problems: CsvProblem[] = [];
  let last: CsvRecord | undefined;
  let failure: { error: unknown } | undefined;
  try {
    parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (fields: string[], info) => {
        // csv-parse counts the line a record ends on; quoted newlines say how far back it started.
        last = { line: info.lines - newlinesIn(fields), fields };
        try {
          onRecord(last);
        } catch (error) {
          // A bug in the consumer, not a problem of the file: csv-parse would report it as one.
          failure = { error };
          throw error;
        }
        return null;
      },
    });
  } catch (error) {
    if (failure) throw failure.error;
    const lines = text.split("\n");
    let line = last ? last.line + newlinesIn(last.fields) + 1 : 1;
    while (line <= lines.length && !lines[line - 1]?.trim()) line++;
    const unclosed = (error as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED";
    problems.push({
      line,
      column: "",
      reason: unclosed
        ? `a quoted value starts on this line and is never closed; nothing after it could be read`
        : `cannot be read as CSV (${(error as Error).message}); nothing after it could be read`,
    });
  }
  return problems;
}

function newlinesIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf("\n"); at !== -1; at = field.indexOf("\n", at + 1)) count++;
  }
  return count;
}

/** Excel in much of Europe separates with ";". The header line decides. */
function sniffDelimiter(text: string): string {
  const header = (/^.*\S.*$/m.exec(text)?.[0] ?? "").replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * The data records under a header: blank rows skipped, rows of the wrong width reported in
 * `problems` and skipped (their values would sit under the wrong columns).
 */
export function dataRecords(body: CsvRecord[], header: CsvRecord, problems: CsvProblem[]): CsvRecord[] {
  return body.filter((record) => isDataRecord(record, header, problems));
}

/** `dataRecords` for one record: false for a blank row, and for one of the wrong width (reported). */
export function isDataRecord(record: CsvRecord, header: CsvRecord, problems: CsvProblem[]): boolean {
  if (record.fields.every((field) => !field.trim())) return false;
  const width = fieldCountProblem(record, header);
  if (width) problems.push(width);
  return !width;
}
