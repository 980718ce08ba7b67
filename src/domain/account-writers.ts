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
