// What a person the bot does not serve is told, privately: why, and who can change it.
import type { AccessRefusal } from "../../domain/access/admission.ts";
import { type HomeView, header, section } from "./blocks.ts";
import { userMention } from "./wording.ts";

function askAdmins(admins: string[], slackUserId: string): string {
  const howTo = `\`csm users add ${slackUserId}\``;
  if (admins.length === 0) return `Ask whoever runs this bot for your team to add you (${howTo}).`;
  return `Ask ${admins.slice(0, 5).map(userMention).join(" or ")} to add you (${howTo}).`;
}

export const viewerRefusal =
  "You can read accounts and plays with this bot, not change them: your role is viewer. An admin can give you the csm role (`csm users set-role`).";

/** The private text for a refused person. */
export function accessRefusalText(reason: AccessRefusal, slackUserId: string, admins: string[]): string {
  switch (reason) {
    case "not_on_team":
      return `Hi! This bot holds the customer-success team's accounts, and it answers the team only. ${askAdmins(admins, slackUserId)}`;
    case "guest":
      return "Guests of this workspace cannot use this bot: it holds the customer-success team's confidential account data.";
    case "external":
      return "This bot answers members of its own workspace only; people from other organisations cannot use it.";
    case "deactivated":
    case "bot":
    case "unknown_to_slack":
      return "Slack does not know this account as an active person in this workspace, so this bot cannot answer it.";
  }
}

/** The App Home of someone the bot does not serve: the same words, nothing of the book. */
export function refusedHomeView(text: string): HomeView {
  return { type: "home", blocks: [header("CSM Copilot"), section(text)] };
}
