// User-facing labels shared by the views: one place to change how a segment, a role or a date reads.
// Sentences that belong to a single view live at the top of that view's file.

import type { GoalStatus, Segment, Sentiment, StakeholderRole, TouchKind } from "../../domain/call-prep.ts";
import type { HealthBand } from "../../domain/health/score.ts";
import { escapeMrkdwn, truncate } from "./blocks.ts";

const segmentLabels: Record<Segment, string> = {
  enterprise: "Enterprise",
  mid_market: "Mid-market",
  smb: "SMB",
};

export function segmentLabel(segment: Segment | null): string {
  return segment ? segmentLabels[segment] : "Not set";
}

/** The order a CSM reads a stakeholder map in: who signs, who advocates, who sponsors, who uses, who blocks. */
export const stakeholderRoleOrder: readonly StakeholderRole[] = [
  "economic_buyer",
  "champion",
  "executive_sponsor",
  "power_user",
  "end_user",
  "blocker",
];

const roleLabels: Record<StakeholderRole, [one: string, many: string]> = {
  economic_buyer: ["Economic buyer", "Economic buyers"],
  champion: ["Champion", "Champions"],
  executive_sponsor: ["Executive sponsor", "Executive sponsors"],
  power_user: ["Power user", "Power users"],
  end_user: ["End user", "End users"],
  blocker: ["Blocker", "Blockers"],
};

export function stakeholderRoleLabel(role: StakeholderRole, count = 1): string {
  const [one, many] = roleLabels[role];
  return count === 1 ? one : many;
}

const touchKindLabels: Record<TouchKind, string> = {
  call: "Call",
  meeting: "Meeting",
  email: "Email",
  slack: "Slack",
  qbr: "QBR",
  ebr: "EBR",
  in_person: "In person",
};

/** In the order a CSM picks them: the everyday kinds first. */
export const touchKinds = [
  "call",
  "meeting",
  "email",
  "slack",
  "qbr",
  "ebr",
  "in_person",
] as const satisfies readonly TouchKind[];

export function touchKindLabel(kind: TouchKind): string {
  return touchKindLabels[kind];
}

const bandEmojis: Record<HealthBand, string> = { green: "🟢", yellow: "🟡", red: "🔴", unknown: "⚪" };

export function bandEmoji(band: HealthBand): string {
  return bandEmojis[band];
}

/**
 * An account's band as a CSM reads it next to its plays: "🔴 red". A band this build does not know (a
 * new state of the health model) reads as its own words; no score at all says so.
 */
export function bandBadge(band: string | null): string {
  if (band === null) return "⚪ no health score yet";
  if (Object.hasOwn(bandEmojis, band)) return `${bandEmojis[band as HealthBand]} ${band}`;
  return `⚪ ${inertText(band.replace(/[_-]+/g, " "), 40)}`;
}

const sentimentEmojis: Record<Sentiment, string> = {
  positive: "🙂",
  neutral: "😐",
  negative: "🙁",
  unknown: "❔",
};

export function sentimentEmoji(sentiment: Sentiment): string {
  return sentimentEmojis[sentiment];
}

const goalStatusLabels: Record<GoalStatus, string> = {
  on_track: "🟢 On track",
  at_risk: "🟡 At risk",
  achieved: "✅ Achieved",
  missed: "❌ Missed",
};

/** Emoji and words, so the status reads without colour. */
export function goalStatusLabel(status: GoalStatus): string {
  return goalStatusLabels[status];
}

/** A calendar day in UTC, YYYY-MM-DD: the same day for every reader, whatever their time zone. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dayCount(days: number): string {
  return days === 1 || days === -1 ? `${days} day` : `${days} days`;
}

/** "in 98 days", "3 days ago", "today". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  return days > 0 ? `in ${dayCount(days)}` : `${dayCount(-days)} ago`;
}

/** A Slack mention for an id from our records; anything not shaped like a user id is shown inert. */
export function userMention(slackUserId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

/**
 * CRM or user text made safe for mrkdwn: one line, at most `max` characters before escaping,
 * unable to ping, link or break the layout.
 */
export function inertText(text: string, max: number): string {
  return escapeMrkdwn(truncate(text.replace(/\s+/g, " ").trim(), max));
}

/** A renewal's commit status as recorded, in words and an emoji. */
export function commitLabel(commit: string | null): string {
  if (commit === "committed") return "committed ✅";
  if (commit === "at_risk") return "at risk ⚠️";
  if (commit === "unknown") return "unknown ❔";
  return "not recorded";
}

/** "2 of 3 goals on track" (achieved goals count as on track). */
export function goalsOnTrack(goals: readonly { status: GoalStatus }[]): string {
  if (goals.length === 0) return "no goals yet";
  const good = goals.filter((goal) => goal.status === "on_track" || goal.status === "achieved").length;
  return `${good} of ${goals.length} ${goals.length === 1 ? "goal" : "goals"} on track`;
}
