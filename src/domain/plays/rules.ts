// Which plays an account's signals call for today: every red or yellow state maps to a play.
// The rules read the signals through the same readings and thresholds as the health score, so a play
// never fires on a value the score calls green, nor stays quiet on one it calls red.
//
// Each rule answers one of three things: the play is called for (with its reason), its trigger is
// cleared by a fresh reading, or nobody knows (the signal is unknown or stale). Only a fresh reading
// closes a play: a feed going quiet is a data gap, never good news.
import type { HealthConfig, SignalSubScoreName } from "../health/config.ts";
import { supportThresholds } from "../health/config.ts";
import { isStale, subScoreAge } from "../health/freshness.ts";
import { adoptionPctOf, loginDropPct, sponsorDarkDays } from "../health/readings.ts";
import type { HealthResult } from "../health/score.ts";
import type { SignalSnapshot } from "../health/signals.ts";
import { daysBetween } from "../lifecycle.ts";
import { dataGapPlay, type FeedStatus } from "./data-gap.ts";
import type { PlayKind } from "./kinds.ts";
import { percentText, plural } from "./wording.ts";

export interface PlayRuleInput {
  today: Date;
  contractStart: Date | null;
  executiveSponsors: number;
  segment?: string | null;
  health: HealthResult | null;
  /** Every signal at its latest known value (see `currentSignals`). */
  latest: SignalSnapshot | null;
  /** The snapshot 7 days (±1) before the latest known logins; see `findWeekAgo`. */
  weekAgo: SignalSnapshot | null;
  /** The day each known field was sent; a field missing here counts as sent on `latest.date`. */
  asOf?: Partial<Record<string, Date>>;
  /** The NPS known before the latest one. */
  previousNps?: number | null;
  /** Which feeds the team sends and which went silent; null when unknown (a partial re-score). */
  feeds?: FeedStatus | null;
  config: HealthConfig;
}

export interface DesiredPlay {
  kind: PlayKind;
  /** In plain words, with the values that fired it: "Executive sponsor dark for 52 days". */
  reason: string;
  /** The values that fired the play and the threshold they crossed, stored with it. */
  trigger: Record<string, number | string | null>;
  /** When the play falls due, where its rule says (the second sponsor by day 90); else 24 h after now. */
  dueAt?: Date;
}

/** A rule's answer: the play, "cleared" by a fresh reading, or "unknown". */
export type RuleOutcome = DesiredPlay | "cleared" | "unknown";

export interface PlayDecision {
  desired: DesiredPlay[];
  /** Kinds whose trigger a fresh reading shows cleared: their unclaimed plays may close. */
  cleared: Set<PlayKind>;
}

/** Two executive sponsors per account, mapped within the first 90 days. */
export const secondSponsorDueByDay = 90;
/** The second-sponsor play opens this many days into the contract, to be done by day 90. */
export const secondSponsorFromDay = 60;
export const sponsorsWanted = 2;

/** How many of the health score's reasons the save and review plays repeat. */
const reasonsRepeated = 3;
const dayMs = 86_400_000;

type Rule = (input: PlayRuleInput) => RuleOutcome;

// The order plays are listed in when several fire at once: the save play first, then by kind.
const rules: readonly Rule[] = [
  savePlay,
  healthReview,
  sponsorReengage,
  secondSponsor,
  adoptionWorkshop,
  powerUserCheckin,
  supportEscalation,
  billingCheck,
  npsRecovery,
  dataGapPlay,
];

export function decidePlays(input: PlayRuleInput): PlayDecision {
  const desired: DesiredPlay[] = [];
  const cleared = new Set<PlayKind>();
  for (const rule of rules) {
    const outcome = rule(input);
    if (outcome === "unknown") continue;
    if (outcome === "cleared") cleared.add(kindOf(rule));
    else desired.push(outcome);
  }
  return { desired, cleared };
}

/** The plays called for, without what is cleared: for callers that only open plays. */
export function desiredPlays(input: PlayRuleInput): DesiredPlay[] {
  return decidePlays(input).desired;
}

const ruleKinds = new Map<Rule, PlayKind>([
  [savePlay, "save"],
  [healthReview, "health_review"],
  [sponsorReengage, "sponsor_reengage"],
  [secondSponsor, "second_sponsor"],
  [adoptionWorkshop, "adoption_workshop"],
  [powerUserCheckin, "power_user_checkin"],
  [supportEscalation, "support_escalation"],
  [billingCheck, "billing_check"],
  [npsRecovery, "nps_recovery"],
  [dataGapPlay, "data_gap"],
]);
const kindOf = (rule: Rule) => ruleKinds.get(rule) as PlayKind;

/** Whether the signal behind a sub-score was sent within its staleness window. */
export function isFresh(input: PlayRuleInput, name: SignalSubScoreName): boolean {
  if (!input.latest) return false;
  const age = subScoreAge({ latest: input.latest, asOf: input.asOf ?? {} }, name, input.today);
  return age !== null && !isStale(name, age, input.config);
}

/** Fired when `fires`, cleared when the reading is fresh and does not fire, else unknown. */
function judged(input: PlayRuleInput, name: SignalSubScoreName, play: DesiredPlay | null): RuleOutcome {
  if (play) return play;
  return isFresh(input, name) ? "cleared" : "unknown";
}

function healthSummary(health: HealthResult): string {
  const top = health.reasons.slice(0, reasonsRepeated);
  const more = health.reasons.length - top.length;
  return [...top, ...(more > 0 ? [`and ${more} more`] : [])].join("; ");
}

