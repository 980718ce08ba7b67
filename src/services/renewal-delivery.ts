// Sends one renewal step's reminder: to the owner's digest channel (a direct message when they have none,
// or when Slack refuses the channel), and to their manager when the step escalates or the owner cannot be
// reached. Every recipient's outcome is returned; the step's row is failed only when nobody got it.
import type { ReminderOutcome } from "../db/repositories/renewal-steps.ts";
import type { ReminderAudience, RenewalReminder } from "../domain/renewals/reminders.ts";
import { tellsManager } from "../domain/renewals/reminders.ts";
import { deliver } from "./delivery.ts";
import type { Notifier } from "./ports.ts";

export type RenderReminder = (
  reminder: RenewalReminder,
  audience: ReminderAudience,
) => { text: string; blocks?: readonly object[] };

export interface ReminderDelivery {
  /** Slack user id of the person the message is for. */
  recipient: string;
  ok: boolean;
  channel: string | null;
  ts: string | null;
  /** What went wrong, also when a fallback worked. */
  problem: string | null;
}

export interface ReminderSending {
  outcome: ReminderOutcome;
  deliveries: ReminderDelivery[];
}

export async function sendReminder(
  notifier: Notifier | null,
  render: RenderReminder,
  reminder: RenewalReminder,
  ownerChannel: string | null,
): Promise<ReminderSending> {
  if (!notifier) {
    const problem = "no Slack token: nothing can be posted";
    return {
      outcome: { status: "failed", channel: null, ts: null, error: problem },
      deliveries: [{ recipient: reminder.ownerSlackId, ok: false, channel: null, ts: null, problem }],
    };
  }
  const owner = reminder.ownerSlackId;
  const toOwner = await deliver(
    notifier,
    { ...render(reminder, { kind: "owner" }), channel: ownerChannel ?? owner },
    owner,
  );
  const deliveries: ReminderDelivery[] = [{ recipient: owner, ...toOwner }];
  const manager = reminder.managerSlackId;
  const managerNote = toOwner.ok ? null : `I could not reach <@${owner}> (${toOwner.problem}).`;
  if (manager && manager !== owner && (tellsManager(reminder.step, reminder.commit) || !toOwner.ok)) {
    const toManager = await deliver(
      notifier,
      { ...render(reminder, { kind: "manager", note: managerNote }), channel: manager },
      null,
    );
    deliveries.push({ recipient: manager, ...toManager });
  }
  const reached = deliveries.find((d) => d.ok);
  const problems = deliveries.flatMap((d) => (d.problem ? [d.problem] : []));
  return {
    outcome: {
      status: reached ? "sent" : "failed",
      channel: (reached ?? toOwner).channel,
      ts: reached?.ts ?? null,
      error: problems.length ? problems.join("; ") : null,
    },
    deliveries,
  };
}
