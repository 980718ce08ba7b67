// Health signals in, from the CSV import and the HTTP endpoint alike: validate every item with one
// schema, refuse the whole batch on any problem (nothing written), upsert snapshots on (account, date)
// in one transaction, then re-score the accounts they touched (in batches, after the commit).

import { randomUUID } from "node:crypto";
import type { DataAccess } from "../db/client.ts";
import { accountIdsByExternalId } from "../db/repositories/accounts.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { type AccountSignal, upsertSignals } from "../db/repositories/signals.ts";
import { type SignalSnapshot, signalItemSchema, toSnapshot } from "../domain/health/signals.ts";
import { isoDayToDate } from "../domain/lifecycle.ts";
import { type RescoreSummary, rescoreAccounts } from "./health-scoring.ts";

export const maxSignalsPerBatch = 10_000;

export interface SignalProblem {
  /** Position of the item in the batch (0-based); the CSV path turns it into a line number. */
  index: number;
  field: string;
  message: string;
  /** For a repeated account and date: the index of the item it repeats, for the CLI to name as a line. */
  duplicateOf?: number;
}

/** Milliseconds each step of an ingest took: for operators (the HTTP Server-Timing header) and the bench. */
export interface IngestTimings {
  checkMs: number;
  storeMs: number;
  rescoreMs: number;
}

export type IngestResult =
  | { ok: true; received: number; accounts: number; rescored: RescoreSummary; timings: IngestTimings }
  | { ok: false; problems: SignalProblem[] };

export type CheckResult = { ok: true; signals: AccountSignal[] } | { ok: false; problems: SignalProblem[] };

export interface StoredSignals {
  received: number;
  /** The accounts the snapshots belong to: the ones to re-score. */
  accountIds: string[];
}

/** Snapshots stored per transaction (storeSignals). */
const signalsPerTransaction = 2_000;

export async function ingestSignals(
  db: DataAccess,
  items: readonly unknown[],
  now: Date,
  actor: Actor,
): Promise<IngestResult> {
  let mark = performance.now();
  const elapsed = () => {
    const previous = mark;
    mark = performance.now();
    return mark - previous;
  };
  const checked = await checkSignals(db, items);
  if (!checked.ok) return checked;
  const checkMs = elapsed();
  const stored = await storeSignals(db, checked.signals, actor);
  const storeMs = elapsed();
  const rescored = await rescoreAccounts(db, stored.accountIds, now);
  const timings = { checkMs, storeMs, rescoreMs: elapsed() };
  return { ok: true, received: stored.received, accounts: stored.accountIds.length, rescored, timings };
}

/**
 * Every problem of the batch, or its snapshots ready to store: each item passes the schema, names a
 * known account, and is the only one for its account and date. Reads, never writes. A caller holding a
 * large file (the CLI) checks, lets the file's items go, then stores and re-scores.
 */
export async function checkSignals(db: DataAccess, items: readonly unknown[]): Promise<CheckResult> {
  const problems: SignalProblem[] = [];
  // Parallel arrays of the items that passed the schema: no object per item beyond the snapshot.
  const indexes: number[] = [];
  const externalIds: string[] = [];
  const snapshots: SignalSnapshot[] = [];
  // The batch's snapshots share one Date per day: they are only stored, never changed.
  const days = new Map<string, Date>();
  const dayOf = (isoDay: string) => {
    const known = days.get(isoDay);
    if (known) return known;
    const day = isoDayToDate(isoDay);
    days.set(isoDay, day);
    return day;
  };
  items.forEach((item, index) => {
    const parsed = signalItemSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ index, field: issue.path.join(".") || "item", message: issue.message });
      }
      return;
    }
    indexes.push(index);
    externalIds.push(parsed.data.externalId);
    snapshots.push(toSnapshot(parsed.data, dayOf));
  });

  const accountIds = await accountIdsByExternalId(db.client, [...new Set(externalIds)]);
  // account id → day (time value) → index of the item that named it first
  const seen = new Map<string, Map<number, number>>();
  const signals: AccountSignal[] = [];
  snapshots.forEach((snapshot, i) => {
    const index = indexes[i] as number;
    const externalId = externalIds[i] as string;
    const accountId = accountIds.get(externalId);
    if (!accountId) {
      problems.push({
        index,
        field: "externalId",
        message: `no account has the external id "${externalId}"`,
      });
      return;
    }
    const firstByDay = seen.get(accountId) ?? new Map<number, number>();
    const first = firstByDay.get(snapshot.date.getTime());
    if (first !== undefined) {
      problems.push({
        index,
        field: "date",
        message: `same account and date as item ${first}`,
        duplicateOf: first,
      });
      return;
    }
    firstByDay.set(snapshot.date.getTime(), index);
    seen.set(accountId, firstByDay);
    signals.push({ accountId, snapshot });
  });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.index - b.index) };
  return { ok: true, signals };
}

/**
 * Upserts checked snapshots (the batch was checked whole first), a slice at a time, each slice in a
 * transaction with its audit row. Short transactions, because on the embedded database every /account
 * lookup waits for the transaction in progress. A failure part-way leaves whole snapshots of the
 * slices before it; upserts are idempotent, so sending the batch again completes it.
 */
export async function storeSignals(
  db: DataAccess,
  signals: AccountSignal[],
  actor: Actor,
): Promise<StoredSignals> {
  const touched = [...new Set(signals.map((s) => s.accountId))];
  for (let start = 0; start < signals.length; start += signalsPerTransaction) {
    const slice = signals.slice(start, start + signalsPerTransaction);
    await db.transaction(
      async (tx) => {
        await upsertSignals(tx, slice);
        await recordAudit(tx, actor, [
          {
            action: "signals.ingest",
            entityType: "HealthSignal",
            entityId: randomUUID(),
            changes: { snapshots: slice.length, accounts: new Set(slice.map((s) => s.accountId)).size },
          },
        ]);
      },
      { timeoutMs: 120_000 },
    );
  }
  return { received: signals.length, accountIds: touched };
}
