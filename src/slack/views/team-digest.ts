// A manager's team digest as Block Kit: one line per CSM (red ARR, renewals inside 90 days, overdue
// plays), the week's band changes, and the plays nobody claimed for more than 48 hours.
import type { DeliveryProblem, TeamDigestSections } from "../../domain/digest/team.ts";
import { formatMoney } from "../../domain/money.ts";
import { playKindLabel } from "../../domain/plays/kinds.ts";
import { renewalStepPlayKind } from "../../domain/renewals/reminders.ts";
import { type Block, context, header, type MessagePayload, section } from "./blocks.ts";
import { bulletList } from "./bullet-list.ts";
import { bandBadge, inertText } from "./wording.ts";

const money = (cents: number) => formatMoney((cents / 100).toFixed(2), { compact: true });

const say = {
  title: "Your team this morning",
  empty: "No one reports to you yet: `csm users set-manager <csm> <you>` builds your team.",
  members: "*By CSM*: red ARR · renewals inside 90 days · plays overdue",
  moved: "*Band changes this week*",
  unclaimed: "*Unclaimed for more than 48 hours*",
  quietUnclaimed: "Every play is claimed within 48 hours.",
  problemsTitle:
    "*Messages the bot could not deliver as meant* (last 24 hours; `csm digest log` and `csm reminders log` for more)",
};

export function teamDigestMessage(sections: TeamDigestSections): MessagePayload {
  const problems = deliveryBlocks(sections);
  if (sections.members.length === 0) {
    const text = problems.length ? say.problemsTitle : say.empty;
    return { text, blocks: problems.length ? problems : [section(say.empty)] };
  }
  const memberLines = sections.members.map(
    (m) =>
      `<@${m.slackUserId}> · ${money(m.redArrCents)} red (${m.redAccounts}) · ${m.renewals} renewing (${money(m.renewalArrCents)}) · ${m.overduePlays} overdue${m.lateTouches ? ` · ${m.lateTouches} ${m.lateTouches === 1 ? "touch" : "touches"} logged late this week` : ""}`,
  );
  const moved = sections.bandChanges.map(
    (c) => `${bandBadge(c.to)} *${inertText(c.account.name, 80)}* ${c.from} → ${c.to} · <@${c.ownerSlackId}>`,
  );
  const unclaimed = sections.unclaimed.map(
    ({ play, ownerSlackId, hours }) =>
      `${playKindLabel(play.kind)} · *${inertText(play.account.name, 80)}* · ${ownerSlackId ? `<@${ownerSlackId}>` : "no owner"} · ${Math.floor(hours / 24)} days unclaimed`,
  );
  const blocks: Block[] = [header(say.title), section(bulletList(say.members, memberLines))];
  if (moved.length) blocks.push(section(bulletList(say.moved, moved)));
  blocks.push(unclaimed.length ? section(bulletList(say.unclaimed, unclaimed)) : context(say.quietUnclaimed));
  blocks.push(...problems);
  const redCents = sections.members.reduce((sum, m) => sum + m.redArrCents, 0);
  const text = `Your team: ${money(redCents)} ARR red, ${sections.unclaimed.length} plays unclaimed for more than 48 hours`;
  return { text, blocks };
}

function problemSubject(problem: DeliveryProblem): string {
  if (problem.kind !== "reminder") return problem.kind === "team" ? "team digest" : "digest";
  const step = playKindLabel(renewalStepPlayKind[problem.step]);
  return `renewal reminder (${step}, *${inertText(problem.accountName, 80)}*)`;
}

/** For admins: the digests and reminders of the last day that failed, or went elsewhere than meant. */
function deliveryBlocks(sections: TeamDigestSections): Block[] {
  const problems = sections.deliveryProblems ?? [];
  if (problems.length === 0) return [];
  const lines = problems.map((p) => {
    const why = p.error ? ` (${inertText(p.error, 200)})` : "";
    const whose = p.slackUserId ? `<@${p.slackUserId}>'s` : "An account without an owner:";
    return `${whose} ${problemSubject(p)}: ${p.status}${why}`;
  });
  return [section(bulletList(say.problemsTitle, lines))];
}
