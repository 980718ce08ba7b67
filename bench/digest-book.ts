// The digest bench's book: 300 CSMs of 60 accounts each, 30 days of signals for every account, and each
// CSM's digest due at one chosen minute in their own time zone (zones on both sides of the date line),
// some in shared channels and the rest by direct message.
import { writeFileSync } from "node:fs";
import { signalColumns } from "../src/domain/health/signals.ts";
import type { FakeSlack } from "../test/helpers/fake-slack.ts";
import { bookCsv, ownerId } from "./book-csv.ts";
import { signalItems } from "./signals.ts";

export const csmCount = 300;
export const accountsPerCsm = 60;
export const signalDays = 30;
/** The first CSMs share these channels, as many to each; the others get a direct message. */
const sharedChannels = ["CDIGEST01", "CDIGEST02", "CDIGEST03", "CDIGEST04", "CDIGEST05"];
const csmsPerSharedChannel = 30;
const zones = [
  "Pacific/Kiritimati",
  "Pacific/Auckland",
  "Australia/Sydney",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Europe/Berlin",
  "Europe/London",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Los_Angeles",
  "Pacific/Pago_Pago",
];

export interface DigestCsm {
  slackUserId: string;
  timeZone: string;
  /** The digest channel; null: a direct message. */
  channel: string | null;
}

export const digestCsms: DigestCsm[] = Array.from({ length: csmCount }, (_, i) => {
  const shared = Math.floor(i / csmsPerSharedChannel);
  return {
    slackUserId: ownerId(i),
    timeZone: zones[i % zones.length] as string,
    channel: sharedChannels[shared] ?? null,
  };
});

/** Writes the accounts CSV and the signals CSV into `dir`; returns their paths and the lookups' queries. */
export function writeDigestBook(
  dir: string,
  today: Date,
): { files: { accounts: string; signals: string }; queries: string[] } {
  const accounts = `${dir}/digest-accounts.csv`;
  // Contracts of the last 150 days, as in every bench book: no step of the renewal calendar falls due in
  // the run, so the reminders, a job of their own, share no channel with the digests.
  const book = bookCsv(csmCount * accountsPerCsm, false, { owners: csmCount, lastStart: today });
  writeFileSync(accounts, book.csv);
  const columns = Object.entries(signalColumns);
  const lines = [columns.map(([column]) => column).join(",")];
  for (const item of signalItems(csmCount * accountsPerCsm, signalDays, today))
    lines.push(columns.map(([, field]) => item[field] ?? "").join(","));
  const signals = `${dir}/digest-signals.csv`;
  writeFileSync(signals, lines.join("\n"));
  return { files: { accounts, signals }, queries: book.queries };
}

/** "HH:MM" in `timeZone` at `at`, and whether that is in the first minutes of the local day. */
function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * The first whole minute at least `leadMs` from `now` at which no CSM's local clock has just passed
 * midnight: a digest time of 00:01 would already have come, on the local day before, at the ticks that
 * precede it.
 */
export function dueMinute(now: Date, leadMs: number): Date {
  let at = new Date(Math.ceil((now.getTime() + leadMs) / 60_000) * 60_000);
  while (zones.some((zone) => localTime(at, zone) < "00:10")) at = new Date(at.getTime() + 10 * 60_000);
  return at;
}

/**
 * SQL that gives each CSM a digest at `at` in their zone, every day of the week, in their channel. The
 * zone itself comes from Slack (the fake's users.info), as in production.
 */
export function scheduleSql(csms: readonly DigestCsm[], at: Date): string {
  const rows = csms.map(
    (csm) =>
      `('${csm.slackUserId}', '${localTime(at, csm.timeZone)}', ${csm.channel ? `'${csm.channel}'` : "NULL"})`,
  );
  return `UPDATE "User" AS u SET "digestTime" = v.time, "digestDays" = '{1,2,3,4,5,6,7}', "digestChannelId" = v.channel
    FROM (VALUES ${rows.join(", ")}) AS v(slack, time, channel) WHERE u."slackUserId" = v.slack`;
}

/** The CSMs as Slack knows them: their profiles, with their time zones. */
export function addCsmsToSlack(slack: FakeSlack, csms: readonly DigestCsm[]): void {
  for (const csm of csms) slack.addUser({ id: csm.slackUserId, tz: csm.timeZone });
}
