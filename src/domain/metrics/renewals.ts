// Renewal rate over a period, by count and by ARR: renewed / up for renewal x 100. Up for renewal are
// the renewal dates inside the period that have an outcome, and those already past with none (a
// renewal nobody closed is not renewed). By ARR, a renewal counts with at most the ARR that was up
// (an upsell does not make the rate pass 100) and an account with unknown ARR is left out.
import { inPeriod, type Period } from "./period.ts";
import { percentOf } from "./rounding.ts";

export type RenewalResult = "renewed" | "downsold" | "upsold" | "churned";

export interface RenewalDue {
  /** ISO day of the renewal date. */
  renewalDate: string;
  /** Null: no outcome recorded yet. */
  result: RenewalResult | null;
  /** ARR up for renewal; null when unknown. */
  arrBeforeCents: bigint | null;
  /** ARR after the outcome; null without an outcome. */
  arrAfterCents: bigint | null;
}

export interface RenewalFigures {
  renewalsDue: number;
  renewalsRenewed: number;
  renewalArrDue: bigint;
  renewalArrRenewed: bigint;
  renewalRateCount: number | null;
  renewalRateArr: number | null;
}

/** `today` (ISO day): an open renewal counts only once its date has passed. */
export function renewalRate(renewals: readonly RenewalDue[], period: Period, today: string): RenewalFigures {
  let [due, renewed, arrDue, arrRenewed] = [0, 0, 0n, 0n];
  for (const renewal of renewals) {
    if (!inPeriod(renewal.renewalDate, period)) continue;
    if (renewal.result === null && renewal.renewalDate >= today) continue;
    const kept = renewal.result !== null && renewal.result !== "churned";
    due++;
    if (kept) renewed++;
    if (renewal.arrBeforeCents === null) continue;
    arrDue += renewal.arrBeforeCents;
    if (kept) {
      const after = renewal.arrAfterCents ?? 0n;
      arrRenewed += after < renewal.arrBeforeCents ? after : renewal.arrBeforeCents;
    }
  }
  return {
    renewalsDue: due,
    renewalsRenewed: renewed,
    renewalArrDue: arrDue,
    renewalArrRenewed: arrRenewed,
    renewalRateCount: percentOf(BigInt(renewed), BigInt(due)),
    renewalRateArr: percentOf(arrRenewed, arrDue),
  };
}
