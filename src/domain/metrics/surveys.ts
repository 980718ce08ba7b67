// NPS and CSAT of a set of accounts over a period, from the health signals' survey readings. Each
// account counts once, with its latest reading inside the period, so an account whose feed reports
// daily weighs no more than one that reports monthly.
import { inPeriod, type Period } from "./period.ts";
import { meanOf } from "./rounding.ts";

export interface SurveyReading {
  accountId: string;
  /** ISO day of the reading. */
  date: string;
  /** The account's NPS, -100 to 100. */
  nps: number | null;
  /** The account's CSAT in hundredths (4.25 is 425). */
  csatHundredths: number | null;
}

export interface SurveyFigures {
  /** Mean of the accounts' NPS, one decimal; null without readings. */
  nps: number | null;
  npsAccounts: number;
  /** Mean of the accounts' CSAT (1-5), two decimals; null without readings. */
  csat: number | null;
  csatAccounts: number;
}

export function surveyScores(readings: readonly SurveyReading[], period: Period): SurveyFigures {
  const nps = latestPerAccount(readings, period, (r) => r.nps);
  const csat = latestPerAccount(readings, period, (r) => r.csatHundredths);
  return {
    nps: meanOf(nps, 1),
    npsAccounts: nps.length,
    csat: csat.length ? (meanOf(csat, 0) as number) / 100 : null,
    csatAccounts: csat.length,
  };
}

function latestPerAccount(
  readings: readonly SurveyReading[],
  period: Period,
  value: (reading: SurveyReading) => number | null,
): bigint[] {
  const latest = new Map<string, { date: string; value: number }>();
  for (const reading of readings) {
    const v = value(reading);
    if (v === null || !inPeriod(reading.date, period)) continue;
    const seen = latest.get(reading.accountId);
    if (!seen || seen.date < reading.date) latest.set(reading.accountId, { date: reading.date, value: v });
  }
  return [...latest.values()].map((entry) => BigInt(entry.value));
}
