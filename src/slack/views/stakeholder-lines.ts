// How people on a stakeholder map read, on the /account card and on the map itself: one line a person,
// grouped by role (someone with two roles shows under both), and the map's warnings in words.
import { daysBetween } from "../../domain/lifecycle.ts";
import { type MapPerson, type MapRisk, quietAfterDays, rolesOf } from "../../domain/stakeholders/risks.ts";
import type { Sentiment, StakeholderRole } from "../../generated/prisma/client.ts";
import {
  dayCount,
  formatDay,
  inertText,
  sentimentEmoji,
  stakeholderRoleLabel,
  stakeholderRoleOrder,
} from "./wording.ts";

export interface ShownPerson extends MapPerson {
  title: string | null;
  sentiment: Sentiment;
}

/** The people on the map (not those who left) under each role they play, in the map's role order. */
export function peopleByRole<P extends ShownPerson>(people: readonly P[]): [StakeholderRole, P[]][] {
  const current = people.filter((person) => !person.leftOn);
  const groups: [StakeholderRole, P[]][] = [];
  for (const role of stakeholderRoleOrder) {
    const inRole = current.filter((person) => rolesOf(person).includes(role));
    if (inRole.length) groups.push([role, inRole]);
  }
  return groups;
}

/** "🙂 Ann Cole, CTO (no emoji on a card shared outside the team) · last contact 2026-11-03", or "· ⚠️ dark 52 days" past the quiet threshold. */
export function stakeholderLine(person: ShownPerson, today: Date, show = { sentiment: true }): string {
  const title = person.title ? `, ${inertText(person.title, 60)}` : "";
  let contact = "no contact logged";
  if (person.lastContactOn) {
    const silent = daysBetween(person.lastContactOn, today);
    contact =
      silent > quietAfterDays
        ? `⚠️ dark ${dayCount(silent)}`
        : `last contact ${formatDay(person.lastContactOn)}`;
  }
  const mood = show.sentiment ? `${sentimentEmoji(person.sentiment)} ` : "";
  return `${mood}${inertText(person.name, 60)}${title} · ${contact}`;
}

/** Each warning as one line, most serious first. */
export function mapRiskLines(risks: readonly MapRisk[]): string[] {
  const order: MapRisk["kind"][] = [
    "key_contact_left",
    "no_economic_buyer",
    "few_sponsors",
    "gone_quiet",
    "single_threaded",
  ];
  return [...risks].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map(riskLine);
}

function riskLine(risk: MapRisk): string {
  switch (risk.kind) {
    case "no_economic_buyer":
      return "⚠️ No economic buyer mapped — who signs the renewal?";
    case "few_sponsors":
      return risk.sponsors === 0
        ? `⚠️ No executive sponsor mapped at day ${risk.contractDays} — two are due by day 90.`
        : `⚠️ Only one executive sponsor at day ${risk.contractDays} — single-sponsor accounts churn about twice as often.`;
    case "gone_quiet":
      return risk.days === null
        ? `⚠️ ${who(risk.person)}: no contact logged yet.`
        : `⚠️ ${who(risk.person)}: no contact for ${dayCount(risk.days)}.`;
    case "key_contact_left":
      return `🚪 ${who(risk.person)} left${risk.person.leftOn ? ` on ${formatDay(risk.person.leftOn)}` : ""} — find the successor.`;
    case "single_threaded":
      return `⚠️ Single-threaded: the last ${risk.touches} touches were all with ${inertText(risk.person.name, 60)}.`;
  }
}

function who(person: MapPerson): string {
  return `${inertText(person.name, 60)} (${stakeholderRoleLabel(person.role).toLowerCase()})`;
}

/** A warning in a few words, for a digest line: "no economic buyer; Dana Fox (champion) left". */
export function shortRiskLine(risk: MapRisk): string {
  switch (risk.kind) {
    case "no_economic_buyer":
      return "no economic buyer";
    case "few_sponsors":
      return `${risk.sponsors === 0 ? "no" : "one"} executive sponsor at day ${risk.contractDays}`;
    case "gone_quiet":
      return risk.days === null
        ? `${who(risk.person)} never contacted`
        : `${who(risk.person)} quiet ${dayCount(risk.days)}`;
    case "key_contact_left":
      return `${who(risk.person)} left`;
    case "single_threaded":
      return `single-threaded through ${inertText(risk.person.name, 60)}`;
  }
}
