// The health history of one demo account: eight weekly scores that follow its story (with sub-scores,
// plain-words reasons and a four-week trend) and the latest signal snapshot they were computed from.
import { randomUUID } from "node:crypto";
import type { HealthBand } from "../generated/prisma/client.ts";
import { type Curve, segmentTerms } from "./data.ts";
import { addDays, addHours, daysBetween, earliest } from "./dates.ts";
import type { AccountDraft, Build, Person } from "./draft.ts";

/** The raw inputs of one weekly score, as a signal feed would report them. */
export interface WeekSignals {
  date: Date;
  featuresUsed: number;
  featuresInPlan: number;
  powerUserLogins: number;
  previousLogins: number;
  /** null when no executive sponsor is mapped. */
  sponsorDarkDays: number | null;
  tickets30d: number;
  p1P2Tickets30d: number;
  invoiceDaysOverdue: number;
  daysToRenewal: number;
}

type SubScores = {
  adoption: number;
  loginTrend: number;
  sponsor: number;
  support: number;
  payment: number;
  renewal: number;
};

// Demo weights; the real scorer reads its weights from configuration.
const weights: SubScores = {
  adoption: 0.25,
  loginTrend: 0.2,
  sponsor: 0.2,
  support: 0.15,
  payment: 0.1,
  renewal: 0.1,
};
const historyWeeks = 8;

/** Where the account stands after its history: what the plays are raised from. */
export interface HealthHistory {
  band: HealthBand;
  latest: { signals: WeekSignals; score: number };
  scoreFourWeeksAgo: number;
}

/** Eight weekly scores along the account's story, and the latest signal snapshot. */
export function addHealth(b: Build, draft: AccountDraft, people: Person[]): HealthHistory {
  const { rng, rows, now, today } = b;
  const { script } = draft;
  const featuresInPlan = segmentTerms[draft.company.segment].featuresInPlan;
  const usualLogins = Math.min(90, Math.max(5, Math.round(draft.seats * 0.12)));
  const adoptionOffset = (rng.next() - 0.5) * 0.08;
  const sponsorDays = people
    .filter((person) => person.row.role === "executive_sponsor")
    .map((person) => daysBetween(person.row.lastContactOn, today));
  const latestDark = sponsorDays.length ? Math.min(...sponsorDays) : null;
  let previousLogins = Math.round(usualLogins * script.logins[0] * (1 + (rng.next() - 0.5) * 0.1));
  const weeks: { signals: WeekSignals; subScores: SubScores; score: number }[] = [];
  for (let week = 0; week < historyWeeks; week++) {
    const latest = week === historyWeeks - 1;
    const date = addDays(today, -7 * (historyWeeks - 1 - week));
    const at = (curve: Curve) =>
      latest ? curve[2] : curve[0] + ((curve[1] - curve[0]) * week) / (historyWeeks - 2);
    const jitter = (spread: number) => (latest ? 0 : (rng.next() - 0.5) * spread);
    const adoption = at(script.adoption) + adoptionOffset + jitter(0.03);
    const logins = Math.max(0, Math.round(usualLogins * at(script.logins) * (1 + jitter(0.1))));
    const tickets = Math.max(0, Math.round(at(script.tickets30d) + jitter(2)));
    const signals: WeekSignals = {
      date,
      featuresUsed: clamp(Math.round(adoption * featuresInPlan), 1, featuresInPlan),
      featuresInPlan,
      powerUserLogins: logins,
      previousLogins,
      sponsorDarkDays:
        latestDark === null
          ? null
          : latest
            ? latestDark
            : Math.max(1, Math.round(at(script.sponsorDarkDays) + jitter(4))),
      tickets30d: tickets,
      p1P2Tickets30d: Math.min(tickets, Math.round(at(script.p1P2Tickets30d))),
      invoiceDaysOverdue: Math.max(0, Math.round(at(script.invoiceDaysOverdue))),
      daysToRenewal: daysBetween(date, draft.renewalDate),
    };
    previousLogins = logins;
    const subScores = subScoresOf(signals);
    const score = Math.round(
      (Object.keys(weights) as (keyof SubScores)[]).reduce(
        (sum, key) => sum + subScores[key] * weights[key],
        0,
      ),
    );
    weeks.push({ signals, subScores, score });
  }

  weeks.forEach(({ signals, subScores, score }, week) => {
    const monthAgo = weeks[week - 4]?.score;
    const trend = monthAgo === undefined ? 0 : score - monthAgo;
    const computedAt = earliest(addHours(signals.date, 6), now);
    rows.scores.push({
      id: randomUUID(),
      accountId: draft.id,
      date: signals.date,
      score,
      band: bandOf(score),
      subScores,
      reasons: [
        ...reasonsFor(signals),
        ...(Math.abs(trend) >= 12
          ? [`score ${trend < 0 ? "down" : "up"} ${Math.abs(trend)} points in 4 weeks`]
          : []),
      ].slice(0, 4),
      missingSignals: [],
      computedAt,
    });
  });
  const last = weeks[weeks.length - 1]!;
  const s = last.signals;
  rows.signals.push({
    id: randomUUID(),
    accountId: draft.id,
    date: s.date,
    featuresUsed: s.featuresUsed,
    featuresInPlan: s.featuresInPlan,
    adoptionPct: ((s.featuresUsed / s.featuresInPlan) * 100).toFixed(2),
    powerUserLogins: s.powerUserLogins,
    sponsorLastResponse: s.sponsorDarkDays === null ? null : addDays(s.date, -s.sponsorDarkDays),
    tickets30d: s.tickets30d,
    p1P2Tickets30d: s.p1P2Tickets30d,
    invoiceDaysOverdue: s.invoiceDaysOverdue,
    seatsActive: Math.round(draft.seats * Math.min(0.97, s.featuresUsed / s.featuresInPlan + 0.15)),
    seatsPurchased: draft.seats,
    csat: (script.csat + (rng.next() - 0.5) * 0.3).toFixed(2),
    receivedAt: earliest(addHours(s.date, 5), now),
  });
  return {
    band: bandOf(last.score),
    latest: last,
    scoreFourWeeksAgo: weeks[weeks.length - 5]?.score ?? last.score,
  };
}

