// The account card's sections about people: the stakeholder map by role with its warnings, and the last
// touches. Every list is capped by count and by characters (fitLines). A card shared outside the team
// (redacted) shows no sentiment, no touch notes and no next steps.
import type { AccountCardData } from "../../domain/call-prep.ts";
import { mapRisks } from "../../domain/stakeholders/risks.ts";
import { type Block, context, section } from "./blocks.ts";
import { fitLines, moreLine } from "./fit-lines.ts";
import { mapRiskLines, peopleByRole, stakeholderLine } from "./stakeholder-lines.ts";
import { formatDay, inertText, stakeholderRoleLabel, touchKindLabel, userMention } from "./wording.ts";

// Six touches make the call-prep page.
const lastTouchesShown = 6;
const stakeholdersShownPerRole = 5;
// The map's warnings (a context block holds ten elements).
const mapWarningsShown = 10;

const say = {
  noStakeholders: "No stakeholders mapped yet — start with the economic buyer and two executive sponsors.",
  noTouches: "No touches logged yet — log one within 24 h of every customer conversation.",
};

export function stakeholderBlocks(data: AccountCardData, today: Date, redacted: boolean): Block[] {
  const { stakeholders } = data;
  const groups = peopleByRole(stakeholders);
  const mapped = groups.length ? stakeholders.filter((person) => !person.leftOn).length : 0;
  const blocks: Block[] = [
    section(mapped ? `*Stakeholders* · ${mapped} mapped` : `*Stakeholders*\n${say.noStakeholders}`),
  ];
  for (const [role, people] of groups) {
    const shown = people
      .slice(0, stakeholdersShownPerRole)
      .map((person) => `• ${stakeholderLine(person, today, { sentiment: !redacted })}`);
    const lines = [...shown, ...moreLine(people.length - shown.length)];
    blocks.push(section(`*${stakeholderRoleLabel(role, people.length)}*\n${fitLines(lines, people.length)}`));
  }
  const risks = mapRisks({
    people: stakeholders,
    contractStart: data.account.contractStart,
    today,
    recentTouches: data.touches,
  });
  const warnings = mapRiskLines(risks);
  if (warnings.length) blocks.push(context(...warnings.slice(0, mapWarningsShown)));
  return blocks;
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
