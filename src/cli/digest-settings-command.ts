// `csm users digest <slack-id|email> [--time HH:MM] [--days mon-fri] [--channel <id>|dm]
// [--tz <Area/City>|slack] [--pause-until YYYY-MM-DD|off]`: an admin reads or sets a person's digest.
import type { DigestSettingsInput } from "../domain/digest/settings.ts";
import { parseDigestSettings } from "../domain/digest/settings.ts";
import { changeDigestSettings, type DigestSettingsView } from "../services/digest-settings.ts";
import { describeUser, findTeamMember, isTeamMemberRef, TeamError } from "../services/team.ts";
import { type CliCommand, sub, UsageError } from "./command.ts";
import { CliFailure } from "./output.ts";

const shape =
  "users digest <slack-id|email> [--time HH:MM] [--days mon-fri] [--channel <id>|dm] [--tz <Area/City>|slack] [--pause-until YYYY-MM-DD|off]";
const flags: Record<string, keyof DigestSettingsInput> = {
  "--time": "time",
  "--days": "days",
  "--channel": "channel",
  "--tz": "timeZone",
  "--pause-until": "pauseUntil",
};
const flagOf = Object.fromEntries(Object.entries(flags).map(([flag, field]) => [field, flag]));

export function parseDigestSettingsArgs(rest: string[]): { who: string; input: DigestSettingsInput } {
  const [, who, ...options] = rest;
  if (!who || who.startsWith("--")) throw new UsageError(`expected: ${shape}`);
  if (!isTeamMemberRef(who))
    throw new UsageError(`"${who}" is neither a Slack user id (like U012AB3CD) nor an email`);
  const input: DigestSettingsInput = {};
  for (let i = 0; i < options.length; i += 2) {
    const flag = options[i] as string;
    const field = flags[flag];
    const value = options[i + 1];
    if (!field) throw new UsageError(`unexpected "${flag}": ${shape}`);
    if (value === undefined || value.startsWith("--"))
      throw new UsageError(`${flag} needs a value: ${shape}`);
    input[field] = value;
  }
  const parsed = parseDigestSettings(input);
  if (!parsed.ok)
    throw new UsageError(parsed.problems.map((p) => `${flagOf[p.field]}: ${p.message}`).join("\n"));
  return { who, input };
}

const dayNames = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function describeDigestSettings(settings: DigestSettingsView): string {
  const where = settings.channelId
    ? `in <#${settings.channelId}> (${settings.channelId})`
    : "as a direct message";
  const zone = `${settings.timeZone}${settings.timeZoneSetByHand ? ", set by hand" : ", from Slack"}`;
  const pause = settings.pausedUntil
    ? `; paused until ${settings.pausedUntil.toISOString().slice(0, 10)}`
    : "";
  return `digest at ${settings.time} (${zone}) on ${settings.days.map((d) => dayNames[d]).join(", ")}, ${where}${pause}`;
}

export const digestSettingsCommand: CliCommand = {
  matches: sub("users", "digest"),
  checkArgs: (rest) => void parseDigestSettingsArgs(rest),
  async run(context, rest) {
    const { who, input } = parseDigestSettingsArgs(rest);
    const parsed = parseDigestSettings(input);
    if (!parsed.ok) throw new UsageError(parsed.problems.map((p) => p.message).join("\n"));
    const user = await findTeamMember(context.db, context.directory, who).catch((error) => {
      throw error instanceof TeamError ? new CliFailure(`csm: ${error.message}`) : error;
    });
    const settings = await changeDigestSettings(context.db, context.actor, user, parsed.change);
    context.summary(`${describeUser(user)}: ${describeDigestSettings(settings)}.`, {
      user: user.slackUserId,
      ...settings,
      pausedUntil: settings.pausedUntil?.toISOString().slice(0, 10) ?? null,
    });
  },
};
