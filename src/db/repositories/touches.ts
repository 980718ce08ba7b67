// Touches: logged customer interactions, with the stakeholders who took part.
import type { Prisma, StakeholderRole, Touch, TouchKind } from "../../generated/prisma/client.ts";
import { ownedAccountSelect } from "./account-owner.ts";
import type { Db } from "./types.ts";

export function createTouch(db: Db, data: Prisma.TouchUncheckedCreateInput): Promise<Touch> {
  return db.touch.create({ data });
}

/** What the touch modal and its submission need of an account: who may write, who is on the map. */
export function accountForTouch(db: Db, accountId: string) {
  return db.account.findUnique({
    where: { id: accountId },
    select: {
      ...ownedAccountSelect,
      stakeholders: {
        where: { leftOn: null },
        select: { id: true, name: true, role: true, title: true },
        orderBy: { name: "asc" },
      },
    },
  });
}

export type AccountForTouch = NonNullable<Awaited<ReturnType<typeof accountForTouch>>>;

export interface NewTouch {
  accountId: string;
  authorId: string;
  kind: TouchKind;
  occurredAt: Date;
  summary: string;
  nextStep: string | null;
  nextStepOwnerId: string | null;
  nextStepDueOn: Date | null;
  sentiment: "positive" | "neutral" | "negative" | null;
  permalink: string | null;
  viewId: string | null;
  stakeholderIds: string[];
  newStakeholder: { name: string; role: StakeholderRole } | null;
}

/**
 * Saves the touch with its stakeholders (adding the new person to the map), and moves each present
 * stakeholder's last contact to the touch's day when it is later: last contact comes from touches only.
 */
export async function saveTouch(db: Db, touch: NewTouch): Promise<Touch> {
  const { stakeholderIds, newStakeholder, ...fields } = touch;
  const ids = [...stakeholderIds];
  if (newStakeholder) {
    const added = await db.stakeholder.create({ data: { accountId: touch.accountId, ...newStakeholder } });
    ids.push(added.id);
  }
  const saved = await db.touch.create({
    data: { ...fields, stakeholders: { connect: ids.map((id) => ({ id })) } },
  });
  const day = new Date(
    Date.UTC(
      touch.occurredAt.getUTCFullYear(),
      touch.occurredAt.getUTCMonth(),
      touch.occurredAt.getUTCDate(),
    ),
  );
  if (ids.length)
    await db.stakeholder.updateMany({
      where: {
        id: { in: ids },
        accountId: touch.accountId,
        OR: [{ lastContactOn: null }, { lastContactOn: { lt: day } }],
      },
      data: { lastContactOn: day },
    });
  return saved;
}

export function touchByViewId(db: Db, viewId: string) {
  return db.touch.findUnique({ where: { viewId }, select: { id: true, accountId: true } });
}

/** Accounts whose name appears in `text`: the account a message is about, when it names one. */
export async function accountsNamedIn(
  db: Db,
  text: string,
  limit = 2,
): Promise<{ id: string; name: string }[]> {
  const key = text.toLowerCase().slice(0, 4000);
  if (key.trim().length < 3) return [];
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "Account"
    WHERE length("searchName") >= 3 AND position(' ' || "searchName" || ' ' in ${` ${key.slice(0, 4000)} `}) > 0
      AND "churnedAt" IS NULL
    ORDER BY length("searchName") DESC, id
    LIMIT ${limit}`;
}

/** Per author, touches logged more than `lateAfterHours` after they happened, since `since`. */
export async function lateTouchCounts(db: Db, authorIds: string[], since: Date, lateAfterHours: number) {
  if (authorIds.length === 0) return new Map<string, number>();
  const rows = await db.$queryRaw<{ authorId: string; late: number }[]>`
    SELECT "authorId", count(*)::int AS late FROM "Touch"
    WHERE "authorId" = ANY(${authorIds}::text[]) AND "createdAt" >= ${since}
      AND "createdAt" - "occurredAt" > make_interval(hours => ${lateAfterHours}::int)
    GROUP BY "authorId"`;
  return new Map(rows.map((row) => [row.authorId, row.late]));
}
