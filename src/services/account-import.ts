// `csm import accounts`: loads a CRM export into the book. The file is validated whole first
// (parse, then owner resolution through Slack); only a clean file is written, in one transaction.
// A re-import of the same file writes nothing.
//
// The rows are written set-based, whatever their number: they go into a staging table, and a handful
// of statements compare them with the stored accounts and write the new and changed ones, their ARR
// movements and audit rows (db/repositories/account-import.ts).

import { rowsPerStatement } from "../db/bulk-insert.ts";
import type { DataAccess } from "../db/client.ts";
import {
  analyzeStaging,
  createImportStaging,
  insertStagedAccounts,
  isTransactionTimeout,
  type OptionalImportField,
  recordStagedArrMovements,
  recordStagedAudit,
  type StagedAccount,
  type StagedTally,
  stageAccounts,
  tallyStagedAccounts,
  updateChangedAccounts,
} from "../db/repositories/account-import.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { vacuumAnalyze } from "../db/repositories/maintenance.ts";
import type { AccountRow, CsvProblem } from "../domain/accounts-csv.ts";
import { searchKey } from "../domain/search-text.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  addOwners,
  applyDigestChannels,
  ownerKey,
  type ResolvedOwner,
  resolveOwners,
} from "./account-import-owners.ts";
import type { Clock, SlackDirectory } from "./ports.ts";

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  ownersAdded: number;
  arrMovements: number;
  /** What dates the ARR movements: the file's ARR date column, or the import day when it has none. */
  arrDatedBy: "file" | "import day";
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: CsvProblem[] };

export interface ImportDeps {
  db: DataAccess;
  directory: SlackDirectory | null;
  clock: Clock;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
  /** How long the import's transaction may take; default importTimeoutMs. */
  timeoutMs?: number;
}

/** An expected failure after validation (the file was fine, the write was not): a message, no trace. */
export class ImportFailure extends Error {}

/**
 * The import's transaction is rolled back after this long. 200,000 rows take well under a minute; the
 * margin is for far larger books and slow disks, and the limit only stops a stuck import holding its
 * locks for ever.
 */
export const importTimeoutMs = 15 * 60_000;

/** The account fields each optional column of the file sets. */
const fieldsByColumn: Record<string, OptionalImportField> = {
  owner: "ownerId",
  segment: "segment",
  contract_start: "contractStart",
  renewal_date: "renewalDate",
  stage: "stage",
  plan: "plan",
  seats_purchased: "seatsPurchased",
};

export interface ParsedAccounts {
  rows: AccountRow[];
  problems: CsvProblem[];
  columns: string[];
}

/** Validates owners too (through Slack), so one run reports every problem of the file. */
export async function importAccounts(deps: ImportDeps, parsed: ParsedAccounts): Promise<ImportResult> {
  const owners = await resolveOwners(deps.db.client, deps.directory, parsed.rows);
  const problems = [...parsed.problems, ...owners.problems].sort((a, b) => a.line - b.line);
  if (problems.length) return { ok: false, problems };

  const summary = await writeAccounts(deps, parsed, owners.resolved);
  // New and renamed accounts sit in the search index's pending list until it is merged.
  if (summary.created || summary.updated) await vacuumAnalyze(deps.db.client, ["Account", "ArrMovement"]);
  return { ok: true, summary };
}

/** Writes a validated file, all or nothing. */
async function writeAccounts(
  deps: ImportDeps,
  parsed: ParsedAccounts,
  owners: Map<string, ResolvedOwner>,
): Promise<ImportSummary> {
  const { rows, columns } = parsed;
  const fields = columns.flatMap((column) => fieldsByColumn[column] ?? []);
  const timeoutMs = deps.timeoutMs ?? importTimeoutMs;
  const started = performance.now();
  try {
    return await deps.db.transaction(
      async (tx) => {
        // Every write after the owners' reads the staging table. Prisma ends a transaction that
        // outlives its timeout with a ROLLBACK, and may still send a statement after it, outside any
        // transaction (prisma/orm#29762): such a statement then fails instead of committing alone.
        const team = await addOwners(tx, owners);
        if (columns.includes("digest_channel"))
          await recordAudit(tx, deps.actor, await applyDigestChannels(tx, rows, owners, team.ids));
        await stageRows(tx, rows, team.ids, fields, deps.onProgress);
        const tally = await writeStaged(tx, fields, deps);
        deps.onProgress?.(rows.length, rows.length);
        const arrDatedBy = columns.includes("arr_date") ? "file" : "import day";
        return { rows: rows.length, ...tally, ownersAdded: team.added, arrDatedBy };
      },
      { timeoutMs },
    );
  } catch (error) {
    // A statement caught by the timeout's ROLLBACK fails with its own error, not Prisma's timeout one.
    if (!isTransactionTimeout(error) && performance.now() - started < timeoutMs) throw error;
    throw new ImportFailure(
      `the import did not finish within ${duration(timeoutMs)} and was rolled back; ` +
        "nothing was imported. Check that the database is not busy with another long write, then run the import again.",
    );
  }
}

/**
 * Loads the rows into the staging table a statement's worth at a time, so the process holds one
 * statement's copy of the rows, not the whole file's.
 */
async function stageRows(
  tx: Prisma.TransactionClient,
  rows: AccountRow[],
  ownerIds: Map<string, string>,
  fields: OptionalImportField[],
  onProgress: ImportDeps["onProgress"],
): Promise<void> {
  await createImportStaging(tx);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const staged = chunk.map((row, i) => stagedAccount(start + i + 1, row, ownerIds));
    await stageAccounts(tx, staged, fields);
    onProgress?.(start + chunk.length, rows.length);
  }
  await analyzeStaging(tx);
}

function stagedAccount(seq: number, row: AccountRow, ownerIds: Map<string, string>): StagedAccount {
  return {
    seq,
    externalId: row.externalId,
    name: row.name,
    searchName: searchKey(row.name),
    ownerId: row.owner ? (ownerIds.get(ownerKey(row.owner)) ?? null) : null,
    segment: row.segment,
    arr: row.arr,
    arrDate: row.arrDate,
    contractStart: row.contractStart,
    renewalDate: row.renewalDate,
    stage: row.stage,
    plan: row.plan,
    seatsPurchased: row.seatsPurchased,
  };
}

/**
 * Writes the difference between the staged rows and the stored accounts. Only the columns the file
 * carries are compared and written; a blank ARR cell keeps the stored ARR.
 */
async function writeStaged(
  tx: Prisma.TransactionClient,
  fields: OptionalImportField[],
  deps: ImportDeps,
): Promise<StagedTally> {
  const tally = await tallyStagedAccounts(tx);
  const now = deps.clock();
  if (tally.created) await insertStagedAccounts(tx, now);
  if (tally.updated) await updateChangedAccounts(tx, fields, now, utcToday(now));
  if (tally.arrMovements) await recordStagedArrMovements(tx, utcToday(now));
  if (tally.created || tally.updated) await recordStagedAudit(tx, deps.actor);
  return tally;
}

function utcToday(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const duration = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} minutes` : `${ms / 1000} s`);
