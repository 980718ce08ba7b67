// The metrics of a scope over a period: the company, a segment, CSMs' books or a manager's team. An
// account counts in the book of whoever owned it at the end of the period, and an account whose ARR is
// unknown is counted apart and left out of every money metric.
import type { DataAccess } from "../db/client.ts";
import {
  latestSurveys,
  ledgerPositions,
  type MetricsAccount,
  metricsAccounts,
  ownersBefore,
  type PositionRow,
  renewalOutcomesBetween,
} from "../db/repositories/metrics.ts";
import { findUserByEmail, findUserBySlackId, reportIds } from "../db/repositories/users.ts";
import type { Segment } from "../domain/accounts-csv.ts";
import { inPeriod, type Period } from "../domain/metrics/period.ts";
import type { RenewalDue } from "../domain/metrics/renewals.ts";
import { type MetricsReport, metricsReport } from "../domain/metrics/report.ts";
import type { AccountPosition } from "../domain/metrics/retention.ts";
import { centsOf } from "../domain/money.ts";

export type MetricsScope =
  | { kind: "company" }
  | { kind: "segment"; segment: Segment }
  | { kind: "users"; refs: string[] }
  | { kind: "team"; manager: string };

/** A scope that names no one we know: a message for the person who asked. */
export class MetricsError extends Error {}

export type ScopedMetrics = MetricsReport & { scope: string };

const iso = (date: Date) => date.toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(new Date(day).getTime() + 86_400_000);

export async function scopeMetrics(
  db: DataAccess,
  scope: MetricsScope,
  period: Period,
  today: string,
): Promise<ScopedMetrics> {
  const owners = await scopeOwners(db, scope);
  const label = owners?.label ?? (scope.kind === "segment" ? `segment ${scope.segment}` : "company");
  const admits: Admits | null =
    scope.kind === "segment"
      ? (account) => account.segment === scope.segment
      : owners
        ? (_, owner) => owner !== null && owners.ids.has(owner)
        : null;
  const ledger = await readLedger(db, period, admits);
  return bookReport(ledger, period, today, label, admits ?? (() => true));
}

/** The metrics of several books over one period, read from the database once. */
export async function booksMetrics(
  db: DataAccess,
  books: readonly { label: string; ownerIds: readonly string[] }[],
  period: Period,
  today: string,
): Promise<ScopedMetrics[]> {
  const everyone = new Set(books.flatMap((book) => book.ownerIds));
  const ledger = await readLedger(db, period, (_, owner) => owner !== null && everyone.has(owner));
  return books.map((book) => {
    const ids = new Set(book.ownerIds);
    return bookReport(ledger, period, today, book.label, (_, owner) => owner !== null && ids.has(owner));
  });
}

/** Whether an account, with the owner it had at the end of the period, is in a scope. */
type Admits = (account: MetricsAccount, ownerAtEnd: string | null) => boolean;
type Ledger = Awaited<ReturnType<typeof readLedger>>;

/** The accounts, and the ledger of those `admits` (all, when null), summed for the period. */
async function readLedger(db: DataAccess, period: Period, admits: Admits | null) {
  const [accounts, ownerChanges] = await Promise.all([
    metricsAccounts(db.client),
    ownersBefore(db.client, dayAfter(period.to)),
  ]);
  const ownerAtEnd = (account: MetricsAccount) =>
    ownerChanges.has(account.id) ? (ownerChanges.get(account.id) ?? null) : account.ownerId;
  const ids = admits ? accounts.filter((a) => admits(a, ownerAtEnd(a))).map((a) => a.id) : null;
  const [positions, outcomes, surveys] = await Promise.all([
    ledgerPositions(db.client, period.from, period.to, ids),
    renewalOutcomesBetween(db.client, period.from, period.to, ids),
    latestSurveys(db.client, period.from, period.to, ids),
  ]);
  return { accounts, ownerAtEnd, positions, outcomes, surveys };
}

