// What a person is told when a change to a play is refused or loses a race: one place for the wording.
import type { AccessRefusal } from "../domain/access/admission.ts";
import { snoozeDays } from "../domain/plays/kinds.ts";
import type { TeamMember } from "../domain/team.ts";

export const maxPlayNoteLength = 2000;

export const say = {
  gone: "That play no longer exists.",
  claimedFirst: (who: string) => `${who} claimed this play first.`,
  closed: (who: string | null, day: string, outcome: string) =>
    who
      ? `This play was already closed by ${who} on ${day} (${outcome}).`
      : `This play was already closed on ${day} (${outcome}).`,
  notAllowed: (verb: string, people: string[]) =>
    people.length
      ? `Only ${people.join(" or ")}, a manager or an admin can ${verb} this play. Ask one of them, or claim a play nobody has taken.`
      : `Only a manager or an admin can ${verb} this play.`,
  snoozeDays: `A play can be snoozed for ${snoozeDays.join(", ")} days.`,
  outcome: "Pick how the play ended.",
  noteTooLong: `The note is limited to ${maxPlayNoteLength} characters.`,
  notAllowedToReassign: (people: string[]) =>
    people.length
      ? `Only ${people.join(" or ")}, their manager or an admin can reassign this play; claiming it is not enough.`
      : "Only an admin can reassign this play.",
  viewer: "Your role is viewer: you can read plays, not work them. An admin can give you the csm role.",
  viewerCannotOwn: (who: string) =>
    `${who} has the viewer role and cannot own a play. Pick someone on the team.`,
  cannotOwn: (who: string, reason: AccessRefusal) => cannotOwn[reason](who),
  notAPerson: (who: string) =>
    `${who} is a bot or an app: a play needs a person to own it. Pick someone on the team.`,
  deactivated: (who: string) =>
    `${who} has been deactivated in Slack and cannot work this play. Pick someone on the team.`,
};

const cannotOwn: Record<AccessRefusal, (who: string) => string> = {
  unknown_to_slack: (who) =>
    `Slack does not know ${who}: the play stays where it is. Pick someone on the team.`,
  deactivated: (who) => say.deactivated(who),
  bot: (who) => say.notAPerson(who),
  guest: (who) => `${who} is a guest of this workspace; plays go to people on the team.`,
  external: (who) => `${who} is from another organisation; plays go to people on the team.`,
  not_on_team: (who) =>
    `${who} is not on the team, so cannot own a play. An admin can add them with \`csm users add\`.`,
};

/** "Maria Lopez (<@U012AB3CD>)": the name for readers who do not hover, the mention to click. */
export function personLabel(user: Pick<TeamMember, "name" | "slackUserId">): string {
  const mention = `<@${user.slackUserId}>`;
  if (!user.name) return mention;
  const name = user.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `${name} (${mention})`;
}
