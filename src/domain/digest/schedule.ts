// When a person's morning digest is due: at their local time (08:30 by default), on their working days
// (Monday to Friday by default), in their time zone (the one they or an admin set, else Slack's), and
// not while they are paused for a holiday. Pure: the clock and the settings come in.

/** A person's digest settings, as stored. */
export interface DigestSettings {
  /** IANA zone from Slack's profile. */
  timeZone: string | null;
  /** IANA zone set by hand; wins over `timeZone`. */
  timeZoneOverride: string | null;
  /** "HH:MM"; null is 08:30. */
  digestTime: string | null;
  /** ISO weekdays, 1 Monday to 7 Sunday; empty is Monday to Friday. */
  digestDays: readonly number[];
  /** No digest up to and including this UTC-midnight day. */
  digestPausedUntil: Date | null;
}

export const defaultDigestTime = "08:30";
export const defaultDigestDays: readonly number[] = [1, 2, 3, 4, 5];
/** The zone used when neither Slack nor a person gave one. */
export const fallbackTimeZone = "UTC";

export interface LocalMoment {
  /** The person's local calendar day, as UTC midnight of that date (what a `@db.Date` column stores). */
  localDate: Date;
  /** ISO weekday of that day, 1 Monday to 7 Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(name: string): boolean {
  try {
    formatIn(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone the person's schedule runs in: theirs by hand, else Slack's, else UTC; an unknown name is UTC. */
export function zoneOf(settings: Pick<DigestSettings, "timeZone" | "timeZoneOverride">): string {
  for (const zone of [settings.timeZoneOverride, settings.timeZone]) {
    if (zone && isTimeZone(zone)) return zone;
  }
  return fallbackTimeZone;
}

/** What the clock reads in `timeZone` at `now`. */
export function localMoment(now: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const localDate = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  return {
    localDate,
    weekday: weekdays[parts.weekday as string] ?? 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "08:30" → 510; null when it is not a time of day. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export type DigestDue =
  | { due: true; localDate: Date }
  | { due: false; localDate: Date; why: "not a working day" | "paused" | "not yet" };

/**
 * Whether the person's digest for their local today is due at `now`. Due stays true for the rest of
 * the local day once the time has come, so a bot that was down at 08:30 sends it when it is back; the
 * digest row of the day (one per person and local date) keeps it to once.
 */
export function digestDue(settings: DigestSettings, now: Date): DigestDue {
  const moment = localMoment(now, zoneOf(settings));
  const { localDate } = moment;
  const days = settings.digestDays.length ? settings.digestDays : defaultDigestDays;
  if (!days.includes(moment.weekday)) return { due: false, localDate, why: "not a working day" };
  if (settings.digestPausedUntil && settings.digestPausedUntil.getTime() >= localDate.getTime())
    return { due: false, localDate, why: "paused" };
  const at =
    minutesOfDay(settings.digestTime ?? defaultDigestTime) ?? (minutesOfDay(defaultDigestTime) as number);
  if (moment.minutes < at) return { due: false, localDate, why: "not yet" };
  return { due: true, localDate };
}

const dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "mon-fri", "mon,wed,fri", "sun-thu" → ISO weekdays; null when it cannot be read. */
export function parseDigestDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text
    .toLowerCase()
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to] = part.split("-").map((name) => dayNames.indexOf(name.slice(0, 3)) + 1);
    if (!from || (part.includes("-") && !to)) return null;
    if (!to) {
      days.add(from);
      continue;
    }
    for (let day = from; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === to) break;
    }
  }
  return days.size ? [...days].sort((a, b) => a - b) : null;
}
