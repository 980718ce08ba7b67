// Sends the renewal calendar's reminders: for each owner whose morning digest time has come (or everyone,
// in an operator's run), each account's step that fell due in the owner's local today, once. The step's
// row is claimed before anything is sent, so restarts, crashes and several bots neither skip nor double
// one; earlier steps that never fired are recorded skipped; a renewal date that moved closes the old
// calendar's plays. node-cron ticks; the database decides.
import type { DataAccess } from "../db/client.ts";
import { digestUsers } from "../db/repositories/digest-recipients.ts";
import {
  claimKey,
  claimRenewalSteps,
  finishRenewalStep,
  notClosedPlays,
  type RenewalStepKey,
  reminderAccounts,
  skipRenewalSteps,
} from "../db/repositories/renewal-steps.ts";
import { digestDue, localMoment, zoneOf } from "../domain/digest/schedule.ts";
import type { RenewalStepDate } from "../domain/renewals/calendar.ts";
import type { Notifier } from "./ports.ts";
import { type RenderReminder, sendReminder } from "./renewal-delivery.ts";
import {
  type CalendarAccount,
  type DueStep,
  movedCalendarPlayIds,
  planAccount,
  type ReminderOwner,
} from "./renewal-plan.ts";
import { closeMovedCalendarPlays, ensureStepPlay } from "./renewal-plays.ts";

export interface ReminderRunDeps {
  db: DataAccess;
  notifier: Notifier | null;
  render: RenderReminder;
}

export interface ReminderRunOptions {
  /** An operator's run: no working days or local times, every owner (or `slackUserIds`) now. */
  explicit?: boolean;
  slackUserIds?: readonly string[];
  /** The day to run the calendar for, in an explicit run; default each owner's local today. */
  date?: Date;
  /** Build and report, write and post nothing. */
  dryRun?: boolean;
}

export type ReminderStatus = "sent" | "skipped" | "failed" | "built";

export interface ReminderResult {
  accountId: string;
  accountName: string;
  step: RenewalStepDate["step"];
  renewalDate: Date;
  /** Slack user id of the person the message is (or was to be) for. */
  recipient: string;
  status: ReminderStatus;
  channel: string | null;
  /** Why it was skipped or failed; for a sent one, a fallback taken. */
  detail: string | null;
  /** The message, for a dry run. */
  message?: { text: string; blocks?: readonly object[] };
}

export interface ReminderRun {
  results: ReminderResult[];
  /** Owners (User.id) whose reminders for their local today are all settled: the job need not look again today. */
  settledOwners: Map<string, Date>;
}

type Claim = { id: string; playId: string | null };

/**
 * `settled` (from an earlier run of the same process) names owners whose reminders for that local date
 * are all settled: they are not read again that day.
 */
export async function runRenewalReminders(
  deps: ReminderRunDeps,
  now: Date,
  options: ReminderRunOptions = {},
  settled?: ReadonlyMap<string, Date>,
): Promise<ReminderRun> {
  const owners = new Map<string, ReminderOwner>();
  for (const user of await digestUsers(deps.db.client, options.slackUserIds)) {
    if (!options.explicit && !digestDue(user, now).due) continue;
    const today = options.date ?? localMoment(now, zoneOf(user)).localDate;
    if (settled?.get(user.id)?.getTime() === today.getTime()) continue;
    owners.set(user.id, { ...user, today });
  }
  const run: ReminderRun = { results: [], settledOwners: new Map() };
  // Read, planned and claimed a few owners at a time: a whole book's calendars in one read would hold
  // the bot's thread, and the embedded engine, while lookups wait.
  const work: Work[] = [];
  const ownerList = [...owners.values()];
  for (let start = 0; start < ownerList.length; start += ownersPerRead) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = ownerList.slice(start, start + ownersPerRead);
    work.push(...(await claimDueSteps(deps, batch, now, options, run)));
  }

  // One reminder at a time per channel, every channel at once: the Notifier paces a channel to about a
  // message a second, so a global cap would let one busy channel's reminders hold every place while
  // the other channels' reminders wait with their channels idle.
  const byChannel = new Map<string, Work[]>();
  for (const item of work) {
    const channel = item.owner.digestChannelId ?? item.owner.slackUserId;
    const items = byChannel.get(channel);
    if (items) items.push(item);
    else byChannel.set(channel, [item]);
  }
  await Promise.all(
    [...byChannel.values()].map(async (items) => {
      for (const item of items) await remindOne(deps, run, item, now);
    }),
  );
  run.results.sort(
    (a, b) =>
      a.accountName.localeCompare(b.accountName) ||
      a.step.localeCompare(b.step) ||
      a.recipient.localeCompare(b.recipient),
  );
  return run;
}

