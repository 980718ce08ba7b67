// The health score of one account on one day (docs/health-model.md): six sub-scores,
// a weighted composite, its band, and the reasons a CSM reads on the card.
//
// Each sub-score is 0-100 and lands in the range of its band, so a sub-score and the composite read on
// one scale: red below `bands.yellowFrom` (default 40), yellow below `bands.greenFrom` (70), green above.
// Inside its band a sub-score moves linearly with the signal; a red one falls to 0 at twice its red
// threshold (90 days dark, a 100% login drop, 4 P1/P2 tickets, 60 days overdue).
import { daysBetween } from "../lifecycle.ts";
import { type HealthConfig, type SubScoreName, subScoreNames, supportThresholds } from "./config.ts";
import type { CurrentSignals } from "./current.ts";
import {
  isStale,
  notEnoughDataText,
  type StaleSignal,
  signalSubScoreNames,
  staleText,
  subScoreAge,
} from "./freshness.ts";
import { adoptionPctOf, loginDropPct, sponsorDarkDays } from "./readings.ts";
import type { SignalSnapshot } from "./signals.ts";

export { type SubScoreName, subScoreNames };
/** "unknown": fewer fresh signals than the team's minimum; the card says "not enough data". */
export type HealthBand = "green" | "yellow" | "red" | "unknown";

export interface HealthInput {
  today: Date;
  renewalDate: Date | null;
  /** Every signal at its latest known value (see `currentSignals`). */
  latest: SignalSnapshot | null;
  /** The snapshot 7 days (±1) before `latest`, for the login trend; see `findWeekAgo`. */
  weekAgo: SignalSnapshot | null;
  /** The day each field of `latest` was sent; a field missing here counts as sent on `latest.date`. */
  asOf?: CurrentSignals["asOf"];
  /** The account's segment, for the support thresholds. */
  segment?: string | null;
}

export interface HealthResult {
  /** 0-100, an integer. */
  score: number;
  band: HealthBand;
  subScores: Record<SubScoreName, number | null>;
  /** Yellow and red sub-scores in plain words, worst first. */
  reasons: string[];
  /** The sub-scores that could not be computed because their signals are unknown. */
  missingSignals: SubScoreName[];
  /** Known signals older than their staleness window, with their age in days. */
  staleSignals: StaleSignal[];
}

/** The score shown beside "not enough data" when no weighted signal is known at all. */
const noSignalsScore = 50;

export function bandFor(score: number, config: HealthConfig): Exclude<HealthBand, "unknown"> {
  if (score >= config.bands.greenFrom) return "green";
  return score >= config.bands.yellowFrom ? "yellow" : "red";
}

/**
 * The composite is the weighted mean of the KNOWN sub-scores (weights re-normalized over them), rounded.
 * Rules on top of it:
 * - red sub-scores listed in `redCapsBand` (by default all but renewal) cap the composite: one at the top
 *   of yellow, two or more at the top of red. A sub-score weighted 0 does not count, so it caps nothing
 *   either; its reason is still given;
 * - a renewal date that passed with no outcome recorded caps it at the top of yellow: never silently green;
 * - the band needs `freshness.minimumFreshSignals` known signal sub-scores within their staleness
 *   window; with fewer, the band is "unknown" (not enough data), led by a reason that says so. Unknown
 *   is not healthy.
 */
