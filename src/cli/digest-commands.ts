// `csm digest --now …`: an operator's run of the morning digests (any day, any hour, never twice for a
// date unless --force), a dry run that prints them, and `csm digest log`: what went out, and what failed.
import { digestsOn } from "../db/repositories/digests.ts";
import { isoDayToDate, utcDay } from "../domain/lifecycle.ts";
import { type DigestResult, runDigests } from "../services/digest-run.ts";
import { renderDigest } from "../slack/surfaces/digest.ts";
import { type CliCommand, UsageError } from "./command.ts";
import { messageAsText } from "./message-text.ts";
import { CliFailure, formatCount } from "./output.ts";
import { printable } from "./printable.ts";

const shape = "digest --now [--user <slack-id>]... [--date YYYY-MM-DD] [--dry-run] [--force]";
const slackId = /^[UW][A-Z0-9]{2,20}$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export interface DigestArgs {
  users: string[];
  date: Date | null;
  dryRun: boolean;
  force: boolean;
}

export function parseDigestArgs(rest: string[]): DigestArgs {
  const args: DigestArgs = { users: [], date: null, dryRun: false, force: false };
  let now = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = () => {
      const next = rest[++i];
      if (!next || next.startsWith("--")) throw new UsageError(`${arg} needs a value: ${shape}`);
      return next;
    };
    if (arg === "--now") now = true;
    else if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--force") args.force = true;
    else if (arg === "--user") {
      const user = value();
      if (!slackId.test(user))
        throw new UsageError(`--user takes a Slack user id (like U012AB3CD), not "${user}"`);
      args.users.push(user);
    } else if (arg === "--date") args.date = dateArg(value());
    else throw new UsageError(`unexpected "${arg}": ${shape}`);
  }
  if (!now) throw new UsageError(`expected: ${shape}`);
  return args;
}

/** The value of --date (or another flag's): a real day, YYYY-MM-DD. */
export function dateArg(day: string, flag = "--date"): Date {
  const date = isoDay.test(day) ? isoDayToDate(day) : null;
  if (!date || date.toISOString().slice(0, 10) !== day)
    throw new UsageError(`${flag} takes a real date as YYYY-MM-DD, not "${day}"`);
  return date;
}

function resultLine(result: DigestResult): string {
  const day = result.localDate.toISOString().slice(0, 10);
  const where = result.channel ? ` in ${result.channel}` : "";
  const why = result.detail ? ` (${result.detail})` : "";
  const team = result.kind === "team" ? " team" : "";
  return `${result.slackUserId} ${day}${team}: ${result.status}${where}${why}`;
}

export const digestCommands: CliCommand[] = [
  {
    matches: (group, rest) => group === "digest" && rest[0] !== "log",
    checkArgs: (rest) => void parseDigestArgs(rest),
    async run(context, rest) {
      const args = parseDigestArgs(rest);
      context.progress("Building the digests…");
      const results = await runDigests(
        { db: context.db, notifier: context.notifier, directory: context.directory, render: renderDigest },
        context.clock(),
        {
          explicit: true,
          ...(args.users.length ? { slackUserIds: args.users } : {}),
          ...(args.date ? { date: args.date } : {}),
          dryRun: args.dryRun,
          force: args.force,
        },
      );
      context.progress("");
      const missing = args.users.filter((id) => !results.some((r) => r.slackUserId === id));
      for (const id of missing) context.err(`csm: ${id} owns no account: no digest to build`);
      for (const result of results) {
        if (result.message)
          context.summary(`${resultLine(result)}\n${messageAsText(result.message)}\n`, {
            user: result.slackUserId,
            kind: result.kind,
            date: result.localDate.toISOString().slice(0, 10),
            text: result.message.text,
            blocks: result.message.blocks ?? [],
          });
        else context.out(resultLine(result));
      }
      const count = (status: DigestResult["status"]) => results.filter((r) => r.status === status).length;
      const totals = {
        sent: count("sent"),
        skipped: count("skipped"),
        failed: count("failed"),
        built: count("built"),
      };
      const text = args.dryRun
        ? `Dry run: ${formatCount(totals.built, "digest")} built, nothing written or posted.`
        : `Digests: ${totals.sent} sent, ${totals.skipped} skipped, ${totals.failed} failed.`;
      context.summary(text, totals);
      if (totals.failed || missing.length)
        throw new CliFailure(`csm: ${formatCount(totals.failed + missing.length, "digest")} did not go out`);
    },
  },
  {
    matches: (group, rest) => group === "digest" && rest[0] === "log",
    checkArgs: (rest) => void logDate(rest, "digest"),
    async run(context, rest) {
      const date = logDate(rest, "digest") ?? utcDay(context.clock());
      const rows = await digestsOn(context.db.client, date);
      if (rows.length === 0) context.out(`No digests for ${date.toISOString().slice(0, 10)}.`);
      for (const row of rows) {
        const who = row.user.name
          ? `${row.user.slackUserId} (${printable(row.user.name)})`
          : row.user.slackUserId;
        const tries = row.attempts > 1 ? `, ${row.attempts} tries` : "";
        context.out(
          `${who} ${row.kind}: ${row.status}${row.channel ? ` in ${row.channel}` : ""}${tries}${row.error ? `: ${row.error}` : ""}`,
        );
      }
    },
  },
];

/** `<group> log [--date YYYY-MM-DD]`: the date asked for, or null for today. */
export function logDate(rest: string[], group: string): Date | null {
  const [, flag, day, ...extra] = rest;
  if (flag === undefined) return null;
  if (flag !== "--date" || !day || extra.length || !isoDay.test(day))
    throw new UsageError(`expected: ${group} log [--date YYYY-MM-DD]`);
  return isoDayToDate(day);
}
