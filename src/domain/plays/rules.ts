// Which plays an account's signals call for today (DOMAIN.md: every red or yellow state maps to a play).
// The rules read the signals through the same readings and thresholds as the health score, so a play
// never fires on a value the score calls green, nor stays quiet on one it calls red. A rule whose signal
// is unknown does not fire: unknown is reported by the score, not acted on as if it were bad.
import type { HealthConfig } from "../health/config.ts";
import { adoptionPctOf, loginDropPct, sponsorDarkDays } from "../health/readings.ts";
import type { HealthResult } from "../health/score.ts";
import type { SignalSnapshot } from "../health/signals.ts";
import { daysBetween } from "../lifecycle.ts";
import type { PlayKind } from "./kinds.ts";

export interface PlayRuleInput {
  today: Date;
  contractStart: Date | null;
  executiveSponsors: number;
  health: HealthResult | null;
  latest: SignalSnapshot | null;
  /** The snapshot 7 days (±1) before `latest`; see `findWeekAgo`. */
  weekAgo: SignalSnapshot | null;
  config: HealthConfig;
}

export interface DesiredPlay {
  kind: PlayKind;
  /** In plain words, with the values that fired it: "Executive sponsor dark for 52 days". */
  reason: string;
  /** The values that fired the play and the threshold they crossed, stored with it. */
  trigger: Record<string, number | string | null>;
}

/** DOMAIN.md: two executive sponsors per account, mapped within the first 90 days. */
export const secondSponsorAfterDays = 90;
export const sponsorsWanted = 2;

/** How many of the health score's reasons the save play's reason repeats. */
const saveReasonCount = 3;

type Rule = (input: PlayRuleInput) => DesiredPlay | null;

// The order plays are listed in when several fire at once: the save play first, then by kind.
const rules: readonly Rule[] = [
  savePlay,
  sponsorReengage,
  secondSponsor,
  adoptionWorkshop,
  powerUserCheckin,
  supportEscalation,
  billingCheck,
];

export function desiredPlays(input: PlayRuleInput): DesiredPlay[] {
  return rules.flatMap((rule) => rule(input) ?? []);
}

function savePlay({ health, config }: PlayRuleInput): DesiredPlay | null {
  if (health?.band !== "red") return null;
  const top = health.reasons.slice(0, saveReasonCount);
  const more = health.reasons.length - top.length;
  const why = [...top, ...(more > 0 ? [`and ${more} more`] : [])].join("; ");
  return {
    kind: "save",
    reason: `Health red (${health.score})${why ? `: ${why}` : ""}`,
    trigger: { score: health.score, band: health.band, threshold: config.bands.yellowFrom },
  };
}

function sponsorReengage({ latest, config }: PlayRuleInput): DesiredPlay | null {
  const dark = latest ? sponsorDarkDays(latest) : null;
  const threshold = config.thresholds.sponsor.redDarkAboveDays;
  if (dark === null || dark <= threshold) return null;
  return {
    kind: "sponsor_reengage",
    reason: `Executive sponsor dark for ${plural(dark, "day")}`,
    trigger: {
      sponsorDarkDays: dark,
      sponsorLastResponse: isoDay(latest?.sponsorLastResponse ?? null),
      threshold,
    },
  };
}

function secondSponsor({ today, contractStart, executiveSponsors }: PlayRuleInput): DesiredPlay | null {
  if (!contractStart) return null;
  const contractDays = daysBetween(contractStart, today);
  // Day 90 is the first day after the first 90 (days 0-89), when value realization starts.
  if (contractDays < secondSponsorAfterDays || executiveSponsors >= sponsorsWanted) return null;
  const mapped = executiveSponsors <= 0 ? "No executive sponsor" : "Only one executive sponsor";
  return {
    kind: "second_sponsor",
    reason: `${mapped} mapped, ${plural(contractDays, "day")} into the contract`,
    trigger: {
      executiveSponsors: Math.max(0, executiveSponsors),
      contractDays,
      threshold: secondSponsorAfterDays,
    },
  };
}

function adoptionWorkshop({ latest, config }: PlayRuleInput): DesiredPlay | null {
  const pct = latest ? adoptionPctOf(latest) : null;
  const threshold = config.thresholds.adoption.redBelowPct;
  if (pct === null || pct >= threshold) return null;
  const counts =
    latest?.featuresUsed != null && latest.featuresInPlan != null && latest.featuresInPlan > 0
      ? ` (${latest.featuresUsed} of ${latest.featuresInPlan})`
      : "";
  return {
    kind: "adoption_workshop",
    reason: `Adoption ${percentText(pct, threshold)}% of plan features${counts}, below ${threshold}%`,
    trigger: { adoptionPct: pct, threshold },
  };
}

function powerUserCheckin({ latest, weekAgo, config }: PlayRuleInput): DesiredPlay | null {
  const drop = latest ? loginDropPct(latest, weekAgo) : null;
  const threshold = config.thresholds.loginTrend.redDropAbovePct;
  if (drop === null || drop <= threshold) return null;
  const before = weekAgo?.powerUserLogins ?? null;
  const now = latest?.powerUserLogins ?? null;
  return {
    kind: "power_user_checkin",
    reason: `Power-user logins down ${percentText(drop, threshold)}% week over week (${before} to ${now})`,
    trigger: { loginDropPct: drop, powerUserLogins: now, powerUserLoginsWeekAgo: before, threshold },
  };
}

function supportEscalation({ latest, config }: PlayRuleInput): DesiredPlay | null {
  const tickets = latest?.p1P2Tickets30d ?? null;
  const threshold = config.thresholds.support.p1P2RedAt;
  // At the threshold, as the support sub-score reads it: two P1/P2 tickets are already a spike.
  if (tickets === null || tickets < threshold) return null;
  return {
    kind: "support_escalation",
    reason: `P1/P2 spike: ${plural(tickets, "P1/P2 ticket")} in the last 30 days`,
    trigger: { p1P2Tickets30d: tickets, tickets30d: latest?.tickets30d ?? null, threshold },
  };
}

function billingCheck({ latest, config }: PlayRuleInput): DesiredPlay | null {
  const overdue = latest?.invoiceDaysOverdue ?? null;
  const threshold = config.thresholds.payment.yellowOverdueAboveDays;
  if (overdue === null || overdue <= threshold) return null;
  return {
    kind: "billing_check",
    reason: `Invoice ${plural(overdue, "day")} overdue`,
    trigger: { invoiceDaysOverdue: overdue, threshold },
  };
}

/** Whole percent, unless rounding would land on or across the threshold (39.9, not 40). */
function percentText(value: number, threshold: number): string {
  for (const digits of [0, 1, 2]) {
    const shown = Math.round(value * 10 ** digits) / 10 ** digits;
    if (Math.sign(shown - threshold) === Math.sign(value - threshold)) return String(shown);
  }
  return String(value);
}

function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
