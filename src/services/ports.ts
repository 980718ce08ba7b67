// What services need from the outside world, as interfaces: Slack's directory of people, a clock.
// src/slack/ implements them with the Web API; tests use the fake Slack server behind the same code.

export interface SlackProfile {
  slackUserId: string;
  email: string | null;
  name: string | null;
  timeZone: string | null;
  isBot: boolean;
  deleted: boolean;
}

export interface SlackDirectory {
  /** null when Slack does not know the user. */
  userInfo(slackUserId: string): Promise<SlackProfile | null>;
  /** null when no Slack user has this email. */
  lookupByEmail(email: string): Promise<SlackProfile | null>;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
