// The /account card: the one page a CSM reads in 90 seconds before a call (DOMAIN.md "Call prep").
// Every CRM string goes through inertText, and every list is capped twice: by count, for reading,
// and by characters (fitLines), so 50 stakeholders or a 3,000-character summary still fit Slack's limits.

import type { AccountCardData, StakeholderRole } from "../../domain/call-prep.ts";
import { sparkline } from "../../domain/health/trend.ts";
import { daysBetween, renewalWindowDays, stageLabel } from "../../domain/lifecycle.ts";
import { formatArr } from "../../domain/money.ts";
import { accountEntries } from "../../domain/plays/account-groups.ts";
import { accountPlaysBlocks } from "./account-plays.ts";
import {
  type Block,
  button,
  context,
  divider,
  header,
  type MessagePayload,
  mrkdwn,
  type SectionBlock,
  section,
  truncate,
} from "./blocks.ts";
import { openTouchActionId } from "./touch-modal.ts";
import {
  bandEmoji,
  dayCount,
  formatDay,
  goalStatusLabel,
  inertText,
  relativeDays,
  segmentLabel,
  sentimentEmoji,
  stakeholderRoleLabel,
  stakeholderRoleOrder,
  touchKindLabel,
  userMention,
} from "./wording.ts";

export interface AccountCardOptions {
  today: Date;
  /** Set when the card is posted to a channel: no share button, and a line saying who shared it. */
  shared?: { bySlackId: string };
}

export const shareAccountActionId = "account_share";

// DOMAIN.md: six touches make the call-prep page; a sponsor silent for 45+ days will not defend the renewal.
const lastTouchesShown = 6;
const sponsorDarkAfterDays = 45;
const sponsorsWanted = 2;
const stakeholdersShownPerRole = 5;
// A red account's seven signal plays: the save play and its checklist of six.
const playsShown = 7;
const goalsShown = 6;
const healthReasonsShown = 3;
// Two weeks of daily scores fit the Health column on one line.
const sparklineBars = 14;
// Slack allows 3,000 characters in a section; leave room for a "+N more" line.
const sectionBudget = 2_800;

const say = {
  unnamed: "Unnamed account",
  noOwner: "Unassigned",
  noStage: "Not set",
  noRenewal: "No renewal date",
  noHealth: "No health data yet",
  // A true minus sign: it lines up with the plus and does not read as a dash.
  scoreChange: (change: number, days: number) =>
    `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change)} vs ${days} days ago`,
  noStakeholders: "No stakeholders mapped yet — start with the economic buyer and two executive sponsors.",
  noSponsor: "⚠️ No executive sponsor mapped — aim for two within the first 90 days.",
  oneSponsor: "⚠️ Only one executive sponsor — single-sponsor accounts churn about twice as often.",
  noEconomicBuyer: "⚠️ No economic buyer mapped — who signs the renewal?",
  noTouches: "No touches logged yet — log one within 24 h of every customer conversation.",
  noPlays: "No open plays.",
  notEnoughData: "Not enough data",
  unplayedHealth: (band: string) => `⚠️ Health is ${band} with no open play — start one within 24 h.`,
  noSuccessPlan: "No success plan yet — agree with the customer what success means, in their terms.",
  noGoals: "No goals with KPIs yet.",
  more: (count: number) => `+${count} more`,
  morePlays: (count: number) => `+${count} more — see them all with \`/plays\` (yours) or ask their owners.`,
  share: "Share in channel",
  logTouch: "Log touch",
};

export function accountCard(data: AccountCardData, options: AccountCardOptions): MessagePayload {
  const { account } = data;
  const blocks: Block[] = [
    header(truncate(account.name.replace(/\s+/g, " ").trim() || say.unnamed, 150)),
    overviewFields(data, options.today),
    ...healthDetail(data),
    divider(),
    ...stakeholderBlocks(data.stakeholders, options.today),
    divider(),
    section(`*Last touches*\n${touchLines(data.touches)}`),
    divider(),
    ...openPlayBlocks(data, options),
    divider(),
    section(`*Success plan*\n${successPlanLines(data.successPlan)}`),
    context(accountFacts(account)),
  ];
  if (options.shared) blocks.push(context(`Shared by ${userMention(options.shared.bySlackId)}`));
  else
    blocks.push({
      type: "actions",
      elements: [
        button(say.logTouch, openTouchActionId, account.id, "primary"),
        button(say.share, shareAccountActionId, account.id),
      ],
    });
  return { text: fallbackText(account, options.today), blocks };
}

