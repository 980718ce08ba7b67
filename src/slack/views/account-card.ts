// The /account card: the one page a CSM reads in 90 seconds before a call.
// Every CRM string goes through inertText, and every list is capped twice: by count, for reading,
// and by characters (fitLines), so 50 stakeholders or a 3,000-character summary still fit Slack's limits.

import type { AccountCardData } from "../../domain/call-prep.ts";
import { sparkline } from "../../domain/health/trend.ts";
import { daysBetween, renewalWindowDays, stageLabel } from "../../domain/lifecycle.ts";
import { formatArr } from "../../domain/money.ts";
import { accountEntries } from "../../domain/plays/account-groups.ts";
import { renewalOutcomeDue } from "../../domain/renewals/outcome.ts";
import { stakeholderBlocks, touchLines } from "./account-card-sections.ts";
import { accountPlaysBlocks } from "./account-plays.ts";
import {
  type ActionsBlock,
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
import { prepActionId } from "./call-prep.ts";
import { moreLine } from "./fit-lines.ts";
import { churnButton, renewalOutcomeButton } from "./renewal-outcome-modal.ts";
import { openReviewActionId } from "./review-modal.ts";
import { openStakeholdersActionId } from "./stakeholder-map.ts";
import { successPlanLines } from "./success-plan-lines.ts";
import { editPlanActionId } from "./success-plan-modal.ts";
import { openTouchActionId } from "./touch-modal.ts";
import {
  bandEmoji,
  dayCount,
  formatDay,
  inertText,
  relativeDays,
  segmentLabel,
  userMention,
} from "./wording.ts";

export interface AccountCardOptions {
  today: Date;
  /**
   * Set when the card is posted to a conversation: no share button, and a line saying who shared it.
   * Unless an admin chose full cards for shares, it is redacted: ARR rounded, no health reasons (billing,
   * NPS comments), no stakeholder sentiment, no touch notes or next steps.
   */
  shared?: { bySlackId: string; full?: boolean };
}

export const shareAccountActionId = "account_share";
/** The row of the contract's buttons: Record renewal (once due) and Record churn. */
export const accountContractBlockId = "account_contract";

// A red account's seven signal plays: the save play and its checklist of six.
const playsShown = 7;
const healthReasonsShown = 3;
// Two weeks of daily scores fit the Health column on one line.
const sparklineBars = 14;

const say = {
  unnamed: "Unnamed account",
  noOwner: "Unassigned",
  noStage: "Not set",
  noRenewal: "No renewal date",
  churned: (day: string) => `⚫ Churned on ${day}`,
  noHealth: "No health data yet",
  // A true minus sign: it lines up with the plus and does not read as a dash.
  scoreChange: (change: number, days: number) =>
    `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change)} vs ${days} days ago`,
  noPlays: "No open plays.",
  notEnoughData: "Not enough data",
  unplayedHealth: (band: string) => `⚠️ Health is ${band} with no open play — start one within 24 h.`,
  morePlays: (count: number) => `+${count} more — see them all with \`/plays\` (yours) or ask their owners.`,
  share: "Share in channel",
  detailsForTeam: "details for the team in `/account`",
  logTouch: "Log touch",
  stakeholders: "Stakeholders",
  prep: "Prep",
  plan: "Success plan",
  qbr: "Record QBR",
};

export function accountCard(data: AccountCardData, options: AccountCardOptions): MessagePayload {
  const { account } = data;
  const redacted = Boolean(options.shared && !options.shared.full);
  const blocks: Block[] = [
    header(truncate(account.name.replace(/\s+/g, " ").trim() || say.unnamed, 150)),
    overviewFields(data, options.today, redacted),
    ...(redacted ? [] : healthDetail(data)),
    divider(),
    ...stakeholderBlocks(data, options.today, redacted),
    divider(),
    section(`*Last touches*\n${touchLines(data.touches, redacted)}`),
    divider(),
    ...openPlayBlocks(data, options),
    divider(),
    section(`*Success plan*\n${successPlanLines(data.successPlan, data.lastReview ?? null)}`),
    context(accountFacts(account)),
  ];
  if (options.shared)
    blocks.push(
      context(
        `Shared by ${userMention(options.shared.bySlackId)}${redacted ? ` · ${say.detailsForTeam}` : ""}`,
      ),
    );
  else
    blocks.push(
      {
        type: "actions",
        elements: [
          button(say.logTouch, openTouchActionId, account.id, "primary"),
          button(say.stakeholders, openStakeholdersActionId, account.id),
          button(say.prep, prepActionId, account.id),
          button(say.plan, editPlanActionId, account.id),
          button(say.qbr, openReviewActionId, account.id),
          button(say.share, shareAccountActionId, account.id),
        ],
      },
      ...contractActions(account, options.today),
    );
  return { text: fallbackText(account, options.today), blocks };
}

/** On a row of their own, apart from the day-to-day buttons: until the account churns. */
function contractActions(account: AccountCardData["account"], today: Date): ActionsBlock[] {
  if (account.churnedAt) return [];
  const due = renewalOutcomeDue({ renewalDate: account.renewalDate, churnedAt: null }, today);
  return [
    {
      type: "actions",
      block_id: accountContractBlockId,
      elements: [...(due ? [renewalOutcomeButton(account.id)] : []), churnButton(account.id)],
    },
  ];
}

function overviewFields(data: AccountCardData, today: Date, redacted: boolean): SectionBlock {
  const { account, owner, health } = data;
  const field = (label: string, value: string) => mrkdwn(`*${label}*\n${value}`);
  return {
    type: "section",
    fields: [
      field("Owner", owner ? userMention(owner.slackUserId) : say.noOwner),
      field("Segment", segmentLabel(account.segment)),
      field("ARR", formatArr(account.arr, { compact: redacted })),
      field("Stage", stageText(account, today)),
      field(
        "Renewal",
        account.churnedAt
          ? say.churned(formatDay(account.churnedAt))
          : renewalText(account.renewalDate, today),
      ),
      field("Health", health ? healthLine(health) : say.noHealth),
    ],
  };
}

function stageText(account: AccountCardData["account"], today: Date): string {
  if (account.churnedAt) return "Churned";
  if (!account.stage) return say.noStage;
  const start = account.termStart ?? account.contractStart;
  const day = start && account.stage !== "renewal_overdue" ? ` · day ${daysBetween(start, today)}` : "";
  return `${stageLabel(account.stage)}${day}${account.stageDerived ? " _(derived)_" : ""}`;
}

/** The renewal calendar (docs/plays.md): T-90 locks the renewal, T-60 needs the commit, T-30 is too late to start. */
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

function accountFacts(account: AccountCardData["account"]): string {
  const facts = [`CRM id ${inertText(account.externalId, 60)}`];
  if (account.plan) facts.push(`Plan: ${inertText(account.plan, 60)}`);
  if (account.seatsPurchased !== null) facts.push(`${account.seatsPurchased} seats`);
  return facts.join(" · ");
}

function fallbackText(account: AccountCardData["account"], today: Date): string {
  const parts = [inertText(account.name, 100), `${formatArr(account.arr, { compact: true })} ARR`];
  if (account.churnedAt) parts.push(`churned on ${formatDay(account.churnedAt)}`);
  else if (account.renewalDate) {
    const days = daysBetween(today, account.renewalDate);
    parts.push(days < 0 ? `renewal overdue by ${dayCount(-days)}` : `renews ${relativeDays(days)}`);
  }
  return parts.join(" · ");
}
