// Who may use the bot at all. The team (account owners, people given a role, managers, admins, people an
// admin added) by default; every full member of the workspace when the admin opens it (ACCESS=workspace).
// Guests, people from other organisations (Slack Connect), bots and deactivated people never, whatever
// the setting: what Slack's users.info says about them decides, before the team does.

/** "team": only people the bot knows; "workspace": every full member of the workspace. */
export type AccessMode = "team" | "workspace";

/** What users.info says about a person that matters for access. */
export interface SlackStanding {
  deleted: boolean;
  isBot: boolean;
  /** A multi-channel guest (is_restricted). */
  isRestricted: boolean;
  /** A single-channel guest (is_ultra_restricted). */
  isUltraRestricted: boolean;
  /** The workspace the person belongs to (users.info's team_id). */
  teamId: string | null;
  /** Their Enterprise Grid organisation, when there is one. */
  enterpriseId: string | null;
}

/** The workspace the bot is installed in (auth.test). */
export interface HomeWorkspace {
  teamId: string;
  enterpriseId: string | null;
}

export type AccessRefusal = "unknown_to_slack" | "deactivated" | "bot" | "guest" | "external" | "not_on_team";

/**
 * Someone from another organisation: their workspace is not ours, nor one of our Enterprise Grid
 * organisation's workspaces. A person whose workspace Slack does not say is taken as outside.
 */
export function isExternal(standing: SlackStanding, home: HomeWorkspace): boolean {
  if (standing.teamId === home.teamId) return false;
  return !(home.enterpriseId !== null && standing.enterpriseId === home.enterpriseId);
}

/** Why Slack's account of a person rules them out whatever the access setting; null when it does not. */
export function standingRefusal(standing: SlackStanding | null, home: HomeWorkspace): AccessRefusal | null {
  if (!standing) return "unknown_to_slack";
  if (standing.deleted) return "deactivated";
  if (standing.isBot) return "bot";
  if (standing.isRestricted || standing.isUltraRestricted) return "guest";
  if (isExternal(standing, home)) return "external";
  return null;
}

/** Why a person may not use the bot; null when they may. */
export function accessRefusal(input: {
  standing: SlackStanding | null;
  home: HomeWorkspace;
  onTeam: boolean;
  mode: AccessMode;
}): AccessRefusal | null {
  const fromSlack = standingRefusal(input.standing, input.home);
  if (fromSlack) return fromSlack;
  return input.onTeam || input.mode === "workspace" ? null : "not_on_team";
}
