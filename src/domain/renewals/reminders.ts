// What a renewal step asks of people: the play it starts, why, who hears of it, and whether the renewal
// counts as committed for the term the calendar belongs to. Pure.
import type { RenewalPlayKind } from "../plays/kinds.ts";
import type { RenewalStepDate, RenewalStepName } from "./calendar.ts";
import type { CommitStatus } from "./commit.ts";

export const renewalStepPlayKind: Record<RenewalStepName, RenewalPlayKind> = {
  expansion_conversation: "renewal_expansion",
  renewal_lock: "renewal_lock",
  commit_check: "renewal_commit",
  escalation: "renewal_escalation",
  record_outcome: "renewal_outcome",
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The play's reason: the step and the renewal date it counts to. */
export function renewalStepReason(step: RenewalStepDate, renewalDate: Date): string {
  const renewal = day(renewalDate);
  switch (step.step) {
    case "expansion_conversation":
      return `Month 7 of the term: the expansion conversation is due before the renewal on ${renewal}`;
    case "renewal_lock":
      return `T-90: renewal lock for ${renewal} (commit documented? expansion conversation open?)`;
    case "commit_check":
      return `T-60: the commit for the renewal on ${renewal} should be documented`;
    case "escalation":
      return `T-30: no commit for the renewal on ${renewal}`;
    case "record_outcome":
      return `The renewal date ${renewal} has come: record the outcome`;
  }
}

/** The escalation goes to the manager too, unless the renewal is committed by the time it is sent. */
export function tellsManager(step: RenewalStepName, commit: CommitStatus | null): boolean {
  return step === "escalation" && commit !== "committed";
}

/** One reminder of one step, as the people who get it read it. */
export interface RenewalReminder {
  step: RenewalStepName;
  playKind: RenewalPlayKind;
  account: { id: string; name: string; arr: string | null };
  renewalDate: Date;
  /** The step's play is due then. */
  doneBy: Date;
  /** Whole days from the local today to the renewal date; negative once past. */
  daysToRenewal: number;
  reason: string;
  commit: CommitStatus | null;
  ownerSlackId: string;
  managerSlackId: string | null;
}

/** Who a reminder is written for: the account's owner, or their manager (escalation, or the owner unreachable). */
export type ReminderAudience = { kind: "owner" } | { kind: "manager"; note: string | null };
