// `csm metrics` as text: one metric a line, its figure, and what it is made of, so the arithmetic can
// be checked by eye. A metric without a base reads "n/a".
import { formatMoney } from "../domain/money.ts";
import type { ScopedMetrics } from "../services/metrics.ts";
import { formatCount } from "./output.ts";

const dollars = (amount: number) => formatMoney(amount.toFixed(2));
const percent = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)}%`);
const score = (value: number | null, decimals: number) => (value === null ? "n/a" : value.toFixed(decimals));

export function metricsTable(m: ScopedMetrics): string {
  const lines: [string, string, string?][] = [
    ["Cohort accounts", String(m.cohortAccounts), `ARR above zero at the end of ${m.from}`],
    ["Retained accounts", String(m.retainedAccounts), `still above zero at the end of ${m.to}`],
    ["Starting ARR", dollars(m.startingArr)],
    ["Expansion", dollars(m.expansion)],
    ["Contraction", dollars(m.contraction)],
    [
      "Churn",
      dollars(m.churn),
      `voluntary ${dollars(m.churnVoluntary)}, involuntary ${dollars(m.churnInvoluntary)}, not recorded ${dollars(m.churnUnspecified)}`,
    ],
    [
      "New ARR",
      dollars(m.newArr),
      `${formatCount(m.newAccounts, "account")}, of which ${m.reactivatedAccounts} back after a churn: ${dollars(m.reactivationArr)}`,
    ],
    ["NRR", percent(m.nrr), "(starting + expansion - contraction - churn) / starting"],
    ["GRR", percent(m.grr), "(starting - contraction - churn) / starting"],
    ["Churn rate", percent(m.churnRate), "churn / starting"],
    ["Expansion rate", percent(m.expansionRate), "expansion / starting"],
    ["Logo retention", percent(m.logoRetention), "retained / cohort accounts"],
    ["Renewal rate", percent(m.renewalRateCount), `${m.renewalsRenewed} of ${m.renewalsDue} renewals due`],
    [
      "Renewal rate (ARR)",
      percent(m.renewalRateArr),
      `${dollars(m.renewalArrRenewed)} of ${dollars(m.renewalArrDue)} up for renewal`,
    ],
    ["NPS", score(m.nps, 1), formatCount(m.npsAccounts, "account")],
    ["CSAT", score(m.csat, 2), formatCount(m.csatAccounts, "account")],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  const figureWidth = Math.max(...lines.map(([, figure]) => figure.length));
  const body = lines.map(([label, figure, note]) =>
    `${label.padEnd(width)}  ${figure.padStart(figureWidth)}${note ? `  ${note}` : ""}`.trimEnd(),
  );
  const unknown = m.unknownArrAccounts
    ? [`${formatCount(m.unknownArrAccounts, "account")} with unknown ARR, left out of the money metrics.`]
    : [];
  return [
    `Metrics for ${m.scope}, from the end of ${m.from} to the end of ${m.to}:`,
    ...body,
    ...unknown,
  ].join("\n");
}