function savePlay({ health, config }: PlayRuleInput): RuleOutcome {
  if (!health || health.band === "unknown") return "unknown";
  if (health.band !== "red") return "cleared";
  const why = healthSummary(health);
  return {
    kind: "save",
    reason: `Health red (${health.score})${why ? `: ${why}` : ""}`,
    trigger: { score: health.score, band: health.band, threshold: config.bands.yellowFrom },
  };
}

/** Yellow is a state to review, not to ignore; once red, the save play leads and this one joins it. */
function healthReview({ health, config }: PlayRuleInput): RuleOutcome {
  if (!health || health.band === "unknown") return "unknown";
  if (health.band === "green") return "cleared";
  if (health.band === "red") return "unknown";
  const why = healthSummary(health);
  return {
    kind: "health_review",
    reason: `Health yellow (${health.score})${why ? `: ${why}` : ""}`,
    trigger: { score: health.score, band: health.band, threshold: config.bands.greenFrom },
  };
}

function sponsorReengage(input: PlayRuleInput): RuleOutcome {
  const { latest, config, today } = input;
  const dark = latest ? sponsorDarkDays(latest, today) : null;
  const threshold = config.thresholds.sponsor.redDarkAboveDays;
  // Darkness only grows while no newer response arrives: a stale date that says dark is still dark.
  if (dark !== null && dark > threshold)
    return {
      kind: "sponsor_reengage",
      reason: `Executive sponsor dark for ${plural(dark, "day")}`,
      trigger: {
        sponsorDarkDays: dark,
        sponsorLastResponse: isoDay(latest?.sponsorLastResponse ?? null),
        threshold,
      },
    };
  return judged(input, "sponsor", null);
}

function secondSponsor({ today, contractStart, executiveSponsors }: PlayRuleInput): RuleOutcome {
  if (executiveSponsors >= sponsorsWanted) return "cleared";
  if (!contractStart) return "unknown";
  const contractDays = daysBetween(contractStart, today);
  if (contractDays < secondSponsorFromDay) return "unknown";
  const mapped = executiveSponsors <= 0 ? "No executive sponsor" : "Only one executive sponsor";
  const dueBy = new Date(contractStart.getTime() + secondSponsorDueByDay * dayMs);
  return {
    kind: "second_sponsor",
    reason: `${mapped} mapped, ${plural(contractDays, "day")} into the contract (two are due by day ${secondSponsorDueByDay})`,
    trigger: {
      executiveSponsors: Math.max(0, executiveSponsors),
      contractDays,
      threshold: secondSponsorDueByDay,
    },
    ...(dueBy.getTime() > today.getTime() + dayMs ? { dueAt: dueBy } : {}),
  };
}

function adoptionWorkshop(input: PlayRuleInput): RuleOutcome {
  const { latest, config } = input;
  const pct = latest ? adoptionPctOf(latest) : null;
  const threshold = config.thresholds.adoption.redBelowPct;
  if (pct === null || pct >= threshold) return judged(input, "adoption", null);
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

function powerUserCheckin(input: PlayRuleInput): RuleOutcome {
  const { latest, weekAgo, config } = input;
  const drop = latest ? loginDropPct(latest, weekAgo) : null;
  const threshold = config.thresholds.loginTrend.redDropAbovePct;
  if (drop === null || drop <= threshold) return judged(input, "loginTrend", null);
  const before = weekAgo?.powerUserLogins ?? null;
  const now = latest?.powerUserLogins ?? null;
  return {
    kind: "power_user_checkin",
    reason: `Power-user logins down ${percentText(drop, threshold)}% week over week (${before} to ${now})`,
    trigger: { loginDropPct: drop, powerUserLogins: now, powerUserLoginsWeekAgo: before, threshold },
  };
}

function supportEscalation(input: PlayRuleInput): RuleOutcome {
  const { latest, config, segment } = input;
  const tickets = latest?.p1P2Tickets30d ?? null;
  const threshold = supportThresholds(config, segment).p1P2RedAt;
  // At the threshold, as the support sub-score reads it: two P1/P2 tickets are already a spike.
  if (tickets === null || tickets < threshold) return judged(input, "support", null);
  return {
    kind: "support_escalation",
    reason: `P1/P2 spike: ${plural(tickets, "P1/P2 ticket")} in the last 30 days`,
    trigger: { p1P2Tickets30d: tickets, tickets30d: latest?.tickets30d ?? null, threshold },
  };
}

function billingCheck(input: PlayRuleInput): RuleOutcome {
  const { latest, config } = input;
  const overdue = latest?.invoiceDaysOverdue ?? null;
  const threshold = config.thresholds.payment.playAfterDaysOverdue;
  if (overdue === null || overdue <= threshold) return judged(input, "payment", null);
  return {
    kind: "billing_check",
    reason: `Invoice ${plural(overdue, "day")} overdue`,
    trigger: { invoiceDaysOverdue: overdue, threshold },
  };
}

/** A detractor score, or a drop from the NPS known before: the customer said something is wrong. */
function npsRecovery({ latest, previousNps, config }: PlayRuleInput): RuleOutcome {
  const nps = latest?.nps ?? null;
  if (nps === null) return "unknown";
  const { detractorAtOrBelow, dropAtLeast } = config.thresholds.nps;
  const drop = previousNps == null ? null : previousNps - nps;
  if (nps > detractorAtOrBelow && (drop === null || drop < dropAtLeast)) return "cleared";
  return {
    kind: "nps_recovery",
    reason:
      drop !== null && drop >= dropAtLeast
        ? `NPS dropped ${drop} points (${previousNps} to ${nps})`
        : `Detractor NPS: ${nps}`,
    trigger: { nps, previousNps: previousNps ?? null, detractorAtOrBelow, dropAtLeast },
  };
}

function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
