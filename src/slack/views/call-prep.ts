// /prep: the 90-second page before a call, one screen: where the account stands,
// why its health is what it is, who matters on the call, the last six touches, the support load, open
// plays and expansion, and the success plan's goals. No buttons on the plays: the card has them.
import type { AccountCardData } from "../../domain/call-prep.ts";
import { daysBetween } from "../../domain/lifecycle.ts";
import { formatArr } from "../../domain/money.ts";
import { playKindLabel } from "../../domain/plays/kinds.ts";
import { mapRisks } from "../../domain/stakeholders/risks.ts";
import type { SupportLoad } from "../../services/call-prep.ts";
import { openAccountActionPrefix } from "./account-search-replies.ts";
import { type Block, button, context, header, type MessagePayload, section, truncate } from "./blocks.ts";
import { peopleByRole, shortRiskLine, stakeholderLine } from "./stakeholder-lines.ts";
import { openStakeholdersActionId } from "./stakeholder-map.ts";
import { openTouchActionId } from "./touch-modal.ts";
import {
  bandEmoji,
  commitLabel,
  dayCount,
  formatDay,
  goalStatusLabel,
  goalsOnTrack,
  inertText,
  relativeDays,
  stakeholderRoleLabel,
  touchKindLabel,
  userMention,
} from "./wording.ts";

export const prepActionId = "prep_open";

// Six touches make the page; the rest is cut so the page stays one screen.
const touchesShown = 6;
const peopleShown = 6;
const reasonsShown = 3;
const playsShown = 5;
const goalsShown = 4;
const keyRoles = new Set(["economic_buyer", "champion", "executive_sponsor", "blocker"]);

const say = {
  title: (name: string) => `Prep · ${name}`,
  noTouches: "No touches logged yet.",
  noPeople: "Nobody mapped in a key role: ask who signs, who champions, who sponsors.",
  noSupport: "No support data in the last 30 days.",
  noPlays: "No open plays.",
  noPlan: "No success plan: ask what success means to them, in their terms.",
  fullCard: "Full card",
  stakeholders: "Stakeholders",
  logTouch: "Log touch",
};

export function callPrepMessage(
  data: { card: AccountCardData; support: SupportLoad | null },
  today: Date,
): MessagePayload {
  const { card } = data;
  const { account } = card;
  const blocks: Block[] = [
    header(truncate(say.title(account.name.replace(/\s+/g, " ").trim()), 150)),
    context(standing(card, today)),
  ];
  const reasons = card.health?.band === "green" ? [] : (card.health?.reasons ?? []).slice(0, reasonsShown);
  if (reasons.length)
    blocks.push(
      section(`*Why it is ${card.health?.band}*\n${reasons.map((r) => `• ${inertText(r, 160)}`).join("\n")}`),
    );
  blocks.push(section(`*Who matters*\n${peopleLines(card, today)}`));
  blocks.push(section(`*Last touches*\n${touchLines(card)}`));
  blocks.push(section(`*Support*\n${supportLine(data.support)}`));
  blocks.push(section(`*Open plays and expansion*\n${playLines(card)}`));
  blocks.push(section(`*Success plan*\n${planLines(card)}`));
  blocks.push({
    type: "actions",
    elements: [
      button(say.logTouch, openTouchActionId, account.id, "primary"),
      button(say.stakeholders, openStakeholdersActionId, account.id),
      button(say.fullCard, `${openAccountActionPrefix}0`, account.id),
    ],
  });
  return { text: `Call prep: ${inertText(account.name, 100)}`, blocks };
}

/** "Owner @maria · $120K ARR · 🔴 34 · renews 2027-03-01 (in 84 days) · commit: at risk ⚠️". */
function standing({ account, owner, health }: AccountCardData, today: Date): string {
  const parts = [
    owner ? `Owner ${userMention(owner.slackUserId)}` : "No owner",
    `${formatArr(account.arr, { compact: true })} ARR`,
    health ? `${bandEmoji(health.band)} ${health.score}` : "no health data",
  ];
  if (account.renewalDate) {
    const days = daysBetween(today, account.renewalDate);
    const when = days < 0 ? `overdue by ${dayCount(-days)}` : relativeDays(days);
    parts.push(
      `renews ${formatDay(account.renewalDate)} (${when})`,
      `commit: ${commitLabel(account.renewalCommit ?? null)}`,
    );
  } else parts.push("no renewal date");
  return parts.join(" · ");
}

function peopleLines(card: AccountCardData, today: Date): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [role, people] of peopleByRole(card.stakeholders)) {
    if (!keyRoles.has(role)) continue;
    for (const person of people) {
      if (seen.has(person.id) || lines.length >= peopleShown) continue;
      seen.add(person.id);
      lines.push(`• ${stakeholderRoleLabel(role)}: ${stakeholderLine(person, today)}`);
    }
  }
  const risks = mapRisks({
    people: card.stakeholders,
    contractStart: card.account.contractStart,
    today,
    recentTouches: card.touches,
  });
  if (risks.length) lines.push(`⚠️ ${risks.slice(0, 3).map(shortRiskLine).join("; ")}`);
  return lines.length ? lines.join("\n") : say.noPeople;
}

function touchLines({ touches }: AccountCardData): string {
  if (touches.length === 0) return say.noTouches;
  return [...touches]
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, touchesShown)
    .map((touch) => {
      const next = touch.nextStep ? ` → _${inertText(touch.nextStep, 80)}_` : "";
      return `• ${formatDay(touch.occurredAt)} · ${touchKindLabel(touch.kind)} — ${inertText(touch.summary, 120)}${next}`;
    })
    .join("\n");
}

function supportLine(support: SupportLoad | null): string {
  if (!support) return say.noSupport;
  const tickets =
    support.tickets30d === null ? "tickets not reported" : `${support.tickets30d} tickets in 30 days`;
  const severe = support.p1P2Tickets30d === null ? "" : `, ${support.p1P2Tickets30d} P1/P2`;
  return `${tickets}${severe}${support.asOf ? ` · as of ${formatDay(support.asOf)}` : ""}`;
}

function playLines({ openPlays }: AccountCardData): string {
  if (openPlays.length === 0) return say.noPlays;
  // Expansion first: the call is where it moves.
  const ordered = [...openPlays].sort(
    (a, b) => Number(b.kind === "renewal_expansion") - Number(a.kind === "renewal_expansion"),
  );
  const lines = ordered.slice(0, playsShown).map((play) => {
    const who = play.claimedBySlackId ? ` · ${userMention(play.claimedBySlackId)}` : "";
    return `• ${playKindLabel(play.kind)} — ${inertText(play.reason, 120)}${who}`;
  });
  if (openPlays.length > playsShown) lines.push(`+${openPlays.length - playsShown} more in the card`);
  return lines.join("\n");
}

function planLines({ successPlan }: AccountCardData): string {
  if (!successPlan) return say.noPlan;
  const lines = [`_${inertText(successPlan.objective, 200)}_ · ${goalsOnTrack(successPlan.goals)}`];
  for (const goal of successPlan.goals.slice(0, goalsShown)) {
    const where = goal.current
      ? `${inertText(goal.current, 30)} of ${inertText(goal.target, 30)}`
      : `target ${inertText(goal.target, 30)}`;
    lines.push(`• ${goalStatusLabel(goal.status)} · ${inertText(goal.kpi, 60)}: ${where}`);
  }
  return lines.join("\n");
}