export function scoreHealth(input: HealthInput, config: HealthConfig): HealthResult {
  const readings = readAll(input, config);
  const subScores = Object.fromEntries(
    subScoreNames.map((name) => [name, readings[name]?.score ?? null]),
  ) as Record<SubScoreName, number | null>;
  const missingSignals = subScoreNames.filter((name) => readings[name] === null);
  const missingFeeds = signalSubScoreNames.filter((name) => readings[name] === null);
  const staleSignals = staleSignalsOf(input, config, readings);
  const reasons = subScoreNames
    .flatMap((name, order) => (readings[name]?.notes ?? []).map((note) => ({ ...note, order })))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map((note) => note.text)
    .concat(staleSignals.map(staleText));
  const fresh = signalSubScoreNames.filter(
    (name) => readings[name] !== null && !staleSignals.some((stale) => stale.name === name),
  ).length;
  const anyWeighted = signalSubScoreNames.some((name) => readings[name] !== null && config.weights[name] > 0);
  const enoughData = anyWeighted && fresh >= config.freshness.minimumFreshSignals;
  const result = (score: number, band: HealthBand): HealthResult => ({
    score,
    band: enoughData ? band : "unknown",
    subScores,
    reasons: enoughData ? reasons : [notEnoughDataText(fresh, missingFeeds, config), ...reasons],
    missingSignals,
    staleSignals,
  });

  if (!anyWeighted) {
    const score = Math.min(Math.max(noSignalsScore, config.bands.yellowFrom), config.bands.greenFrom - 1);
    return result(score, "unknown");
  }
  const weighted = subScoreNames.filter((name) => subScores[name] !== null && config.weights[name] > 0);
  let total = 0;
  let weights = 0;
  for (const name of weighted) {
    total += config.weights[name] * (subScores[name] ?? 0);
    weights += config.weights[name];
  }
  let score = Math.round(total / weights);
  const reds = config.redCapsBand.filter(
    (name) => config.weights[name] > 0 && readings[name]?.band === "red",
  ).length;
  if (reds >= 2) score = Math.min(score, config.bands.yellowFrom - 1);
  else if (reds === 1 || renewalOverdue(input)) score = Math.min(score, config.bands.greenFrom - 1);
  return result(score, bandFor(score, config));
}

/** The renewal date passed and nobody recorded an outcome (which would have moved the date). */
export function renewalOverdue(input: Pick<HealthInput, "today" | "renewalDate">): boolean {
  return input.renewalDate !== null && daysBetween(input.today, input.renewalDate) < 0;
}

function staleSignalsOf(
  input: HealthInput,
  config: HealthConfig,
  readings: Record<SubScoreName, Reading | null>,
): StaleSignal[] {
  const { latest, today } = input;
  if (!latest) return [];
  const signals = { latest, asOf: input.asOf ?? {} };
  return signalSubScoreNames.flatMap((name) => {
    const days = readings[name] === null ? null : subScoreAge(signals, name, today);
    return days !== null && isStale(name, days, config) ? [{ name, days }] : [];
  });
}

interface Note {
  score: number;
  text: string;
}
interface Reading {
  score: number;
  band: HealthBand;
  /** What is wrong, one note per yellow or red part, scored so the worst sorts first. */
  notes: Note[];
}
interface Placement {
  band: HealthBand;
  /** Where in its band, 0 (worst edge) to 1 (best edge). */
  within: number;
}

function readAll(input: HealthInput, config: HealthConfig): Record<SubScoreName, Reading | null> {
  const { latest } = input;
  return {
    adoption: latest && readAdoption(latest, config),
    loginTrend: latest && readLoginTrend(latest, input.weekAgo, config),
    sponsor: latest && readSponsor(latest, input.today, config),
    support: latest && readSupport(latest, input.segment, config),
    payment: latest && readPayment(latest, config),
    renewal: readRenewal(input, config),
  };
}

function readAdoption(latest: SignalSnapshot, config: HealthConfig): Reading | null {
  const pct = adoptionPctOf(latest);
  if (pct === null) return null;
  const { redBelowPct, greenFromPct } = config.thresholds.adoption;
  const placement = lowerIsWorse(pct, redBelowPct, greenFromPct, 100, false);
  const limit = placement.band === "red" ? redBelowPct : greenFromPct;
  const text = `adoption ${percentText(pct, [redBelowPct, greenFromPct])}% of plan features (below ${limit}%)`;
  return reading(placement, config, text);
}

function readLoginTrend(latest: SignalSnapshot, weekAgo: SignalSnapshot | null, config: HealthConfig) {
  const drop = loginDropPct(latest, weekAgo);
  if (drop === null) return null;
  const { yellowDropAbovePct, redDropAbovePct } = config.thresholds.loginTrend;
  const placement = higherIsWorse(drop, yellowDropAbovePct, redDropAbovePct, false);
  const pct = percentText(drop, [yellowDropAbovePct, redDropAbovePct]);
  return reading(placement, config, `power-user logins down ${pct}% week over week`);
}

function readSponsor(latest: SignalSnapshot, today: Date, config: HealthConfig): Reading | null {
  const dark = sponsorDarkDays(latest, today);
  if (dark === null) return null;
  const { yellowDarkAboveDays, redDarkAboveDays } = config.thresholds.sponsor;
  const placement = higherIsWorse(dark, yellowDarkAboveDays, redDarkAboveDays, false);
  return reading(placement, config, `sponsor dark for ${plural(dark, "day")}`);
}

