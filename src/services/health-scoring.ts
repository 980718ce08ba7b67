// Re-scores accounts from their recent signal snapshots and keeps plays in step: opens the plays the
// rules call for, and self-closes unclaimed plays whose trigger went away. Runs when signals arrive,
// when the configuration changes, and once a day.

import type { DataAccess } from "../db/client.ts";
import { type Actor, type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import {
  accountsToScore,
  activeAccountsAfter,
  countActiveAccounts,
  type DayScore,
  executiveSponsorCounts,
  replaceScores,
  type ScoredAccount,
} from "../db/repositories/health.ts";
import {
  closeClearedPlays,
  createPlays,
  type NewPlay,
  type OpenPlay,
  openPlaysOf,
  wakeSnoozedPlays,
} from "../db/repositories/plays.ts";
import { lastSentBySignal, signalsBetween } from "../db/repositories/signals.ts";
import type { HealthConfig } from "../domain/health/config.ts";
import { currentSignals } from "../domain/health/current.ts";
import { scoreHealth } from "../domain/health/score.ts";
import type { SignalSnapshot } from "../domain/health/signals.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { type FeedStatus, feedStatus } from "../domain/plays/data-gap.ts";
import { openPlayKey } from "../domain/plays/open-key.ts";
import { reconcilePlays } from "../domain/plays/reconcile.ts";
import { type DesiredPlay, decidePlays } from "../domain/plays/rules.ts";
import { dueAtFor } from "../domain/plays/urgency.ts";
import type { SilentFeed } from "./feed-notices.ts";
import { loadHealthConfig } from "./health-settings.ts";

export interface RescoreSummary {
  scored: number;
  playsOpened: number;
  playsClosed: number;
  /** Signals no account sent within their staleness window; only a re-score of the whole book knows. */
  silentFeeds: SilentFeed[];
}

/**
 * How far back snapshots are read: a week past the longest staleness window, so a stale signal is
 * still seen ("no usage data for 9 days") and a login trend has its week-ago snapshot.
 */
function lookbackDays(config: HealthConfig): number {
  return Math.max(21, ...Object.values(config.freshness.staleAfterDays)) + 7;
}
/**
 * Accounts read, scored and written together. Each batch reads its own accounts and snapshots, so
 * memory stays that of one batch however large the book or the import; and each batch's transaction
 * is short, since on the embedded database every /account lookup waits for the transaction in progress.
 */
const accountsPerTransaction = 500;
const systemActor: Actor = { userId: null, label: "system", source: "job" };

/** The accounts to score, a batch at a time, in id order. */
async function* accountBatches(
  db: DataAccess,
  accountIds: string[] | "all",
): AsyncGenerator<ScoredAccount[]> {
  if (accountIds === "all") {
    let after: string | null = null;
    for (;;) {
      const batch = await activeAccountsAfter(db.client, after, accountsPerTransaction);
      if (batch.length) yield batch;
      if (batch.length < accountsPerTransaction) return;
      after = (batch.at(-1) as ScoredAccount).id;
    }
  }
  const ids = [...new Set(accountIds)].sort();
  for (let i = 0; i < ids.length; i += accountsPerTransaction) {
    yield await accountsToScore(db.client, ids.slice(i, i + accountsPerTransaction));
  }
}

/** Told after each batch: accounts scored so far, of how many. */
export type RescoreProgress = (scored: number, total: number) => void;

export async function rescoreAccounts(
  db: DataAccess,
  accountIds: string[] | "all",
  now: Date,
  onProgress?: RescoreProgress,
): Promise<RescoreSummary> {
  const today = utcDay(now);
  const config = await loadHealthConfig(db.client);
  const from = new Date(today.getTime() - lookbackDays(config) * 86_400_000);
  // Which feeds the team runs, and which went quiet, takes a read of the whole book's recent
  // snapshots: done by the re-score of the whole book (daily), which alone opens data-gap plays.
  const lastSent = accountIds === "all" ? await lastSentBySignal(db.client, from) : null;
  const feeds = lastSent && feedStatus(lastSent, today, config.freshness.staleAfterDays);
  const window: ScoringWindow = { now, today, from, config, feeds };
  await wakeSnoozedPlays(db.client, now);
  // Counted only for someone watching: the batches alone never need the total.
  const total = onProgress
    ? accountIds === "all"
      ? await countActiveAccounts(db.client)
      : new Set(accountIds).size
    : 0;

  const summary: RescoreSummary = {
    scored: 0,
    playsOpened: 0,
    playsClosed: 0,
    silentFeeds: [...(feeds?.silent ?? [])].map((name) => ({ name, lastSent: lastSent?.[name] as Date })),
  };
  for await (const batch of accountBatches(db, accountIds)) {
    const plan = await planBatch(db, batch, window);
    const { playsOpened, playsClosed } = await writeBatch(db, plan, window);
    summary.playsOpened += playsOpened;
    summary.playsClosed += playsClosed;
    summary.scored += plan.scores.length;
    onProgress?.(summary.scored, Math.max(total, summary.scored));
  }
  return summary;
}

/** The day being scored, the first day whose snapshots count, the configuration, the feeds' status. */
interface ScoringWindow {
  now: Date;
  today: Date;
  from: Date;
  config: HealthConfig;
  feeds: FeedStatus | null;
}

/** What one batch writes: its accounts' scores, the plays to open and to close, and their audit rows. */
interface BatchPlan {
  scores: DayScore[];
  creates: NewPlay[];
  closes: string[];
  audit: AuditEntry[];
}

/** Reads a batch's snapshots, sponsors and open plays, and decides each account's score and plays. */
async function planBatch(db: DataAccess, batch: ScoredAccount[], window: ScoringWindow) {
  const ids = batch.map((a) => a.id);
  const [byAccount, sponsors, current] = await Promise.all([
    signalsBetween(db.client, ids, window.from, window.today),
    executiveSponsorCounts(db.client, ids),
    openPlaysOf(db.client, ids),
  ]);
  const playsByAccount = groupBy(current, (play) => play.accountId);
  const plan: BatchPlan = { scores: [], creates: [], closes: [], audit: [] };
  for (const account of batch) {
    planAccount(plan, window, account, {
      snapshots: byAccount.get(account.id) ?? [],
      executiveSponsors: sponsors.get(account.id) ?? 0,
      openPlays: playsByAccount.get(account.id) ?? [],
    });
  }
  return plan;
}

interface AccountState {
  snapshots: SignalSnapshot[];
  executiveSponsors: number;
  openPlays: OpenPlay[];
}

/** Adds one account's score, and the plays its rules open or let close, to the batch's plan. */
function planAccount(plan: BatchPlan, window: ScoringWindow, account: ScoredAccount, state: AccountState) {
  const { today, config } = window;
  const current = currentSignals(state.snapshots);
  const signals = {
    latest: current?.latest ?? null,
    weekAgo: current?.weekAgo ?? null,
    asOf: current?.asOf ?? {},
    segment: account.segment,
  };
  const health = scoreHealth({ today, renewalDate: account.renewalDate, ...signals }, config);
  plan.scores.push({
    accountId: account.id,
    score: health.score,
    band: health.band,
    subScores: health.subScores,
    reasons: health.reasons,
    missingSignals: health.missingSignals,
  });
  const decision = decidePlays({
    today,
    contractStart: account.contractStart,
    executiveSponsors: state.executiveSponsors,
    health,
    ...signals,
    previousNps: current?.previousNps ?? null,
    feeds: window.feeds,
    config,
  });
  const reconciliation = reconcilePlays(decision.desired, state.openPlays, decision.cleared);
  for (const play of reconciliation.create) planOpening(plan, window.now, account, play);
  for (const id of reconciliation.close) {
    plan.closes.push(id);
    plan.audit.push({
      action: "play.close",
      entityType: "Play",
      entityId: id,
      changes: { outcome: "signal_cleared" },
    });
  }
}

function planOpening(plan: BatchPlan, now: Date, account: ScoredAccount, play: DesiredPlay) {
  const id = crypto.randomUUID();
  plan.creates.push({
    id,
    accountId: account.id,
    kind: play.kind,
    openKey: openPlayKey(account.id, play.kind),
    reason: play.reason,
    trigger: play.trigger,
    ownerId: account.ownerId,
    dueAt: play.dueAt ?? dueAtFor(now),
  });
  plan.audit.push({
    action: "play.open",
    entityType: "Play",
    entityId: id,
    changes: { kind: play.kind, reason: play.reason },
  });
}

/** Writes a batch's plan in one transaction; counts the plays it really opened and closed. */
function writeBatch(db: DataAccess, plan: BatchPlan, window: ScoringWindow) {
  const { now, today } = window;
  return db.transaction(
    async (tx) => {
      await replaceScores(tx, today, plan.scores);
      // Another re-score may have opened or someone claimed a play since it was read: only the
      // plays this one really opened or closed are counted and audited.
      const written = new Set([
        ...(plan.creates.length ? await createPlays(tx, plan.creates, now) : []),
        ...(plan.closes.length ? await closeClearedPlays(tx, plan.closes, now) : []),
      ]);
      await recordAudit(
        tx,
        systemActor,
        plan.audit.filter((entry) => entry.entityType !== "Play" || written.has(entry.entityId)),
      );
      return {
        playsOpened: plan.creates.filter((play) => written.has(play.id)).length,
        playsClosed: plan.closes.filter((id) => written.has(id)).length,
      };
    },
    { timeoutMs: 120_000 },
  );
}

// Map.groupBy needs Node 21; we support Node 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