function overviewFields(data: AccountCardData, today: Date): SectionBlock {
  const { account, owner, health } = data;
  const field = (label: string, value: string) => mrkdwn(`*${label}*\n${value}`);
  return {
    type: "section",
    fields: [
      field("Owner", owner ? userMention(owner.slackUserId) : say.noOwner),
      field("Segment", segmentLabel(account.segment)),
      field("ARR", formatArr(account.arr)),
      field("Stage", stageText(account, today)),
      field("Renewal", renewalText(account.renewalDate, today)),
      field("Health", health ? healthLine(health) : say.noHealth),
    ],
  };
}

function stageText(account: AccountCardData["account"], today: Date): string {
  if (!account.stage) return say.noStage;
  const start = account.termStart ?? account.contractStart;
  const day = start && account.stage !== "renewal_overdue" ? ` · day ${daysBetween(start, today)}` : "";
  return `${stageLabel(account.stage)}${day}${account.stageDerived ? " _(derived)_" : ""}`;
}

/** DOMAIN.md renewal calendar: T-90 locks the renewal, T-60 needs the commit, T-30 is too late to start. */
function renewalText(renewalDate: Date | null, today: Date): string {
  if (!renewalDate) return say.noRenewal;
  const days = daysBetween(today, renewalDate);
  const day = formatDay(renewalDate);
  if (days < 0) return `🔴 ${day} · overdue by ${dayCount(-days)}`;
  if (days <= 30) return `🚨 ${day} · ${relativeDays(days)} · inside T-30`;
  if (days <= 60) return `⚠️ ${day} · ${relativeDays(days)} · inside T-60`;
  if (days <= renewalWindowDays) return `⚠️ ${day} · ${relativeDays(days)} · inside T-90`;
  return `${day} · ${relativeDays(days)}`;
}

/** Where health is and where it is heading: "🔴 34 ▇▆▅▃▂ · −12 vs 7 days ago · −30 vs 30 days ago". */
function healthLine(health: NonNullable<AccountCardData["health"]>): string {
  const recent = (health.trend ?? []).slice(-sparklineBars);
  const score =
    health.band === "unknown"
      ? `${bandEmoji(health.band)} ${say.notEnoughData} (${health.score})`
      : `${bandEmoji(health.band)} ${health.score}`;
  const parts = [recent.length >= 2 ? `${score} ${sparkline(recent)}` : score];
  if (health.vs7d != null) parts.push(say.scoreChange(health.vs7d, 7));
  if (health.vs30d != null) parts.push(say.scoreChange(health.vs30d, 30));
  parts.push(`as of ${formatDay(health.date)}`);
  return parts.join(" · ");
}

function healthDetail({ health, openPlays }: AccountCardData): Block[] {
  if (!health) return [];
  const lines: string[] = [];
  if (health.reasons.length) {
    const shown = health.reasons.slice(0, healthReasonsShown).map((reason) => `• ${inertText(reason, 200)}`);
    lines.push(...shown, ...moreLine(health.reasons.length - shown.length));
  }
  const blocks: Block[] = lines.length ? [section(lines.join("\n"))] : [];
  if (health.band !== "green" && health.band !== "unknown" && openPlays.length === 0)
    blocks.push(context(say.unplayedHealth(health.band)));
  return blocks;
}

function stakeholderBlocks(stakeholders: AccountCardData["stakeholders"], today: Date): Block[] {
  if (stakeholders.length === 0) return [section(`*Stakeholders*\n${say.noStakeholders}`)];
  const blocks: Block[] = [section(`*Stakeholders* · ${stakeholders.length} mapped`)];
  for (const role of stakeholderRoleOrder) {
    const people = stakeholders.filter((person) => person.role === role);
    if (people.length === 0) continue;
    const shown = people.slice(0, stakeholdersShownPerRole).map((person) => stakeholderLine(person, today));
    const lines = [...shown, ...moreLine(people.length - shown.length)];
    blocks.push(section(`*${stakeholderRoleLabel(role, people.length)}*\n${fitLines(lines, people.length)}`));
  }
  const warnings = sponsorWarnings(stakeholders);
  if (warnings.length) blocks.push(context(...warnings));
  return blocks;
}

function stakeholderLine(person: AccountCardData["stakeholders"][number], today: Date): string {
  const title = person.title ? `, ${inertText(person.title, 60)}` : "";
  let contact = "no contact logged";
  if (person.lastContactOn) {
    const silent = daysBetween(person.lastContactOn, today);
    contact =
      silent > sponsorDarkAfterDays
        ? `⚠️ dark ${dayCount(silent)}`
        : `last contact ${formatDay(person.lastContactOn)}`;
  }
  return `• ${sentimentEmoji(person.sentiment)} ${inertText(person.name, 60)}${title} · ${contact}`;
}

