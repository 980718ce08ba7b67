// The account card's sections about people and plans: stakeholders with the sponsor warnings, the last
// touches and the success plan. Every list is capped by count and by characters (fitLines). A card shared
// outside the team (redacted) shows no sentiment, no touch notes and no next steps.
import type { AccountCardData, StakeholderRole } from "../../domain/call-prep.ts";
import { daysBetween } from "../../domain/lifecycle.ts";
import { type Block, context, section } from "./blocks.ts";
import {
  dayCount,
  formatDay,
  goalStatusLabel,
  inertText,
  sentimentEmoji,
  stakeholderRoleLabel,
  stakeholderRoleOrder,
  touchKindLabel,
  userMention,
} from "./wording.ts";

// DOMAIN.md: six touches make the call-prep page; a sponsor silent for 45+ days will not defend the renewal.
const lastTouchesShown = 6;
const sponsorDarkAfterDays = 45;
const sponsorsWanted = 2;
const stakeholdersShownPerRole = 5;
const goalsShown = 6;
// Slack allows 3,000 characters in a section; leave room for a "+N more" line.
const sectionBudget = 2_800;

const say = {
  noStakeholders: "No stakeholders mapped yet — start with the economic buyer and two executive sponsors.",
  noSponsor: "⚠️ No executive sponsor mapped — aim for two within the first 90 days.",
  oneSponsor: "⚠️ Only one executive sponsor — single-sponsor accounts churn about twice as often.",
  noEconomicBuyer: "⚠️ No economic buyer mapped — who signs the renewal?",
  noTouches: "No touches logged yet — log one within 24 h of every customer conversation.",
  noSuccessPlan: "No success plan yet — agree with the customer what success means, in their terms.",
  noGoals: "No goals with KPIs yet.",
  more: (count: number) => `+${count} more`,
};

export function stakeholderBlocks(
  stakeholders: AccountCardData["stakeholders"],
  today: Date,
  redacted: boolean,
): Block[] {
  if (stakeholders.length === 0) return [section(`*Stakeholders*\n${say.noStakeholders}`)];
  const blocks: Block[] = [section(`*Stakeholders* · ${stakeholders.length} mapped`)];
  for (const role of stakeholderRoleOrder) {
    const people = stakeholders.filter((person) => person.role === role);
    if (people.length === 0) continue;
    const shown = people
      .slice(0, stakeholdersShownPerRole)
      .map((person) => stakeholderLine(person, today, redacted));
    const lines = [...shown, ...moreLine(people.length - shown.length)];
    blocks.push(section(`*${stakeholderRoleLabel(role, people.length)}*\n${fitLines(lines, people.length)}`));
  }
  const warnings = sponsorWarnings(stakeholders);
  if (warnings.length) blocks.push(context(...warnings));
  return blocks;
}

function stakeholderLine(
  person: AccountCardData["stakeholders"][number],
  today: Date,
  redacted: boolean,
): string {
  const title = person.title ? `, ${inertText(person.title, 60)}` : "";
  let contact = "no contact logged";
  if (person.lastContactOn) {
    const silent = daysBetween(person.lastContactOn, today);
    contact =
      silent > sponsorDarkAfterDays
        ? `⚠️ dark ${dayCount(silent)}`
        : `last contact ${formatDay(person.lastContactOn)}`;
  }
  const mood = redacted ? "" : `${sentimentEmoji(person.sentiment)} `;
  return `• ${mood}${inertText(person.name, 60)}${title} · ${contact}`;
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

export function touchLines(touches: AccountCardData["touches"], redacted: boolean): string {
  if (touches.length === 0) return say.noTouches;
  const newestFirst = [...touches].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const lines = newestFirst.slice(0, lastTouchesShown).map((touch) => {
    const author = touch.authorSlackId ? ` by ${userMention(touch.authorSlackId)}` : "";
    const heading = `• *${formatDay(touch.occurredAt)} · ${touchKindLabel(touch.kind)}*${author}`;
    if (redacted) return heading;
    const next = touch.nextStep ? `\n   ↳ Next: ${inertText(touch.nextStep, 150)}` : "";
    return `${heading} — ${inertText(touch.summary, 220)}${next}`;
  });
  return fitLines(lines, lines.length);
}

export function successPlanLines(plan: AccountCardData["successPlan"]): string {
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

export function moreLine(hidden: number): string[] {
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
