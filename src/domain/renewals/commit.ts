// A renewal's commit status (committed, at risk, unknown), as the CSM records it from a reminder: which
// term it counts for, and who may record it. Pure.
import { type AccountPeople, mayWriteOnAccount } from "../account-writers.ts";

export type CommitStatus = "committed" | "at_risk" | "unknown";

export const commitStatuses: readonly CommitStatus[] = ["committed", "at_risk", "unknown"];

export function isCommitStatus(value: string): value is CommitStatus {
  return (commitStatuses as readonly string[]).includes(value);
}

export interface TermCommit {
  renewalCommit: CommitStatus | null;
  renewalCommitAt: Date | null;
  /** The current term's start: Account.termStart, else contractStart. */
  termStart: Date | null;
}

/**
 * The commit status recorded for this term's renewal. One recorded before the term started belongs to the
 * renewal that started it: the next renewal starts unrecorded.
 */
export function commitForTerm(account: TermCommit): CommitStatus | null {
  if (!account.renewalCommit) return null;
  if (account.termStart && account.renewalCommitAt && account.renewalCommitAt < account.termStart)
    return null;
  return account.renewalCommit;
}

/** The account's owner, the owner's manager and admins record the commit; the rest of the team reads it. */
export const mayRecordCommit = mayWriteOnAccount;
export type CommitPeople = AccountPeople;