function sponsorWarnings(stakeholders: AccountCardData["stakeholders"]): string[] {
  const count = (role: StakeholderRole) => stakeholders.filter((person) => person.role === role).length;
  const warnings: string[] = [];
  const sponsors = count("executive_sponsor");
  if (sponsors === 0) warnings.push(say.noSponsor);
  else if (sponsors < sponsorsWanted) warnings.push(say.oneSponsor);
  if (count("economic_buyer") === 0) warnings.push(say.noEconomicBuyer);
  return warnings;
}

function touchLines(touches: AccountCardData["touches"]): string {
  if (touches.length === 0) return say.noTouches;
  const newestFirst = [...touches].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const lines = newestFirst.slice(0, lastTouchesShown).map((touch) => {
    const author = touch.authorSlackId ? ` by ${userMention(touch.authorSlackId)}` : "";
    const next = touch.nextStep ? `\n   ↳ Next: ${inertText(touch.nextStep, 150)}` : "";
    return `• *${formatDay(touch.occurredAt)} · ${touchKindLabel(touch.kind)}*${author} — ${inertText(touch.summary, 220)}${next}`;
  });
  return fitLines(lines, lines.length);
}

/**
 * The plays grouped as /plays groups them (views/account-plays.ts): most urgent first, an open save play
 * with the account's other signal plays as its checklist. A click re-renders this card in place.
 */
function openPlayBlocks(data: AccountCardData, options: AccountCardOptions): Block[] {
  const plays = data.openPlays;
  if (plays.length === 0) return [section(`*Open plays*\n${say.noPlays}`)];
  const surface = {
    kind: "account" as const,
    ...(options.shared ? { sharedBy: options.shared.bySlackId } : {}),
  };
  const arrAtRisk = data.account.arr;
  const entries = accountEntries(
    plays.map((play) => ({ ...play, arrAtRisk })),
    options.today,
  );
  const { blocks } = accountPlaysBlocks(entries, {
    firstIndex: 0,
    surface,
    now: options.today,
    maxPlays: playsShown,
    more: say.morePlays,
  });
  return [section(`*Open plays* · ${plays.length}`), ...blocks];
}

function successPlanLines(plan: AccountCardData["successPlan"]): string {
  if (!plan) return say.noSuccessPlan;
  const objective = `_${inertText(plan.objective, 300)}_`;
  if (plan.goals.length === 0) return `${objective}\n${say.noGoals}`;
  const shown = plan.goals.slice(0, goalsShown).map((goal) => {
    const progress = goal.current
      ? `${inertText(goal.current, 40)} of ${inertText(goal.target, 40)}`
      : `target ${inertText(goal.target, 40)}`;
    const due = goal.dueOn ? ` · due ${formatDay(goal.dueOn)}` : "";
    return `• ${goalStatusLabel(goal.status)} · *${inertText(goal.kpi, 80)}*: ${progress}${due}`;
  });
  const goals = fitLines([...shown, ...moreLine(plan.goals.length - shown.length)], plan.goals.length);
  return `${objective}\n${goals}`;
}

function accountFacts(account: AccountCardData["account"]): string {
  const facts = [`CRM id ${inertText(account.externalId, 60)}`];
  if (account.plan) facts.push(`Plan: ${inertText(account.plan, 60)}`);
  if (account.seatsPurchased !== null) facts.push(`${account.seatsPurchased} seats`);
  return facts.join(" · ");
}

function fallbackText(account: AccountCardData["account"], today: Date): string {
  const parts = [inertText(account.name, 100), `${formatArr(account.arr, { compact: true })} ARR`];
  if (account.renewalDate) {
    const days = daysBetween(today, account.renewalDate);
    parts.push(days < 0 ? `renewal overdue by ${dayCount(-days)}` : `renews ${relativeDays(days)}`);
  }
  return parts.join(" · ");
}

function moreLine(hidden: number): string[] {
  return hidden > 0 ? [say.more(hidden)] : [];
}

/**
 * Keeps whole lines while they fit the section budget; when some do not, says how many of `total`
 * items are left out. Lines are already capped by count, so this only bites on extreme text.
 */
function fitLines(lines: string[], total: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > sectionBudget) break;
    kept.push(line);
    length += line.length + 1;
  }
  if (kept.length === lines.length) return kept.join("\n");
  const hidden = total - kept.filter((line) => line.startsWith("•")).length;
  return [...kept, say.more(hidden)].join("\n");
}