function subScoresOf(s: WeekSignals): SubScores {
  const loginChange = s.previousLogins === 0 ? 0 : (s.powerUserLogins - s.previousLogins) / s.previousLogins;
  return {
    adoption: clamp(Math.round((s.featuresUsed / s.featuresInPlan) * 125), 0, 100),
    loginTrend: clamp(Math.round(80 + loginChange * 140), 0, 100),
    // No sponsor mapped is scored like a sponsor long dark: nobody senior will defend the renewal.
    sponsor:
      s.sponsorDarkDays === null
        ? 15
        : clamp(Math.round(100 - (Math.max(0, s.sponsorDarkDays - 14) * 100) / 46), 0, 100),
    support: clamp(100 - s.tickets30d * 4 - s.p1P2Tickets30d * 15, 0, 100),
    payment: clamp(100 - s.invoiceDaysOverdue * 2, 0, 100),
    renewal: s.daysToRenewal > 120 ? 100 : s.daysToRenewal > 60 ? 80 : s.daysToRenewal > 30 ? 60 : 40,
  };
}

export const bandOf = (score: number): HealthBand => (score >= 70 ? "green" : score >= 40 ? "yellow" : "red");

export function loginDropPct(s: WeekSignals): number {
  return s.previousLogins === 0
    ? 0
    : Math.round(((s.previousLogins - s.powerUserLogins) / s.previousLogins) * 100);
}

/** Plain-words reasons, worst first; a healthy account says what is going well. */
function reasonsFor(s: WeekSignals): string[] {
  const found: [number, string][] = [];
  const adoptionPct = Math.round((s.featuresUsed / s.featuresInPlan) * 100);
  const drop = loginDropPct(s);
  const dark = s.sponsorDarkDays;
  if (dark === null) found.push([90, "no executive sponsor mapped"]);
  else if (dark > 45) found.push([100, `sponsor dark for ${dark} days`]);
  else if (dark > 30) found.push([50, `sponsor quiet for ${dark} days`]);
  if (drop > 50) found.push([95, `power-user logins down ${drop}% week over week`]);
  else if (drop >= 20) found.push([45, `power-user logins down ${drop}% week over week`]);
  if (adoptionPct < 40)
    found.push([
      80,
      `feature adoption at ${adoptionPct}% (${s.featuresUsed} of ${s.featuresInPlan} features)`,
    ]);
  else if (adoptionPct < 55) found.push([40, `feature adoption only ${adoptionPct}% of the plan`]);
  if (s.p1P2Tickets30d >= 2) found.push([85, `${s.p1P2Tickets30d} P1/P2 tickets in the last 30 days`]);
  else if (s.tickets30d >= 8) found.push([35, `${s.tickets30d} support tickets in the last 30 days`]);
  if (s.invoiceDaysOverdue > 0)
    found.push([s.invoiceDaysOverdue > 30 ? 88 : 30, `invoice ${s.invoiceDaysOverdue} days overdue`]);
  if (s.daysToRenewal <= 90) found.push([60, `renewal in ${s.daysToRenewal} days`]);
  if (found.length) return found.sort((a, b) => b[0] - a[0]).map(([, text]) => text);
  return [
    `feature adoption at ${adoptionPct}%`,
    drop < 0 ? `power-user logins up ${-drop}% week over week` : "power-user logins steady",
    ...(dark === null ? [] : [`sponsor replied ${dark} days ago`]),
  ];
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
