// Who may write on an account's record (touches, the renewal's commit status, and what comes next): the
// account's CSM, their manager, and admins. Anyone else on the team reads it; a viewer writes nowhere.
import { mayChangeAnything } from "./access/roles.ts";
import type { TeamRole } from "./team.ts";

export interface AccountPeople {
  ownerId: string | null;
  /** The manager of the account's CSM. */
  ownerManagerId: string | null;
}

export function mayWriteOnAccount(account: AccountPeople, caller: { id: string; role: TeamRole }): boolean {
  if (!mayChangeAnything(caller.role)) return false;
  if (caller.role === "admin") return true;
  return (
    caller.id === account.ownerId || (account.ownerManagerId !== null && caller.id === account.ownerManagerId)
  );
}

/** An account with its owner, as the write checks read it. */
export interface OwnedAccount {
  ownerId: string | null;
  owner: { managerId: string | null; name: string | null; slackUserId: string } | null;
}

/** Why `caller` may not do `what` on the account ("change this account's map"), or null when they may. */
export function writeRefusal(
  account: OwnedAccount,
  caller: { id: string; role: TeamRole },
  what: string,
): string | null {
  if (
    mayWriteOnAccount({ ownerId: account.ownerId, ownerManagerId: account.owner?.managerId ?? null }, caller)
  )
    return null;
  const owner = account.owner
    ? (account.owner.name ?? `<@${account.owner.slackUserId}>`)
    : "the account's CSM";
  return `Only ${owner}, their manager or an admin can ${what}.`;
}