/** The lower of the P1/P2 reading and the volume reading; each that is not green gives its own note. */
function readSupport(latest: SignalSnapshot, segment: string | null | undefined, config: HealthConfig) {
  const { p1P2YellowAt, p1P2RedAt, ticketsYellowAbove, ticketsRedAbove } = supportThresholds(config, segment);
  const parts: Reading[] = [];
  if (latest.p1P2Tickets30d !== null) {
    const n = latest.p1P2Tickets30d;
    const placement = higherIsWorse(n, p1P2YellowAt, p1P2RedAt, true);
    parts.push(reading(placement, config, `${plural(n, "P1/P2 ticket")} in 30 days`));
  }
  if (latest.tickets30d !== null) {
    const n = latest.tickets30d;
    const placement = higherIsWorse(n, ticketsYellowAbove, ticketsRedAbove, false);
    parts.push(reading(placement, config, `${plural(n, "ticket")} in 30 days`));
  }
  const worst = parts.reduce<Reading | null>(
    (min, part) => (min && min.score <= part.score ? min : part),
    null,
  );
  return worst && { ...worst, notes: parts.flatMap((part) => part.notes) };
}

function readPayment(latest: SignalSnapshot, config: HealthConfig): Reading | null {
  const overdue = latest.invoiceDaysOverdue;
  if (overdue === null) return null;
  const { yellowOverdueAboveDays, redOverdueAboveDays } = config.thresholds.payment;
  const placement = higherIsWorse(overdue, yellowOverdueAboveDays, redOverdueAboveDays, false);
  return reading(placement, config, `invoice ${plural(overdue, "day")} overdue`);
}

function readRenewal(input: HealthInput, config: HealthConfig): Reading | null {
  if (!input.renewalDate) return null;
  const days = daysBetween(input.today, input.renewalDate);
  const { redWithinDays, yellowWithinDays } = config.thresholds.renewal;
  const placement = lowerIsWorse(days, redWithinDays, yellowWithinDays, 2 * yellowWithinDays, true);
  const text =
    days > 0
      ? `renewal in ${plural(days, "day")}`
      : days === 0
        ? "renewal today"
        : `renewal overdue: the date passed ${plural(-days, "day")} ago with no outcome recorded`;
  return reading(placement, config, text);
}

function reading(placement: Placement, config: HealthConfig, text: string): Reading {
  const score = place(placement, config);
  return { score, band: placement.band, notes: placement.band === "green" ? [] : [{ score, text }] };
}

function place({ band, within }: Placement, config: HealthConfig): number {
  const { yellowFrom, greenFrom } = config.bands;
  const [low, high] =
    band === "red" ? [0, yellowFrom - 1] : band === "yellow" ? [yellowFrom, greenFrom - 1] : [greenFrom, 100];
  return low + Math.round(Math.min(1, Math.max(0, within)) * (high - low));
}

/** Tickets, days dark, days overdue, login drop: yellow past `yellow`, red past `red` (or at, if inclusive). */
function higherIsWorse(value: number, yellow: number, red: number, inclusive: boolean): Placement {
  const past = (limit: number) => (inclusive ? value >= limit : value > limit);
  if (past(red)) return { band: "red", within: (2 * red - value) / red };
  if (past(yellow)) return { band: "yellow", within: (red - value) / (red - yellow) };
  return { band: "green", within: yellow > 0 ? (yellow - value) / yellow : 1 };
}

/** Adoption, days to renewal: red under `red`, yellow under `green` (or at, if inclusive), best at `best`. */
function lowerIsWorse(
  value: number,
  red: number,
  green: number,
  best: number,
  inclusive: boolean,
): Placement {
  const under = (limit: number) => (inclusive ? value <= limit : value < limit);
  if (under(red)) return { band: "red", within: red > 0 ? value / red : 0 };
  if (under(green)) return { band: "yellow", within: (value - red) / (green - red) };
  return { band: "green", within: best > green ? (value - green) / (best - green) : 1 };
}

/** Whole percent, unless rounding would put the value on the other side of a threshold (39.9, not 40). */
function percentText(value: number, thresholds: number[]): string {
  const side = (v: number, t: number) => Math.sign(v - t);
  for (const digits of [0, 1, 2]) {
    const shown = Math.round(value * 10 ** digits) / 10 ** digits;
    if (thresholds.every((t) => side(shown, t) === side(value, t))) return String(shown);
  }
  return String(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
