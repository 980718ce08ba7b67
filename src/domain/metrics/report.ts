// The metrics of one scope over one period, as the CLI prints them and --json shows them: money in
// currency units (exact to the cent), percentages rounded half-even to one decimal, null where a
// metric has no base (no starting ARR, no renewal due, no survey reading).
import { fromCents } from "../money.ts";
import type { Period } from "./period.ts";
import { type RenewalDue, renewalRate } from "./renewals.ts";
import { type AccountPosition, revenueRetention } from "./retention.ts";
import { type SurveyReading, surveyScores } from "./surveys.ts";

export interface MetricsInput {
  /** Where each account of the scope whose ARR is known stands for the period. */
  positions: Iterable<AccountPosition>;
  /** Accounts of the scope whose ARR is unknown: counted, left out of every money metric. */
  unknownArrAccounts: number;
  renewals: readonly RenewalDue[];
  surveys: readonly SurveyReading[];
}

export interface MetricsReport {
  from: string;
  to: string;
  cohortAccounts: number;
  retainedAccounts: number;
  startingArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  newArr: number;
  nrr: number | null;
  grr: number | null;
  churnRate: number | null;
  expansionRate: number | null;
  logoRetention: number | null;
  cohortEndingArr: number;
  churnVoluntary: number;
  churnInvoluntary: number;
  churnUnspecified: number;
  newAccounts: number;
  reactivatedAccounts: number;
  reactivationArr: number;
  unknownArrAccounts: number;
  renewalsDue: number;
  renewalsRenewed: number;
  renewalArrDue: number;
  renewalArrRenewed: number;
  renewalRateCount: number | null;
  renewalRateArr: number | null;
  nps: number | null;
  npsAccounts: number;
  csat: number | null;
  csatAccounts: number;
}

const money = (cents: bigint) => Number(fromCents(cents));

/** `today`: the ISO day the report is made; renewals due after it are not yet up. */
export function metricsReport(input: MetricsInput, period: Period, today: string): MetricsReport {
  const r = revenueRetention(input.positions);
  const renewals = renewalRate(input.renewals, period, today);
  return {
    from: period.from,
    to: period.to,
    cohortAccounts: r.cohortAccounts,
    retainedAccounts: r.retainedAccounts,
    startingArr: money(r.startingArr),
    expansion: money(r.expansion),
    contraction: money(r.contraction),
    churn: money(r.churn),
    newArr: money(r.newArr),
    nrr: r.nrr,
    grr: r.grr,
    churnRate: r.churnRate,
    expansionRate: r.expansionRate,
    logoRetention: r.logoRetention,
    cohortEndingArr: money(r.cohortEndingArr),
    churnVoluntary: money(r.churnVoluntary),
    churnInvoluntary: money(r.churnInvoluntary),
    churnUnspecified: money(r.churnUnspecified),
    newAccounts: r.newAccounts,
    reactivatedAccounts: r.reactivatedAccounts,
    reactivationArr: money(r.reactivationArr),
    unknownArrAccounts: input.unknownArrAccounts,
    renewalsDue: renewals.renewalsDue,
    renewalsRenewed: renewals.renewalsRenewed,
    renewalArrDue: money(renewals.renewalArrDue),
    renewalArrRenewed: money(renewals.renewalArrRenewed),
    renewalRateCount: renewals.renewalRateCount,
    renewalRateArr: renewals.renewalRateArr,
    ...surveyScores(input.surveys, period),
  };
}
