// Reads a CRM accounts export (ours, Salesforce's or HubSpot's column names) into checked rows, and
// every problem in the file as a line, a column and a reason a person can fix. Pure: bytes in, values
// out; owners are looked up in Slack later, by the import service.
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
import { type CsvProblem, type CsvRecord, dataRecords, readCsv } from "./csv-records.ts";
import { type LifecycleStage, lifecycleStages, parseStage } from "./lifecycle.ts";
import { parseMoney } from "./money.ts";

export { type CsvProblem, formatProblem } from "./csv-records.ts";

export type Segment = "enterprise" | "mid_market" | "smb";
export type OwnerRef = { kind: "slack"; id: string } | { kind: "email"; email: string };

export interface AccountRow {
  /** Spreadsheet line of the record's first line; the header is line 1. */
  line: number;
  externalId: string;
  name: string;
  owner: OwnerRef | null;
  /** Normalized decimal ("120000.50"); null when the column is absent or the cell blank. */
  arr: string | null;
  /** The day the row's ARR took effect (the CRM's date column); null: the import day. */
  arrDate: Date | null;
  contractStart: Date | null;
  renewalDate: Date | null;
  segment: Segment | null;
  stage: LifecycleStage | null;
  plan: string | null;
  seatsPurchased: number | null;
  /** undefined: no such column; null: blank, the owner gets a direct message; else a channel id. */
  digestChannel: string | null | undefined;
}

export const accountColumns = [
  "external_id",
  "name",
  "owner",
  "arr",
  "arr_date",
  "contract_start",
  "renewal_date",
  "segment",
  "stage",
  "plan",
  "seats_purchased",
  "digest_channel",
] as const;
export type AccountColumn = (typeof accountColumns)[number];

// What Salesforce and HubSpot call our columns. Deliberately absent: "Annual Revenue" (the customer's
// own revenue, not what they pay us) and "Close Date" (when the deal closed, not when the contract starts).
const headerAliases: Record<AccountColumn, readonly string[]> = {
  external_id: ["Account ID", "Record ID", "Company ID", "Id", "External ID", "CRM ID"],
  name: ["Account Name", "Company name", "Name"],
  owner: ["Account Owner", "Company owner", "Owner", "Owner Email", "CSM"],
  arr: ["Annual Recurring Revenue", "ARR"],
  arr_date: ["ARR Effective Date", "ARR Date", "Effective Date", "Last Modified Date", "Last Modified"],
  contract_start: ["Contract Start Date", "Contract Start", "Start Date"],
  renewal_date: ["Renewal Date", "Contract End Date", "Contract End"],
  segment: ["Segment", "Customer Segment", "Tier"],
  stage: ["Lifecycle Stage", "Stage"],
  plan: ["Plan", "Product Plan"],
  seats_purchased: ["Seats", "Seats Purchased", "Licenses"],
  digest_channel: ["Digest Channel", "Slack Channel"],
};

const required: readonly AccountColumn[] = ["external_id", "name"];
const maxTextLength = 255;
const maxSeats = 2_147_483_647;

/**
 * `rows` holds only the rows without problems; `columns` are the canonical columns the header has, in
 * its order, so an import changes only what the file carries.
 */
export function parseAccountsCsv(input: string | Buffer): {
  rows: AccountRow[];
  problems: CsvProblem[];
  columns: string[];
} {
  const { records, problems } = readCsv(input);
  const [header, ...body] = records;
  if (!header) {
    if (!problems.length) problems.push({ line: 1, column: "", reason: "the file is empty" });
    return { rows: [], problems, columns: [] };
  }
  const layout = readHeader(header, accountColumns, headerAliases, required);
  if (layout.problems.length)
    return { rows: [], problems: [...layout.problems, ...problems], columns: layout.columns };

  const rows: AccountRow[] = [];
  const lineById = new Map<string, number>();
  const digestByOwner = new Map<string, { line: number; channel: string | null }>();
  for (const record of dataRecords(body, header, problems)) {
    const { values, problems: found } = readRow(record, layout.index);
    const { externalId, name, owner, digestChannel } = values;
    const duplicateOf = externalId === null ? undefined : lineById.get(externalId);
    if (duplicateOf)
      found.push({ line: record.line, column: "external_id", reason: `duplicate of line ${duplicateOf}` });
    else if (externalId !== null) lineById.set(externalId, record.line);

    const digestRead = digestChannel !== undefined && !found.some((p) => p.column === "digest_channel");
    if (owner && digestRead) {
      const ownerName = owner.kind === "slack" ? owner.id : owner.email;
      const earlier = digestByOwner.get(ownerName);
      if (!earlier) digestByOwner.set(ownerName, { line: record.line, channel: digestChannel });
      else if (earlier.channel !== digestChannel) {
        const where = earlier.channel ?? "a direct message (blank)";
        found.push({
          line: record.line,
          column: "digest_channel",
          reason: `${ownerName} gets one digest, but line ${earlier.line} sends it to ${where}`,
        });
      }
    }
    problems.push(...found);
    if (externalId !== null && name !== null && found.length === 0)
      rows.push({ ...values, externalId, name });
  }
  const order = (column: string) => accountColumns.indexOf(column as AccountColumn);
  problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
  return { rows, problems, columns: layout.columns };
}

