// Plays: what scoring opens and self-closes, and the guarded state changes buttons make.
// Every change is a conditional UPDATE, so two clicks at the same moment leave one consistent result.
import type { PlayOutcome, PlayStatus, Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, bulkInsertReturningIds } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

const notClosed = { not: "closed" } as const;
const withPeople = {
  owner: true,
  claimedBy: true,
  closedBy: true,
  account: { include: { owner: true } },
} as const;

export type PlayWithPeople = Prisma.PlayGetPayload<{ include: typeof withPeople }>;

export interface OpenPlay {
  id: string;
  accountId: string;
  kind: string;
  status: Exclude<PlayStatus, "closed">;
  claimedById: string | null;
}

/** The plays not closed of these accounts; the ids travel as one array parameter (a re-score asks for thousands). */
export function openPlaysOf(db: Db, accountIds: string[]): Promise<OpenPlay[]> {
  return db.$queryRaw<OpenPlay[]>`
    SELECT id, "accountId", kind, status::text AS status, "claimedById" FROM "Play"
    WHERE "accountId" = ANY(${accountIds}::text[]) AND status <> 'closed'`;
}

const newPlayColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "accountId", type: "text" },
  { name: "kind", type: "text" },
  { name: "openKey", type: "text" },
  { name: "reason", type: "text" },
  { name: "trigger", type: "jsonb" },
  { name: "ownerId", type: "text" },
  { name: "dueAt", type: "timestamptz" },
  { name: "updatedAt", type: "timestamptz" },
];

export interface NewPlay {
  id: string;
  accountId: string;
  kind: string;
  openKey: string;
  reason: string;
  trigger: unknown;
  ownerId: string | null;
  dueAt: Date;
}

/** Returns the ids of the plays opened: openKey is unique, so a play another re-score just opened is skipped. */
export function createPlays(db: Db, plays: NewPlay[], now: Date): Promise<string[]> {
  const rows = plays.map((play) => ({ ...play, updatedAt: now }));
  return bulkInsertReturningIds(db, "Play", newPlayColumns, rows, `ON CONFLICT ("openKey") DO NOTHING`);
}

/**
 * Self-close: only plays nobody has claimed, and only if that is still true at write time.
 * Returns the ids of the plays closed.
 */
export async function closeClearedPlays(db: Db, ids: string[], now: Date): Promise<string[]> {
  const closed = await db.play.updateManyAndReturn({
    where: { id: { in: ids }, status: { in: ["open", "snoozed"] }, claimedById: null },
    data: { status: "closed", outcome: "signal_cleared", closedAt: now, openKey: null },
    select: { id: true },
  });
  return closed.map((play) => play.id);
}

/**
 * Snoozes that ran out: back to claimed (if someone has it) or open. The due time stays: the snooze set
 * it to some time after the wake (services/plays.ts snoozePlay).
 */
export async function wakeSnoozedPlays(db: Db, now: Date) {
  await db.play.updateMany({
    where: { status: "snoozed", snoozedUntil: { lte: now }, claimedById: { not: null } },
    data: { status: "claimed", snoozedUntil: null },
  });
  await db.play.updateMany({
    where: { status: "snoozed", snoozedUntil: { lte: now }, claimedById: null },
    data: { status: "open", snoozedUntil: null },
  });
}

export function findPlay(db: Db, id: string): Promise<PlayWithPeople | null> {
  return db.play.findUnique({ where: { id }, include: withPeople });
}

/** Claiming wakes a snoozed play and gives it its working deadline, `dueAt`. */
export async function claimIfUnclaimed(db: Db, id: string, userId: string, dueAt: Date): Promise<boolean> {
  const { count } = await db.play.updateMany({
    where: { id, claimedById: null, status: { in: ["open", "snoozed"] } },
    data: { claimedById: userId, status: "claimed", snoozedUntil: null, dueAt },
  });
  return count === 1;
}

/** The play sleeps until `until` and is due at `dueAt`, some time after it wakes. */
export async function snoozeIfNotClosed(db: Db, id: string, until: Date, dueAt: Date): Promise<boolean> {
  const { count } = await db.play.updateMany({
    where: { id, status: notClosed },
    data: { status: "snoozed", snoozedUntil: until, dueAt },
  });
  return count === 1;
}

