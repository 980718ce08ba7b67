// The fixture book of the metrics tests: ten accounts whose ledgers cover every rule and edge case
// of the metrics, as the files a team would import, with the outcomes and survey readings around them.
// The expected figures are worked out by hand in test/unit/metrics.test.ts; fixtureReport computes them
// with the domain's functions, for the tests that check the same figures come through the CLI.
import { expect } from "vitest";
import { parseLedgerCsv } from "../../src/domain/ledger-csv.ts";
import { type MetricsReport, metricsReport } from "../../src/domain/metrics/report.ts";
import { type LedgerAccount, positionOf } from "../../src/domain/metrics/retention.ts";
import { centsOf } from "../../src/domain/money.ts";

/** The period of the tests: from the end of 2025-12-31 to the end of 2026-06-30. */
export const period = { from: "2025-12-31", to: "2026-06-30" };

export const people = { ana: "UANA00001", ben: "UBEN00001", mia: "UMIA00001" };

/**
 * The accounts as the CRM exports them. M-8 belongs to Ana at the end of the period; it moves to Ben
 * later (handover). M-9's ARR is blank: unknown. M-1's ARR ends in 0.02 and M-2's in 0.00 because their
 * ledgers' amounts of 20000.015 and 10000.005 round to the cent half to even.
 */
export const accountsCsv = [
  "external_id,name,owner,arr,segment,renewal_date",
  "M-1,Upsell Corp,UANA00001,120000.02,enterprise,2027-03-01",
  "M-2,Downsell Inc,UANA00001,40000,mid-market,2027-03-31",
  "M-3,Leaver Ltd,UBEN00001,0,enterprise,2026-04-30",
  "M-4,Card Declined Co,UBEN00001,0,smb,",
  "M-5,Boundary Bros,UANA00001,10000,smb,2026-05-15",
  "M-6,Boomerang LLC,UANA00001,25000,mid-market,2027-02-01",
  "M-7,Fresh Start,UBEN00001,12000,smb,2027-01-01",
  "M-8,Comeback Kid,UANA00001,70000,enterprise,2027-03-15",
  "M-9,Mystery Holdings,UBEN00001,,enterprise,2026-06-01",
  "M-10,Next Quarter,UBEN00001,5000,smb,2027-07-01",
].join("\n");

export const handoverCsv = ["external_id,name,owner", "M-8,Comeback Kid,UBEN00001"].join("\n");

export const ledgerCsv = [
  "external_id,date,type,amount,reason",
  "M-1,2024-01-15,new,100000,",
  "M-1,2026-03-01,expansion,20000.015,second team",
  "M-2,2024-06-01,new,50000,",
  "M-2,2026-03-31,contraction,10000.005,fewer seats",
  "M-3,2023-05-01,new,40000,",
  "M-3,2026-04-30,churn_voluntary,40000,moved to a competitor",
  "M-4,2025-01-01,new,10000.50,",
  "M-4,2026-06-30,churn_involuntary,10000.50,card declined",
  "M-5,2024-01-01,new,8000,",
  "M-5,2025-12-31,expansion,2000,",
  "M-6,2024-02-01,new,30000,",
  "M-6,2026-02-01,churn_voluntary,30000,budget freeze",
  "M-6,2026-05-01,reactivation,25000,",
  "M-7,2026-01-01,new,12000,",
  "M-8,2023-01-01,new,60000,",
  "M-8,2025-06-01,churn_voluntary,60000,acquired",
  "M-8,2026-03-15,reactivation,70000,",
  "M-10,2026-07-01,new,5000,",
].join("\n");

/** Renewal dates inside the period that passed with no outcome, with the account's ARR (M-9's unknown). */
export const openRenewals = [
  { externalId: "M-5", renewalDate: "2026-05-15", arr: "10000" },
  { externalId: "M-9", renewalDate: "2026-06-01", arr: null },
] as const;

/** Renewal outcomes recorded in the period (M-5's and M-9's renewals passed with none). */
export const renewalOutcomes = [
  {
    externalId: "M-1",
    renewalDate: "2026-03-01",
    result: "upsold",
    arrBefore: "100000",
    arrAfter: "120000.02",
  },
  { externalId: "M-2", renewalDate: "2026-03-31", result: "downsold", arrBefore: "50000", arrAfter: "40000" },
  { externalId: "M-3", renewalDate: "2026-04-30", result: "churned", arrBefore: "40000", arrAfter: "0" },
] as const;

/** Survey readings of the health signals; only the latest inside the period counts, per account. */
export const surveyReadings = [
  { externalId: "M-1", date: "2026-02-01", nps: 40, csat: "4.00" },
  { externalId: "M-1", date: "2026-05-01", nps: 50, csat: "4.50" },
  { externalId: "M-2", date: "2026-06-30", nps: -20, csat: "3.75" },
  { externalId: "M-3", date: "2025-12-31", nps: 10, csat: "1.00" },
  { externalId: "M-5", date: "2026-04-01", nps: 6, csat: null },
  { externalId: "M-6", date: "2026-07-01", nps: -90, csat: "1.00" },
  { externalId: "M-7", date: "2026-03-03", nps: 5, csat: null },
] as const;

/** The ledgers of the fixture book's accounts (all of them, or those named), as the domain reads them. */
export function fixtureLedgers(externalIds?: readonly string[]): LedgerAccount[] {
  const { rows, problems } = parseLedgerCsv(ledgerCsv);
  expect(problems).toEqual([]);
  const byAccount = new Map<string, LedgerAccount>();
  for (const row of rows) {
    if (externalIds && !externalIds.includes(row.externalId)) continue;
    const account = byAccount.get(row.externalId) ?? { id: row.externalId, movements: [] };
    const movement = {
      date: row.date.toISOString().slice(0, 10),
      kind: row.kind,
      cents: row.cents,
      churnType: row.churnType,
    };
    byAccount.set(row.externalId, { ...account, movements: [...account.movements, movement] });
  }
  return [...byAccount.values()];
}

/** The fixture book's report over `period` for the accounts named (all when none are). */
export function fixtureReport(externalIds?: readonly string[], unknownArrAccounts = 0): MetricsReport {
  const named = (id: string) => !externalIds || externalIds.includes(id);
  return metricsReport(
    {
      positions: fixtureLedgers(externalIds).map((account) => positionOf(account, period)),
      unknownArrAccounts,
      renewals: [
        ...renewalOutcomes
          .filter((o) => named(o.externalId))
          .map((o) => ({
            renewalDate: o.renewalDate,
            result: o.result,
            arrBeforeCents: centsOf(o.arrBefore),
            arrAfterCents: centsOf(o.arrAfter),
          })),
        ...openRenewals
          .filter((o) => named(o.externalId))
          .map((o) => ({
            renewalDate: o.renewalDate,
            result: null,
            arrBeforeCents: o.arr === null ? null : centsOf(o.arr),
            arrAfterCents: null,
          })),
      ],
      surveys: surveyReadings
        .filter((r) => named(r.externalId))
        .map((r) => ({
          accountId: r.externalId,
          date: r.date,
          nps: r.nps,
          csatHundredths: r.csat === null ? null : Number(centsOf(r.csat)),
        })),
    },
    period,
    "2026-12-07",
  );
}
