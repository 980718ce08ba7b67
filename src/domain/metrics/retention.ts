// NRR, GRR, churn, expansion and logo retention of a set of accounts over a period, from their ARR
// ledgers. Pure: the ledgers in, exact cents and rounded percentages out.
//
// The cohort is the accounts whose ledger up to and including `from` is above zero (starting ARR).
// A cohort account counts by where its ARR stands at the end of `to`: above its start, the difference
// is expansion; below it but above zero, contraction; at zero, its whole starting ARR is churn. So an
// account that churns and comes back inside the period counts by its net change, and is retained.
// Accounts without starting ARR that end the period above zero (new, or back after churning before
// it) are left out of NRR and GRR and reported as new ARR.
import { inPeriod, type Period } from "./period.ts";
import { percentOf } from "./rounding.ts";

export type MovementKind = "new" | "expansion" | "contraction" | "churn" | "reactivation";
export type ChurnKind = "voluntary" | "involuntary";

export interface LedgerMovement {
  /** ISO day the movement took effect. */
  date: string;
  kind: MovementKind;
  /** Positive magnitude; the kind gives the direction. */
  cents: bigint;
  churnType: ChurnKind | null;
}

export interface LedgerAccount {
  id: string;
  movements: readonly LedgerMovement[];
}

export interface RetentionFigures {
  cohortAccounts: number;
  retainedAccounts: number;
  startingArr: bigint;
  /** The retained cohort accounts' ARR at the end of `to`. */
  cohortEndingArr: bigint;
  expansion: bigint;
  contraction: bigint;
  churn: bigint;
  churnVoluntary: bigint;
  churnInvoluntary: bigint;
  /** Churn whose kind nobody recorded (an ARR set to 0 by an accounts import). */
  churnUnspecified: bigint;
  newAccounts: number;
  newArr: bigint;
  /** The part of newArr from accounts that churned before the period and came back inside it. */
  reactivatedAccounts: number;
  reactivationArr: bigint;
  nrr: number | null;
  grr: number | null;
  churnRate: number | null;
  expansionRate: number | null;
  logoRetention: number | null;
}

const direction: Record<MovementKind, 1n | -1n> = {
  new: 1n,
  expansion: 1n,
  reactivation: 1n,
  contraction: -1n,
  churn: -1n,
};

/** An account's ARR at the end of `day`: its ledger up to and including that day. */
export function arrAt(movements: readonly LedgerMovement[], day: string): bigint {
  let arr = 0n;
  for (const movement of movements)
    if (movement.date <= day) arr += direction[movement.kind] * movement.cents;
  return arr;
}

/**
 * Where one account stands for a period: its ARR at the end of `from` and of `to`, the kind of its last
 * churn inside the period, and whether it had any ARR movement up to `from` (a customer before).
 */
export interface AccountPosition {
  id: string;
  startCents: bigint;
  endCents: bigint;
  lastChurnType: ChurnKind | null;
  hadHistory: boolean;
}

export function positionOf(account: LedgerAccount, period: Period): AccountPosition {
  const churns = account.movements
    .filter((m) => m.kind === "churn" && inPeriod(m.date, period))
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: account.id,
    startCents: arrAt(account.movements, period.from),
    endCents: arrAt(account.movements, period.to),
    lastChurnType: churns.at(-1)?.churnType ?? null,
    hadHistory: account.movements.some((m) => m.date <= period.from),
  };
}

export function revenueRetention(positions: Iterable<AccountPosition>): RetentionFigures {
  const figures = emptyFigures();
  for (const position of positions) {
    const { startCents: start, endCents: end } = position;
    if (start > 0n) countCohortAccount(figures, position);
    else if (end > 0n) {
      figures.newAccounts++;
      figures.newArr += end;
      if (position.hadHistory) {
        figures.reactivatedAccounts++;
        figures.reactivationArr += end;
      }
    }
  }
  const { startingArr: start, expansion, contraction, churn } = figures;
  figures.nrr = percentOf(start + expansion - contraction - churn, start);
  figures.grr = percentOf(start - contraction - churn, start);
  figures.churnRate = percentOf(churn, start);
  figures.expansionRate = percentOf(expansion, start);
  figures.logoRetention = percentOf(BigInt(figures.retainedAccounts), BigInt(figures.cohortAccounts));
  return figures;
}

function countCohortAccount(figures: RetentionFigures, position: AccountPosition): void {
  const { startCents: start, endCents: end } = position;
  figures.cohortAccounts++;
  figures.startingArr += start;
  if (end <= 0n) {
    figures.churn += start;
    if (position.lastChurnType === "voluntary") figures.churnVoluntary += start;
    else if (position.lastChurnType === "involuntary") figures.churnInvoluntary += start;
    else figures.churnUnspecified += start;
    return;
  }
  figures.retainedAccounts++;
  figures.cohortEndingArr += end;
  if (end > start) figures.expansion += end - start;
  else figures.contraction += start - end;
}

function emptyFigures(): RetentionFigures {
  return {
    cohortAccounts: 0,
    retainedAccounts: 0,
    startingArr: 0n,
    cohortEndingArr: 0n,
    expansion: 0n,
    contraction: 0n,
    churn: 0n,
    churnVoluntary: 0n,
    churnInvoluntary: 0n,
    churnUnspecified: 0n,
    newAccounts: 0,
    newArr: 0n,
    reactivatedAccounts: 0,
    reactivationArr: 0n,
    nrr: null,
    grr: null,
    churnRate: null,
    expansionRate: null,
    logoRetention: null,
  };
}