/**
 * Hands the play to another owner: any claim is dropped, a snoozed play stays snoozed and anything else is
 * open again. Two guarded updates, because the status to write depends on the status at write time.
 * Returns the status written, or null when the play is closed (or gone).
 */
export async function reassignIfNotClosed(
  db: Db,
  id: string,
  ownerId: string,
): Promise<"open" | "snoozed" | null> {
  const handOver = { ownerId, claimedById: null };
  const snoozed = await db.play.updateMany({ where: { id, status: "snoozed" }, data: handOver });
  if (snoozed.count === 1) return "snoozed";
  const { count } = await db.play.updateMany({
    where: { id, status: { in: ["open", "claimed"] } },
    data: { ...handOver, status: "open" },
  });
  return count === 1 ? "open" : null;
}

export async function closeIfNotClosed(
  db: Db,
  id: string,
  change: { outcome: PlayOutcome; note: string | null; closedById: string; now: Date },
): Promise<boolean> {
  const { count } = await db.play.updateMany({
    where: { id, status: notClosed },
    data: {
      status: "closed",
      outcome: change.outcome,
      outcomeNote: change.note,
      closedById: change.closedById,
      closedAt: change.now,
      openKey: null,
    },
  });
  return count === 1;
}

const withPeopleAndBand = {
  ...withPeople,
  account: {
    include: {
      owner: true,
      // The latest score's band: what the account looks like to the CSM working its plays.
      scores: { select: { band: true }, orderBy: { date: "desc" }, take: 1 },
    },
  },
} as const satisfies Prisma.PlayInclude;

export type PlayWithAccountBand = Prisma.PlayGetPayload<{ include: typeof withPeopleAndBand }>;

// Far more than a CSM works at once (a book of 400 accounts, all red, opens about 2,800): a guard against
// a runaway book, not a page size; /plays pages by account.
const openPlaysForUserCap = 3000;

/** A CSM's open plays: those they own or have claimed, with their account's latest health band. */
export function openPlaysForUser(db: Db, userId: string): Promise<PlayWithAccountBand[]> {
  return db.play.findMany({
    where: { status: notClosed, OR: [{ ownerId: userId }, { claimedById: userId }] },
    include: withPeopleAndBand,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: openPlaysForUserCap,
  });
}

/** A play not closed as the morning digests read it: its people and account joined, one flat row. */
export interface OpenPlayRow {
  id: string;
  kind: string;
  reason: string;
  status: Exclude<PlayStatus, "closed">;
  dueAt: Date;
  snoozedUntil: Date | null;
  createdAt: Date;
  ownerId: string | null;
  claimedById: string | null;
  ownerSlackId: string | null;
  claimedBySlackId: string | null;
  accountId: string;
  accountName: string;
  /** The account's ARR, exact decimal string. */
  arr: string;
  accountOwnerSlackId: string | null;
  /** The band of the account's latest health score; null when it has none. */
  band: string | null;
}

/**
 * The open plays of several people at once (owned or claimed), for the morning digests: 300 CSMs hold
 * tens of thousands. The database joins them with their people, account and latest band, and the ids
 * travel as one array parameter: Prisma's nested includes over that many rows took seconds.
 */
export function openPlaysForUsers(db: Db, userIds: string[]): Promise<OpenPlayRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<OpenPlayRow[]>`
    SELECT p.id, p.kind, p.reason, p.status::text AS status, p."dueAt", p."snoozedUntil", p."createdAt",
      p."ownerId", p."claimedById", o."slackUserId" AS "ownerSlackId", c."slackUserId" AS "claimedBySlackId",
      a.id AS "accountId", a.name AS "accountName", a.arr::text AS arr,
      ao."slackUserId" AS "accountOwnerSlackId", latest.band
    FROM "Play" p
    JOIN "Account" a ON a.id = p."accountId"
    LEFT JOIN "User" o ON o.id = p."ownerId"
    LEFT JOIN "User" c ON c.id = p."claimedById"
    LEFT JOIN "User" ao ON ao.id = a."ownerId"
    LEFT JOIN LATERAL (
      SELECT s.band::text AS band FROM "HealthScore" s WHERE s."accountId" = a.id ORDER BY s.date DESC LIMIT 1
    ) latest ON true
    WHERE p.status <> 'closed' AND (p."ownerId" = ANY(${userIds}::text[]) OR p."claimedById" = ANY(${userIds}::text[]))
    ORDER BY p."dueAt", p.id`;
}
