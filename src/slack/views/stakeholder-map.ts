// The stakeholder map message (/stakeholders, the card's Stakeholders button): the people by role with
// sentiment and last contact, each with an Edit button, the map's warnings first, and who has left.
import type { MapRisk } from "../../domain/stakeholders/risks.ts";
import {
  type Block,
  button,
  context,
  divider,
  header,
  type MessagePayload,
  section,
  truncate,
} from "./blocks.ts";
import { mapRiskLines, peopleByRole, type ShownPerson, stakeholderLine } from "./stakeholder-lines.ts";
import { openTouchActionId } from "./touch-modal.ts";
import { formatDay, inertText, stakeholderRoleLabel } from "./wording.ts";

export const openStakeholdersActionId = "stakeholders_open";
export const addStakeholderActionId = "stakeholder_add";
/** Each Edit button's action_id is this and its index: ids are unique within a message. */
export const editStakeholderActionId = "stakeholder_edit";

// A message holds 50 blocks: header, warnings, role headings, the people, history and buttons.
const peopleShown = 30;
const leftShown = 5;

export interface StakeholderMapData {
  account: { id: string; name: string };
  people: (ShownPerson & { id: string })[];
  risks: readonly MapRisk[];
}

const say = {
  empty: "Nobody is mapped yet — start with the economic buyer, the champion and two executive sponsors.",
  more: (count: number) => `+${count} more on the map: open a person from the card, or narrow the map down.`,
  add: "Add a person",
  edit: "Edit",
  logTouch: "Log touch",
};

export function stakeholderMapMessage(data: StakeholderMapData, today: Date): MessagePayload {
  const name = inertText(data.account.name, 100);
  const blocks: Block[] = [header(truncate(`Stakeholders · ${data.account.name.replace(/\s+/g, " ")}`, 150))];
  const warnings = mapRiskLines(data.risks);
  if (warnings.length) blocks.push(context(...warnings.slice(0, 10)));
  const groups = peopleByRole(data.people);
  if (groups.length === 0) blocks.push(section(say.empty));
  let shown = 0;
  let hidden = 0;
  for (const [role, people] of groups) {
    const room = peopleShown - shown;
    if (room <= 0) {
      hidden += people.length;
      continue;
    }
    blocks.push(divider(), section(`*${stakeholderRoleLabel(role, people.length)}*`));
    for (const person of people.slice(0, room)) {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: stakeholderLine(person, today) },
        accessory: button(say.edit, `${editStakeholderActionId}_${blocks.length}`, person.id),
      });
    }
    shown += Math.min(room, people.length);
    hidden += Math.max(0, people.length - room);
  }
  if (hidden) blocks.push(context(say.more(hidden)));
  const left = data.people.filter((person) => person.leftOn);
  if (left.length) {
    const lines = left
      .slice(0, leftShown)
      .map((person) => `${inertText(person.name, 60)} (left ${formatDay(person.leftOn as Date)})`);
    blocks.push(context(`Left the company: ${lines.join(", ")}${left.length > leftShown ? ", …" : ""}`));
  }
  blocks.push({
    type: "actions",
    elements: [
      button(say.add, addStakeholderActionId, data.account.id, "primary"),
      button(say.logTouch, openTouchActionId, data.account.id),
    ],
  });
  const current = data.people.length - left.length;
  return { text: `${name}: ${current} ${current === 1 ? "person" : "people"} on the map`, blocks };
}
