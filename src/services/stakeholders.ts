// Stakeholder maps from Slack: read an account's map with its warnings; add or edit a person (checked,
// audited, for the account's CSM, their manager and admins). Marking a key contact as having left
// takes them off the map and opens a play to find their successor.
import type { DataAccess } from "../db/client.ts";
import { type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import {
  type AccountMap,
  accountMap,
  createStakeholder,
  deleteStakeholder,
  findStakeholder,
  findStakeholderAddedBy,
  type StakeholderFields,
  updateStakeholder,
} from "../db/repositories/stakeholders.ts";
import type { Db } from "../db/repositories/types.ts";
import { writeRefusal } from "../domain/account-writers.ts";
import { type MapRisk, mapRisks, needsSuccessor } from "../domain/stakeholders/risks.ts";
import type { TeamMember } from "../domain/team.ts";
import { openRecordPlay } from "./record-plays.ts";

const dayMs = 86_400_000;
/** The touches that show who carries the relationship: the last quarter's. */
const recentDays = 90;
/** The successor is found within two weeks. */
const successorWithinDays = 14;

export interface StakeholderMapView {
  account: AccountMap;
  risks: MapRisk[];
}

export async function stakeholderMap(
  db: Db,
  accountId: string,
  today: Date,
): Promise<StakeholderMapView | null> {
  const account = await accountMap(db, accountId, new Date(today.getTime() - recentDays * dayMs));
  if (!account) return null;
  const risks = mapRisks({
    people: account.stakeholders,
    contractStart: account.contractStart,
    today,
    recentTouches: account.touches.map((t) => ({ stakeholderIds: t.stakeholders.map((s) => s.id) })),
  });
  return { account, risks };
}

export type StakeholderSave =
  | { ok: true; stakeholderId: string; playOpened: boolean }
  | { ok: false; message: string };

const say = {
  gone: "That account no longer exists; an import may have removed it.",
  personGone: "That person is no longer on this account's map.",
};

/** Why the caller may not change the account's map, or null. */
export function mapRefusal(
  account: Pick<AccountMap, "ownerId" | "owner">,
  caller: TeamMember,
): string | null {
  return writeRefusal(account, caller, "change this account's map");
}

/** Which person a submission is about: a new one (added once per modal view) or one already mapped. */
export interface StakeholderTarget {
  accountId: string;
  stakeholderId: string | null;
  viewId: string | null;
}

export async function saveStakeholder(
  db: DataAccess,
  caller: TeamMember,
  target: StakeholderTarget,
  fields: StakeholderFields,
  now: Date,
): Promise<StakeholderSave> {
  const checked = await checkTarget(db, caller, target, now);
  if (!checked.ok) return checked;
  const { account, before } = checked;
  if (!before && target.viewId) {
    const added = await findStakeholderAddedBy(db.client, target.viewId);
    if (added) return { ok: true, stakeholderId: added.id, playOpened: false };
  }
  const leaves = fields.leftOn !== null && !before?.leftOn;
  const opensPlay = leaves && needsSuccessor(fields);
  return db.transaction(async (tx) => {
    const saved = before
      ? await updateStakeholder(tx, before.id, fields)
      : await createStakeholder(tx, account.id, fields, target.viewId);
    const entries: AuditEntry[] = [
      {
        action: before ? "stakeholder.update" : "stakeholder.create",
        entityType: "Stakeholder",
        entityId: saved.id,
        changes: { accountId: account.id, ...changesOf(before, fields) } as never,
      },
    ];
    const played = opensPlay
      ? await openRecordPlay(
          tx,
          {
            accountId: account.id,
            ownerId: account.ownerId,
            kind: "contact_left",
            reason: `${fields.name} (${fields.role.replace(/_/g, " ")}) left the company: find the successor within ${successorWithinDays} days`,
            trigger: { stakeholderId: saved.id, role: fields.role },
            dueAt: new Date(now.getTime() + successorWithinDays * dayMs),
          },
          now,
        )
      : null;
    if (played) entries.push(played);
    const playOpened = played !== null;
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, entries);
    return { ok: true, stakeholderId: saved.id, playOpened };
  });
}

/** Takes a person entered by mistake off the account; someone who left is marked as such instead. */
export async function removeStakeholder(
  db: DataAccess,
  caller: TeamMember,
  target: StakeholderTarget & { stakeholderId: string },
  now: Date,
): Promise<StakeholderSave> {
  const checked = await checkTarget(db, caller, target, now);
  if (!checked.ok) return checked;
  const { account } = checked;
  // checkTarget found the named person on the account.
  const before = checked.before as NonNullable<typeof checked.before>;
  await db.transaction(async (tx) => {
    await deleteStakeholder(tx, before.id);
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: "stakeholder.delete",
        entityType: "Stakeholder",
        entityId: before.id,
        changes: { accountId: account.id, name: before.name, role: before.role },
      },
    ]);
  });
  return { ok: true, stakeholderId: before.id, playOpened: false };
}

type Checked =
  | { ok: true; account: AccountMap; before: Awaited<ReturnType<typeof findStakeholder>> }
  | { ok: false; message: string };

/** The account exists, the caller may write on it, and the person (when named) is still on it. */
async function checkTarget(
  db: DataAccess,
  caller: TeamMember,
  target: StakeholderTarget,
  now: Date,
): Promise<Checked> {
  const account = await accountMap(db.client, target.accountId, now);
  if (!account) return { ok: false, message: say.gone };
  const refusal = mapRefusal(account, caller);
  if (refusal) return { ok: false, message: refusal };
  const before = target.stakeholderId ? await findStakeholder(db.client, target.stakeholderId) : null;
  if (target.stakeholderId && (!before || before.accountId !== account.id))
    return { ok: false, message: say.personGone };
  return { ok: true, account, before };
}

function changesOf(before: StakeholderFields | null, after: StakeholderFields): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after) as [keyof StakeholderFields, unknown][]) {
    const was = before ? before[key] : null;
    if (JSON.stringify(was) !== JSON.stringify(value))
      changes[key] = [
        was instanceof Date ? was.toISOString() : was,
        value instanceof Date ? value.toISOString() : value,
      ];
  }
  return changes;
}
