// `csm import arr`: an ARR ledger file is the full history of the accounts it names. It replaces the
// movements that account imports derived for them (and an earlier ledger's), all or nothing; the same
// file twice changes nothing. Afterwards every account whose ledger does not sum to its ARR is listed,
// with both figures.
import type { DataAccess } from "../db/client.ts";
import {
  accountsByExternalId,
  importedMovements,
  type LedgerAccountRef,
  ledgerSums,
  type NewMovement,
  replaceImportedMovements,
  type StoredMovement,
  setChurnedDates,
} from "../db/repositories/arr-ledger.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { vacuumAnalyze } from "../db/repositories/maintenance.ts";
import type { CsvProblem } from "../domain/csv-records.ts";
import { type LedgerRow, sortLedger } from "../domain/ledger-csv.ts";
import { centsOf, fromCents } from "../domain/money.ts";
import { importTimeoutMs } from "./account-import.ts";
import type { Clock } from "./ports.ts";

export interface LedgerMismatch {
  externalId: string;
  name: string;
  /** Decimal strings; arr is null when the account's ARR is unknown. */
  ledger: string;
  arr: string | null;
}

export interface LedgerImportSummary {
  rows: number;
  accounts: number;
  replaced: number;
  unchanged: number;
  mismatches: LedgerMismatch[];
}

export type LedgerImportResult =
  | { ok: true; summary: LedgerImportSummary }
  | { ok: false; problems: CsvProblem[] };

export interface LedgerImportDeps {
  db: DataAccess;
  clock: Clock;
  actor: Actor;
}

export async function importArrLedger(
  deps: LedgerImportDeps,
  parsed: { rows: LedgerRow[]; problems: CsvProblem[] },
): Promise<LedgerImportResult> {
  const externalIds = [...new Set(parsed.rows.map((row) => row.externalId))];
  const accounts = new Map(
    (await accountsByExternalId(deps.db.client, externalIds)).map((account) => [account.externalId, account]),
  );
  const unknown = parsed.rows
    .filter((row) => !accounts.has(row.externalId))
    .map((row) => ({
      line: row.line,
      column: "external_id",
      reason: `no account has the id "${row.externalId}"; import the accounts first`,
    }));
  const problems = [...parsed.problems, ...unknown].sort((a, b) => a.line - b.line);
  if (problems.length) return { ok: false, problems };

  const now = deps.clock();
  const ledgers = ledgersByAccount(parsed.rows, accounts, now);
  const stored = groupStored(await importedMovements(deps.db.client, [...ledgers.keys()]));
  const changed = [...ledgers.entries()].filter(([id, ledger]) => !sameLedger(stored.get(id) ?? [], ledger));
  if (changed.length) {
    await deps.db.transaction(
      async (tx) => {
        await replaceImportedMovements(
          tx,
          changed.map(([id]) => id),
          changed.flatMap(([, ledger]) => ledger),
        );
        await setChurnedDates(tx, new Map(changed.map(([id, ledger]) => [id, churnedAt(ledger)])));
        await recordAudit(
          tx,
          deps.actor,
          changed.map(([id, ledger]) => ({
            action: "account.arr_ledger",
            entityType: "Account",
            entityId: id,
            changes: { movements: [(stored.get(id) ?? []).length, ledger.length] },
          })),
        );
      },
      { timeoutMs: importTimeoutMs },
    );
  }
  // The replaced rows are dead and the new ones unknown to the planner until the table is vacuumed.
  if (changed.length) await vacuumAnalyze(deps.db.client, ["ArrMovement"]);
  return {
    ok: true,
    summary: {
      rows: parsed.rows.length,
      accounts: ledgers.size,
      replaced: changed.length,
      unchanged: ledgers.size - changed.length,
      mismatches: await mismatches(deps.db, [...accounts.values()]),
    },
  };
}

/** Each account's movements in date order, with the ARR after each. */
function ledgersByAccount(
  rows: readonly LedgerRow[],
  accounts: Map<string, LedgerAccountRef>,
  now: Date,
): Map<string, NewMovement[]> {
  const rowsById = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const id = (accounts.get(row.externalId) as LedgerAccountRef).id;
    rowsById.set(id, [...(rowsById.get(id) ?? []), row]);
  }
  const ledgers = new Map<string, NewMovement[]>();
  for (const [id, accountRows] of rowsById) {
    let arr = 0n;
    ledgers.set(
      id,
      sortLedger(accountRows).map((row, order) => {
        arr += row.kind === "contraction" || row.kind === "churn" ? -row.cents : row.cents;
        return {
          accountId: id,
          kind: row.kind,
          churnType: row.churnType,
          amount: fromCents(row.cents),
          arrAfter: fromCents(arr),
          effectiveDate: row.date,
          reason: row.reason,
          source: "ledger_import",
          // Movements of one day keep the file's order.
          createdAt: new Date(now.getTime() + order),
        };
      }),
    );
  }
  return ledgers;
}

function groupStored(movements: readonly StoredMovement[]): Map<string, StoredMovement[]> {
  const byAccount = new Map<string, StoredMovement[]>();
  for (const movement of movements)
    byAccount.set(movement.accountId, [...(byAccount.get(movement.accountId) ?? []), movement]);
  return byAccount;
}

/** The file's ledger is already the account's when the account has exactly these movements from a ledger. */
function sameLedger(stored: readonly StoredMovement[], ledger: readonly NewMovement[]): boolean {
  if (stored.length !== ledger.length || stored.some((m) => m.source !== "ledger_import")) return false;
  const key = (m: {
    effectiveDate: Date;
    kind: string;
    churnType: string | null;
    amount: string;
    reason: string | null;
  }) => JSON.stringify([m.effectiveDate.toISOString().slice(0, 10), m.kind, m.churnType, m.amount, m.reason]);
  const storedKeys = stored.map((m) => key({ ...m, amount: m.amount.toFixed(2) })).sort();
  const ledgerKeys = ledger.map(key).sort();
  return storedKeys.every((k, i) => k === ledgerKeys[i]);
}

/** The day the account churned when its ledger ends in a churn; null when it ends with ARR. */
function churnedAt(ledger: readonly NewMovement[]): Date | null {
  const last = ledger.at(-1);
  return last?.kind === "churn" ? last.effectiveDate : null;
}

async function mismatches(db: DataAccess, accounts: readonly LedgerAccountRef[]): Promise<LedgerMismatch[]> {
  const sums = await ledgerSums(
    db.client,
    accounts.map((account) => account.id),
  );
  return accounts
    .filter(
      (account) => account.arr === null || centsOf(account.arr.toFixed(2)) !== (sums.get(account.id) ?? 0n),
    )
    .map((account) => ({
      externalId: account.externalId,
      name: account.name,
      ledger: fromCents(sums.get(account.id) ?? 0n),
      arr: account.arr?.toFixed(2) ?? null,
    }))
    .sort((a, b) => a.externalId.localeCompare(b.externalId));
}
