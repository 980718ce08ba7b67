// Logging a touch from Slack (the /touch modal, the "Log as touch" shortcut, the card's button): who may,
// which account a message is about, and the write itself, once per submitted view, with its audit row.
import type { DataAccess } from "../db/client.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import {
  type AccountForTouch,
  accountForTouch,
  accountsNamedIn,
  type NewTouch,
  saveTouch,
  touchByViewId,
} from "../db/repositories/touches.ts";
import type { Db } from "../db/repositories/types.ts";
import { writeRefusal } from "../domain/account-writers.ts";
import { searchKey } from "../domain/search-text.ts";
import type { TeamMember } from "../domain/team.ts";
import { isLateTouch } from "../domain/touches/rules.ts";

export type TouchInput = Omit<NewTouch, "authorId">;

export type TouchSaved =
  | { ok: true; touchId: string; account: AccountForTouch; late: boolean; again: boolean }
  | { ok: false; field: "account"; message: string };

const say = {
  gone: "That account no longer exists (an import may have removed it). Pick another.",
};

/** The account as the modal shows it; null when it is gone. */
export function touchAccount(db: Db, accountId: string) {
  return accountForTouch(db, accountId);
}

/** Why `caller` may not write on the account, or null when they may. */
export function touchRefusal(account: AccountForTouch, caller: TeamMember): string | null {
  return writeRefusal(account, caller, "log touches on this account");
}

export async function logTouch(
  db: DataAccess,
  caller: TeamMember,
  input: TouchInput,
  now: Date,
): Promise<TouchSaved> {
  if (input.viewId) {
    const saved = await touchByViewId(db.client, input.viewId);
    const account = saved && (await accountForTouch(db.client, saved.accountId));
    if (saved && account) return { ok: true, touchId: saved.id, account, late: false, again: true };
  }
  const account = await accountForTouch(db.client, input.accountId);
  if (!account) return { ok: false, field: "account", message: say.gone };
  const refusal = touchRefusal(account, caller);
  if (refusal) return { ok: false, field: "account", message: refusal };
  const known = new Set(account.stakeholders.map((s) => s.id));
  const stakeholderIds = input.stakeholderIds.filter((id) => known.has(id));
  const late = isLateTouch(input.occurredAt, now);
  const write = db.transaction(async (tx) => {
    const saved = await saveTouch(tx, { ...input, stakeholderIds, authorId: caller.id });
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: "touch.log",
        entityType: "Touch",
        entityId: saved.id,
        changes: {
          accountId: account.id,
          kind: input.kind,
          occurredAt: input.occurredAt.toISOString(),
          late,
        },
      },
    ]);
    return saved;
  });
  try {
    const touch = await write;
    return { ok: true, touchId: touch.id, account, late, again: false };
  } catch (error) {
    // The same view submitted twice at once (a double click, Slack's retry): the first one saved it.
    const saved =
      input.viewId && isUniqueViolation(error) ? await touchByViewId(db.client, input.viewId) : null;
    if (saved) return { ok: true, touchId: saved.id, account, late, again: true };
    throw error;
  }
}

/** A unique index refused the row: the same submission was saved by a request that ran alongside. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** The account a message names, when exactly one does. */
export async function accountNamedIn(db: Db, text: string): Promise<{ id: string; name: string } | null> {
  const named = await accountsNamedIn(db, searchKey(text));
  return named.length === 1 ? (named[0] as { id: string; name: string }) : null;
}
