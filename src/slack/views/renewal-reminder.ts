// A renewal step's reminder (the renewal calendar of docs/plays.md): the account, the step, who owns it
// and by when, the commit status, what to do, and the next action as buttons: record the commit status,
// record the renewal's outcome (from T-90 on), log a touch, or open the account. The message may sit in
// a shared channel: the buttons answer the clicker privately.
import { renewalWindowDays } from "../../domain/lifecycle.ts";
import { formatArr } from "../../domain/money.ts";
import { playKindHint, playKindLabel } from "../../domain/plays/kinds.ts";
import { type CommitStatus, commitStatuses } from "../../domain/renewals/commit.ts";
import type { ReminderAudience, RenewalReminder } from "../../domain/renewals/reminders.ts";
import {
  type ActionsBlock,
  type Block,
  button,
  context,
  header,
  type MessagePayload,
  section,
} from "./blocks.ts";
import { renewalOutcomeButton } from "./renewal-outcome-modal.ts";
import { openTouchActionId } from "./touch-modal.ts";
import { commitLabel, formatDay, inertText, relativeDays, userMention } from "./wording.ts";

/** Action ids of the reminder's buttons; each carries the account's id as its value. */
export const renewalActions = {
  commitPrefix: "renewal_commit_",
  openAccount: "renewal_account_open",
} as const;

const commitButtons: Record<CommitStatus, { text: string; style?: "primary" | "danger" }> = {
  committed: { text: "Committed", style: "primary" },
  at_risk: { text: "At risk", style: "danger" },
  unknown: { text: "Unknown" },
};

const emoji: Record<RenewalReminder["step"], string> = {
  expansion_conversation: ":seedling:",
  renewal_lock: ":lock:",
  commit_check: ":memo:",
  escalation: ":rotating_light:",
  record_outcome: ":checkered_flag:",
};

export function renewalReminderMessage(
  reminder: RenewalReminder,
  audience: ReminderAudience,
): MessagePayload {
  const name = inertText(reminder.account.name, 120);
  const label = playKindLabel(reminder.playKind);
  const owner = userMention(reminder.ownerSlackId);
  const renewal = `${formatDay(reminder.renewalDate)} (${relativeDays(reminder.daysToRenewal)})`;
  const forWhom =
    audience.kind === "manager" && reminder.managerSlackId
      ? `For ${userMention(reminder.managerSlackId)}, manager of ${owner}`
      : `For ${owner}`;
  const blocks: Block[] = [
    // A header is plain text: the name cannot ping or link there.
    header(`${label}: ${reminder.account.name}`.slice(0, 150)),
    ...(audience.kind === "manager" && audience.note ? [context(`:warning: ${audience.note}`)] : []),
    section(`${emoji[reminder.step]} *${name}*: ${inertText(reminder.reason, 400)}.`),
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Renewal*\n${renewal}` },
        { type: "mrkdwn", text: `*ARR*\n${formatArr(reminder.account.arr)}` },
        { type: "mrkdwn", text: `*Commit*\n${commitLabel(reminder.commit)}` },
        { type: "mrkdwn", text: `*Play owner*\n${owner}, due ${formatDay(reminder.doneBy)}` },
      ],
    },
    context(`${forWhom}. ${playKindHint(reminder.playKind) ?? ""}`.trim()),
    actions(reminder.account.id, reminder.daysToRenewal <= renewalWindowDays),
  ];
  const text =
    audience.kind === "manager"
      ? `${label}: ${name} (owner ${owner}), renewal ${renewal}`
      : `${label}: ${name}, renewal ${renewal}`;
  return { text, blocks };
}

function actions(accountId: string, outcomeDue: boolean): ActionsBlock {
  return {
    type: "actions",
    block_id: "renewal_actions",
    elements: [
      ...commitStatuses.map((status) => {
        const { text, style } = commitButtons[status];
        return button(text, `${renewalActions.commitPrefix}${status}`, accountId, style);
      }),
      ...(outcomeDue ? [renewalOutcomeButton(accountId)] : []),
      // The card's own "Log touch": the touch modal with this account filled in.
      button("Log a touch", openTouchActionId, accountId),
      button("Open the account", renewalActions.openAccount, accountId),
    ],
  };
}

/** What the clicker is told after recording a commit status. */
export function commitRecordedNotice(accountName: string, status: CommitStatus): MessagePayload {
  const text = `Recorded: the renewal of *${inertText(accountName, 120)}* is ${commitLabel(status)}.`;
  return { text, blocks: [section(text)] };
}