/** Owners whose calendars are read together: about 600 accounts for owners of 60. */
const ownersPerRead = 10;

type Work = DueStep & { claim: Claim | null };

/**
 * These owners' due steps: calendars whose renewal date moved have their plays closed, steps that never
 * fired are recorded skipped, and the due ones are claimed (in a dry run, only listed).
 */
async function claimDueSteps(
  deps: ReminderRunDeps,
  owners: readonly ReminderOwner[],
  now: Date,
  options: ReminderRunOptions,
  run: ReminderRun,
): Promise<Work[]> {
  const ownerOf = new Map(owners.map((owner) => [owner.id, owner]));
  const accounts = (await reminderAccounts(deps.db.client, [...ownerOf.keys()])) as CalendarAccount[];
  for (const owner of owners) run.settledOwners.set(owner.id, owner.today);
  const planned = accounts.map((account) => {
    const owner = ownerOf.get(account.ownerId as string) as ReminderOwner;
    return { account, owner, plan: planAccount(account, owner) };
  });
  if (options.dryRun)
    return planned.flatMap(({ plan }) => (plan.due && plan.fresh ? [{ ...plan.due, claim: null }] : []));

  const moved = await notClosedPlays(deps.db.client, movedCalendarPlayIds(accounts));
  await closeMovedCalendarPlays(deps.db, moved, now);
  const skips: (RenewalStepKey & { dueOn: Date; why: string })[] = [];
  for (const { account, owner, plan } of planned)
    for (const { step, why } of plan.skip) {
      run.results.push(result({ account, step }, owner.slackUserId, "skipped", null, why));
      skips.push({
        accountId: account.id,
        renewalDate: account.renewalDate,
        step: step.step,
        dueOn: step.dueOn,
        why,
      });
    }
  await skipRenewalSteps(deps.db.client, skips, now);
  const due = planned.flatMap(({ plan }) => (plan.due ? [plan.due] : []));
  const claims = await claimRenewalSteps(
    deps.db.client,
    due.map(({ account, step }) => ({
      accountId: account.id,
      renewalDate: account.renewalDate,
      step: step.step,
      dueOn: step.dueOn,
    })),
    now,
  );
  const work: Work[] = [];
  for (const item of due) {
    const claim = claims.get(claimKey(item.account.id, item.step.step));
    if (claim) {
      work.push({ ...item, claim });
      continue;
    }
    // Another process has it (or just sent it): look again on the next tick, in case that one dies.
    run.settledOwners.delete(item.owner.id);
    if (options.explicit)
      run.results.push(result(item, item.owner.slackUserId, "skipped", null, "already sent or being sent"));
  }
  return work;
}

async function remindOne(deps: ReminderRunDeps, run: ReminderRun, item: Work, now: Date): Promise<void> {
  if (!item.claim) {
    const message = deps.render(item.reminder, { kind: "owner" });
    const channel = item.owner.digestChannelId ?? item.owner.slackUserId;
    run.results.push({ ...result(item, item.owner.slackUserId, "built", channel, null), message });
    return;
  }
  await ensureStepPlay(deps.db, item.claim, item.account, item.step, now);
  const sending = await sendReminder(deps.notifier, deps.render, item.reminder, item.owner.digestChannelId);
  await finishRenewalStep(deps.db.client, item.claim.id, sending.outcome, now);
  if (sending.outcome.status === "failed") run.settledOwners.delete(item.owner.id);
  for (const d of sending.deliveries)
    run.results.push(result(item, d.recipient, d.ok ? "sent" : "failed", d.channel, d.problem));
}

function result(
  item: { account: CalendarAccount; step: RenewalStepDate },
  recipient: string,
  status: ReminderStatus,
  channel: string | null,
  detail: string | null,
): ReminderResult {
  return {
    accountId: item.account.id,
    accountName: item.account.name,
    step: item.step.step,
    renewalDate: item.account.renewalDate,
    recipient,
    status,
    channel,
    detail,
  };
}
