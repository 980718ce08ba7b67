// Recording a renewal's commit status from a reminder's buttons: the account's owner, their manager or an
// admin may; the change and its audit row are written in one transaction. Refusals are values with a
// message for the person who clicked.
import type { DataAccess } from "../db/client.ts";
import { accountForCommit, setRenewalCommit } from "../db/repositories/accounts.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import { type CommitStatus, isCommitStatus, mayRecordCommit } from "../domain/renewals/commit.ts";
import type { TeamMember } from "../domain/team.ts";
import { personLabel } from "./play-refusals.ts";

export type CommitRecording =
  | { ok: true; accountName: string; commit: CommitStatus }
  | { ok: false; message: string };

const say = {
  gone: "That account no longer exists; it may have been removed by an import.",
  status: "Pick committed, at risk or unknown.",
  notAllowed: (owner: string | null) =>
    owner
      ? `Only ${owner}, their manager or an admin can record this renewal's commit status.`
      : "Only an admin can record the commit status of an account nobody owns.",
};

export async function recordRenewalCommit(
  db: DataAccess,
  accountId: string,
  commit: string,
  caller: TeamMember,
  now: Date,
): Promise<CommitRecording> {
  if (!isCommitStatus(commit)) return { ok: false, message: say.status };
  const account = await accountForCommit(db.client, accountId);
  if (!account) return { ok: false, message: say.gone };
  const people = { ownerId: account.ownerId, ownerManagerId: account.owner?.managerId ?? null };
  if (!mayRecordCommit(people, caller))
    return { ok: false, message: say.notAllowed(account.owner ? personLabel(account.owner) : null) };
  await db.transaction(async (tx) => {
    await setRenewalCommit(tx, account.id, commit, now);
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: "account.renewal_commit",
        entityType: "Account",
        entityId: account.id,
        changes: { renewalCommit: [account.renewalCommit, commit] },
      },
    ]);
  });
  return { ok: true, accountName: account.name, commit };
}