/** What a row says, as far as it reads; the required fields may be missing. */
type RowValues = Omit<AccountRow, "externalId" | "name"> & { externalId: string | null; name: string | null };

function readRow(
  record: CsvRecord,
  index: Map<AccountColumn, number>,
): { values: RowValues; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const line = record.line;
  const cell = cellReader(record, index, problems);
  const mandatory = (column: AccountColumn, what: string) => {
    const value = cell(column, text255);
    if (value === null && !problems.some((p) => p.column === column))
      problems.push({ line, column, reason: `${what} is blank` });
    return value;
  };

  const externalId = mandatory("external_id", "the CRM id");
  const name = mandatory("name", "the account name");
  const contractStart = cell("contract_start", readDate);
  const renewalDate = cell("renewal_date", readDate);
  if (contractStart && renewalDate && renewalDate <= contractStart) {
    problems.push({
      line,
      column: "renewal_date",
      reason: `${isoDay(renewalDate)} is not after the contract start ${isoDay(contractStart)}`,
    });
  }
  const values: RowValues = {
    line,
    externalId,
    name,
    owner: cell("owner", readOwner),
    arr: cell("arr", parseMoney),
    arrDate: cell("arr_date", readDate),
    contractStart,
    renewalDate,
    segment: cell("segment", readSegment),
    stage: cell("stage", readStage),
    plan: cell("plan", text255),
    seatsPurchased: cell("seats_purchased", readSeats),
    digestChannel: index.has("digest_channel") ? cell("digest_channel", readChannel) : undefined,
  };
  return { values, problems };
}

function text255(text: string): Reading<string> {
  return text.length <= maxTextLength
    ? ok(text)
    : fail(`is ${text.length} characters long; at most ${maxTextLength} fit`);
}

function readOwner(text: string): Reading<OwnerRef> {
  if (/^[UW][A-Z0-9]{2,}$/.test(text)) return ok({ kind: "slack", id: text });
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text)) return ok({ kind: "email", email: text.toLowerCase() });
  return fail(`"${text}" is neither a Slack user id (like U0123ABCD) nor an email address`);
}

export function readSegment(text: string): Reading<Segment> {
  const segments: Record<string, Segment> = { enterprise: "enterprise", midmarket: "mid_market", smb: "smb" };
  const segment = segments[headerKey(text)];
  return segment ? ok(segment) : fail(`"${text}" is not a segment; use enterprise, mid-market or smb`);
}

// HubSpot's "Lifecycle Stage" is its marketing funnel (lead ... customer): it says nothing about where a
// customer stands in its contract, so those values read as blank and the stage is derived from the dates.
const hubspotFunnelStages = new Set(
  [
    "subscriber",
    "lead",
    "marketing qualified lead",
    "sales qualified lead",
    "opportunity",
    "customer",
    "evangelist",
    "other",
  ].map(headerKey),
);

function readStage(text: string): Reading<LifecycleStage | null> {
  const stage = parseStage(text);
  if (stage) return ok(stage);
  if (hubspotFunnelStages.has(headerKey(text))) return ok(null);
  return fail(`"${text}" is not a lifecycle stage; use one of ${lifecycleStages.join(", ")}`);
}

function readSeats(text: string): Reading<number> {
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.0+)?$/.test(text)) return fail(`"${text}" is not a whole number of seats`);
  const seats = Number(text.replace(/,|\.0+$/g, ""));
  if (seats < 1) return fail("seats purchased must be at least 1 (leave it blank when unknown)");
  if (seats > maxSeats) return fail(`${text} seats is more than can be stored`);
  return ok(seats);
}

function readChannel(text: string): Reading<string> {
  if (/^[CG][A-Z0-9]{2,}$/.test(text)) return ok(text);
  const name = text.startsWith("#") ? " (a channel name)" : "";
  return fail(
    `"${text}"${name} is not a Slack channel id; copy the id (like C0123ABCD) from the channel's details`,
  );
}