/** The report of the accounts `inScope` admits, given the owner each had at the end of the period. */
function bookReport(
  ledger: Ledger,
  period: Period,
  today: string,
  label: string,
  inScope: Admits,
): ScopedMetrics {
  const scoped = ledger.accounts.filter((account) => inScope(account, ledger.ownerAtEnd(account)));
  const byId = new Map(scoped.map((account) => [account.id, account]));
  const report = metricsReport(
    {
      positions: knownPositions(ledger.positions, byId),
      unknownArrAccounts: scoped.filter((account) => account.arr === null).length,
      renewals: renewalsDue(
        scoped,
        ledger.outcomes.filter((o) => byId.has(o.accountId)),
        period,
      ),
      surveys: ledger.surveys
        .filter((row) => byId.has(row.accountId))
        .map((row) => ({
          accountId: row.accountId,
          date: iso(row.date),
          nps: row.nps,
          csatHundredths: row.csat === null ? null : Number(centsOf(row.csat.toFixed(2))),
        })),
    },
    period,
    today,
  );
  return { scope: label, ...report };
}

/** The ledger positions of the accounts in `scope` whose ARR is known: the base of every money metric. */
export function knownPositions(
  positions: readonly PositionRow[],
  scope: ReadonlyMap<string, MetricsAccount>,
): AccountPosition[] {
  return positions
    .filter((row) => scope.get(row.accountId)?.arr != null)
    .map((row) => ({
      id: row.accountId,
      startCents: BigInt(row.startCents),
      endCents: BigInt(row.endCents),
      lastChurnType: row.lastChurnType,
      hadHistory: row.hadHistory,
    }));
}

/** The recorded outcomes, and the renewal dates inside the period that have none. */
function renewalsDue(
  accounts: readonly MetricsAccount[],
  outcomes: Awaited<ReturnType<typeof renewalOutcomesBetween>>,
  period: Period,
): RenewalDue[] {
  const closed = new Set(outcomes.map((o) => `${o.accountId} ${iso(o.renewalDate)}`));
  const open = accounts.flatMap((account) => {
    const date = account.renewalDate ? iso(account.renewalDate) : null;
    if (!date || !inPeriod(date, period) || closed.has(`${account.id} ${date}`)) return [];
    const arr = account.arr === null ? null : centsOf(account.arr);
    return [{ renewalDate: date, result: null, arrBeforeCents: arr, arrAfterCents: null }];
  });
  return [
    ...outcomes.map((o) => ({
      renewalDate: iso(o.renewalDate),
      result: o.result,
      arrBeforeCents: o.arrBefore === null ? null : centsOf(o.arrBefore.toFixed(2)),
      arrAfterCents: centsOf(o.arrAfter.toFixed(2)),
    })),
    ...open,
  ];
}

/** The owners whose books make up the scope; null for the company and a segment. */
async function scopeOwners(
  db: DataAccess,
  scope: MetricsScope,
): Promise<{ ids: Set<string>; label: string } | null> {
  if (scope.kind === "users") {
    const users = await Promise.all(scope.refs.map((ref) => teamMember(db, ref)));
    return { ids: new Set(users.map((user) => user.id)), label: scope.refs.join(", ") };
  }
  if (scope.kind === "team") {
    const manager = await teamMember(db, scope.manager);
    const team = await reportIds(db.client, manager.id);
    if (team.length === 0) throw new MetricsError(`${scope.manager} has nobody reporting to them`);
    return { ids: new Set(team), label: `team of ${scope.manager}` };
  }
  return null;
}

async function teamMember(db: DataAccess, ref: string) {
  const user = ref.includes("@")
    ? await findUserByEmail(db.client, ref.toLowerCase())
    : await findUserBySlackId(db.client, ref);
  if (!user)
    throw new MetricsError(`${ref} is not on the team (nobody with that Slack id or email owns accounts)`);
  return user;
}
