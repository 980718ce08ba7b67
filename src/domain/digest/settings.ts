// A person's digest settings as people type them (the CLI, the settings modal): each value checked and
// turned into what is stored, or a problem in words. One reading for both, so they refuse alike.
import { isoDayToDate } from "../lifecycle.ts";
import { isTimeZone, minutesOfDay, parseDigestDays } from "./schedule.ts";

export interface DigestSettingsChange {
  digestTime?: string | null;
  digestDays?: number[];
  /** A channel id, or null for a direct message. */
  digestChannelId?: string | null;
  /** An IANA zone, or null to follow the Slack profile. */
  timeZoneOverride?: string | null;
  digestPausedUntil?: Date | null;
}

export interface DigestSettingsInput {
  time?: string;
  days?: string;
  channel?: string;
  timeZone?: string;
  pauseUntil?: string;
}

export type DigestSettingsParse =
  | { ok: true; change: DigestSettingsChange }
  | { ok: false; problems: { field: keyof DigestSettingsInput; message: string }[] };

const channelId = /^[CG][A-Z0-9]{2,20}$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function parseDigestSettings(input: DigestSettingsInput): DigestSettingsParse {
  const change: DigestSettingsChange = {};
  const problems: { field: keyof DigestSettingsInput; message: string }[] = [];
  if (input.time !== undefined) {
    const minutes = minutesOfDay(input.time);
    if (minutes === null)
      problems.push({ field: "time", message: `"${input.time}" is no time of day: use HH:MM, like 08:30` });
    else
      change.digestTime = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  }
  if (input.days !== undefined) {
    const days = parseDigestDays(input.days);
    if (!days)
      problems.push({ field: "days", message: `"${input.days}" names no days: use mon-fri, or mon,wed,fri` });
    else change.digestDays = days;
  }
  if (input.channel !== undefined) {
    const value = input.channel.trim();
    if (value === "dm") change.digestChannelId = null;
    else if (channelId.test(value)) change.digestChannelId = value;
    else
      problems.push({
        field: "channel",
        message: `"${value}" is no channel id: use the id (like C012AB3CD, from the channel's details), or dm for a direct message`,
      });
  }
  if (input.timeZone !== undefined) {
    const value = input.timeZone.trim();
    if (value === "slack") change.timeZoneOverride = null;
    else if (value.includes("/") && isTimeZone(value)) change.timeZoneOverride = value;
    else
      problems.push({
        field: "timeZone",
        message: `"${value}" is no time zone: use one like Europe/Paris, or slack to follow the Slack profile`,
      });
  }
  if (input.pauseUntil !== undefined) {
    const value = input.pauseUntil.trim();
    if (value === "off") change.digestPausedUntil = null;
    else {
      const date = isoDay.test(value) ? isoDayToDate(value) : null;
      if (!date || date.toISOString().slice(0, 10) !== value)
        problems.push({ field: "pauseUntil", message: `"${value}" is no date: use YYYY-MM-DD, or off` });
      else change.digestPausedUntil = date;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, change };
}
