// Stakeholder maps: the people at a customer, as an account's map shows them and its modal edits them.
import type { Sentiment, StakeholderRole } from "../../generated/prisma/client.ts";
import { ownedAccountSelect } from "./account-owner.ts";
import type { Db } from "./types.ts";

export function accountMap(db: Db, accountId: string, touchesSince: Date) {
  return db.account.findUnique({
    where: { id: accountId },
    select: {
      ...ownedAccountSelect,
      contractStart: true,
      stakeholders: {
        select: {
          id: true,
          name: true,
          title: true,
          email: true,
          role: true,
          otherRoles: true,
          sentiment: true,
          lastContactOn: true,
          slackUserId: true,
          notes: true,
          leftOn: true,
        },
        orderBy: [{ role: "asc" }, { name: "asc" }],
      },
      touches: {
        where: { occurredAt: { gte: touchesSince } },
        select: { stakeholders: { select: { id: true } } },
      },
    },
  });
}

export type AccountMap = NonNullable<Awaited<ReturnType<typeof accountMap>>>;
export type MapStakeholder = AccountMap["stakeholders"][number];

export interface StakeholderFields {
  name: string;
  title: string | null;
  email: string | null;
  role: StakeholderRole;
  otherRoles: StakeholderRole[];
  sentiment: Sentiment;
  slackUserId: string | null;
  notes: string | null;
  leftOn: Date | null;
}

export function findStakeholder(db: Db, id: string) {
  return db.stakeholder.findUnique({ where: { id } });
}

export function findStakeholderAddedBy(db: Db, viewId: string) {
  return db.stakeholder.findUnique({ where: { createdByViewId: viewId }, select: { id: true } });
}

export function createStakeholder(
  db: Db,
  accountId: string,
  fields: StakeholderFields,
  viewId: string | null,
) {
  return db.stakeholder.create({ data: { accountId, ...fields, createdByViewId: viewId } });
}

/** Removes a person entered by mistake; the touches they took part in stay, without them. */
export function deleteStakeholder(db: Db, id: string) {
  return db.stakeholder.delete({ where: { id } });
}

export function updateStakeholder(db: Db, id: string, fields: StakeholderFields) {
  return db.stakeholder.update({ where: { id }, data: fields });
}
