// `csm reminders --now …`: an operator's run of the renewal calendar, as `csm digest --now` is of the
// digests: the reminders due for the day (each owner's local today, or --date), posted now unless a dry
// run, which prints each message and writes nothing. Exit 1 when any message did not go out. And
// `csm reminders log`: what went out on a day, where, and what failed.
import { remindersClaimedOn } from "../db/repositories/renewal-steps.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { type ReminderResult, runRenewalReminders } from "../services/renewal-run.ts";
import { renewalReminderMessage } from "../slack/views/renewal-reminder.ts";
import { type CliCommand, UsageError } from "./command.ts";
import { dateArg, logDate } from "./digest-commands.ts";
import { messageAsText } from "./message-text.ts";
import { CliFailure, formatCount } from "./output.ts";
import { printable } from "./printable.ts";

const shape = "reminders --now [--date YYYY-MM-DD] [--dry-run]";

export interface RemindersArgs {
  date: Date | null;
  dryRun: boolean;
}

export function parseRemindersArgs(rest: string[]): RemindersArgs {
  const args: RemindersArgs = { date: null, dryRun: false };
  let now = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === "--now") now = true;
    else if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--date") {
      const day = rest[++i];
      if (!day || day.startsWith("--")) throw new UsageError(`--date needs a value: ${shape}`);
      args.date = dateArg(day);
    } else throw new UsageError(`unexpected "${arg}": ${shape}`);
  }
  if (!now) throw new UsageError(`expected: ${shape}`);
  return args;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function resultLine(result: ReminderResult): string {
  const where = result.channel ? ` in ${result.channel}` : "";
  const why = result.detail ? ` (${result.detail})` : "";
  return `${result.accountName} ${result.step} (renewal ${day(result.renewalDate)}) for ${result.recipient}: ${result.status}${where}${why}`;
}

function resultData(result: ReminderResult) {
  return {
    account: result.accountName,
    accountId: result.accountId,
    step: result.step,
    renewalDate: day(result.renewalDate),
    recipient: result.recipient,
    status: result.status,
    channel: result.channel,
    detail: result.detail,
    ...(result.message ? { text: result.message.text, blocks: result.message.blocks ?? [] } : {}),
  };
}

const remindersNow: CliCommand = {
  matches: (group, rest) => group === "reminders" && rest[0] !== "log",
  checkArgs: (rest) => void parseRemindersArgs(rest),
  async run(context, rest) {
    const args = parseRemindersArgs(rest);
    context.progress("Reading the renewal calendars…");
    const { results } = await runRenewalReminders(
      { db: context.db, notifier: context.notifier, render: renewalReminderMessage },
      context.clock(),
      { explicit: true, ...(args.date ? { date: args.date } : {}), dryRun: args.dryRun },
    );
    context.progress("");
    const count = (status: ReminderResult["status"]) => results.filter((r) => r.status === status).length;
    if (args.dryRun) {
      const messages = results.map(
        (r) =>
          `${resultLine(r)}\n${r.message ? messageAsText({ channel: r.channel ?? "", ...r.message }) : ""}\n`,
      );
      const built = count("built");
      context.summary(
        [...messages, `Dry run: ${formatCount(built, "reminder")} built, nothing written or posted.`].join(
          "\n",
        ),
        { built, reminders: results.map(resultData) },
      );
      return;
    }
    const totals = { sent: count("sent"), skipped: count("skipped"), failed: count("failed") };
    context.summary(
      [
        ...results.map(resultLine),
        `Reminders: ${totals.sent} sent, ${totals.skipped} skipped, ${totals.failed} failed.`,
      ].join("\n"),
      { ...totals, reminders: results.map(resultData) },
    );
    if (totals.failed) throw new CliFailure(`csm: ${formatCount(totals.failed, "reminder")} did not go out`);
  },
};

const remindersLog: CliCommand = {
  matches: (group, rest) => group === "reminders" && rest[0] === "log",
  checkArgs: (rest) => void logDate(rest, "reminders"),
  async run(context, rest) {
    const date = logDate(rest, "reminders") ?? utcDay(context.clock());
    const { rows, skipped } = await remindersClaimedOn(context.db.client, date);
    if (rows.length === 0) context.out(`No reminders sent on ${day(date)}.`);
    for (const row of rows) {
      const owner = row.account.owner?.slackUserId ?? "no owner";
      const tries = row.attempts > 1 ? `, ${row.attempts} tries` : "";
      context.out(
        `${printable(row.account.name)} ${row.step} (renewal ${day(row.renewalDate)}, owner ${owner}): ${row.status}${row.channel ? ` in ${row.channel}` : ""}${tries}${row.error ? `: ${printable(row.error)}` : ""}`,
      );
    }
    if (skipped) context.out(`${formatCount(skipped, "earlier step")} recorded skipped that day.`);
  },
};

export const remindersCommands: CliCommand[] = [remindersNow, remindersLog];
