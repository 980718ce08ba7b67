// Health signals in, from the CSV import and the HTTP endpoint alike: validate every item with one
// schema, refuse the whole batch on any problem (nothing written), upsert snapshots on (account, date)
// in one transaction, then re-score the accounts they touched.
import { randomUUID } from "node:crypto";
import { findAccountsByExternalIds } from "../db/repositories/accounts.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { type AccountSignal, upsertSignals } from "../db/repositories/signals.ts";
import { signalItemSchema, toSnapshot } from "../domain/health/signals.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { type RescoreSummary, rescoreAccounts } from "./health-scoring.ts";

export const maxSignalsPerBatch = 10_000;

export interface SignalProblem {
  /** Position of the item in the batch (0-based); the CSV path turns it into a line number. */
  index: number;
  field: string;
  message: string;
}

export type IngestResult =
  | { ok: true; received: number; accounts: number; rescored: RescoreSummary }
  | { ok: false; problems: SignalProblem[] };

export async function ingestSignals(
  prisma: PrismaClient,
  items: readonly unknown[],
  now: Date,
  actor: Actor,
): Promise<IngestResult> {
  const problems: SignalProblem[] = [];
  const valid: { index: number; externalId: string; signal: ReturnType<typeof toSnapshot> }[] = [];
  items.forEach((item, index) => {
    const parsed = signalItemSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ index, field: issue.path.join(".") || "item", message: issue.message });
      }
      return;
    }
    valid.push({ index, externalId: parsed.data.externalId, signal: toSnapshot(parsed.data) });
  });

  const accountIds = new Map<string, string>();
  const externalIds = [...new Set(valid.map((v) => v.externalId))];
  for (let i = 0; i < externalIds.length; i += 5000) {
    for (const account of await findAccountsByExternalIds(prisma, externalIds.slice(i, i + 5000))) {
      accountIds.set(account.externalId, account.id);
    }
  }
  const seen = new Map<string, number>();
  const signals: AccountSignal[] = [];
  for (const { index, externalId, signal } of valid) {
    const accountId = accountIds.get(externalId);
    if (!accountId) {
      problems.push({
        index,
        field: "externalId",
        message: `no account has the external id "${externalId}"`,
      });
      continue;
    }
    const key = `${accountId}|${signal.date.toISOString()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ index, field: "date", message: `same account and date as item ${first}` });
      continue;
    }
    seen.set(key, index);
    signals.push({ accountId, snapshot: signal });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.index - b.index) };

  const touched = [...new Set(signals.map((s) => s.accountId))];
  await prisma.$transaction(
    async (tx) => {
      await upsertSignals(tx, signals);
      await recordAudit(tx, actor, [
        {
          action: "signals.ingest",
          entityType: "HealthSignal",
          entityId: randomUUID(),
          changes: { snapshots: signals.length, accounts: touched.length },
        },
      ]);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const rescored = await rescoreAccounts(prisma, touched, now);
  return { ok: true, received: signals.length, accounts: touched.length, rescored };
}
