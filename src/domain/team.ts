// The people on the CS team, as the bot knows them: who they are in Slack, their role, where their
// digest goes and in which time zone their morning is.

/** A viewer reads cards and lists and changes nothing (domain/access/roles.ts). */
export type TeamRole = "viewer" | "csm" | "manager" | "admin";

export interface TeamMember {
  id: string;
  slackUserId: string;
  name: string | null;
  email: string | null;
  role: TeamRole;
  /** IANA time zone from Slack's profile. */
  timeZone: string | null;
  /** The channel the morning digest goes to; null means a direct message. */
  digestChannelId: string | null;
  managerId: string | null;
  /** The person's own settings of their digest: see domain/digest/schedule.ts. */
  timeZoneOverride: string | null;
  digestTime: string | null;
  digestDays: number[];
  digestPausedUntil: Date | null;
}
