// Bulk writes of `csm seed --demo`: a whole book at once, inside the caller's transaction.
import { Prisma, type Role, type User } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export function countAccounts(db: Db): Promise<number> {
  return db.account.count();
}

export interface TeamMemberFields {
  slackUserId: string;
  name: string;
  email: string;
  timeZone: string;
  role: Role;
  managerId: string | null;
  digestChannelId: string | null;
}

/** Creates the team member, or resets a known one (same Slack id) to these fields. */
export function upsertTeamMember(db: Db, fields: TeamMemberFields): Promise<User> {
  const { slackUserId, ...rest } = fields;
  return db.user.upsert({ where: { slackUserId }, create: fields, update: rest });
}

export interface BookRows {
  accounts: Prisma.AccountCreateManyInput[];
  arrMovements: Prisma.ArrMovementCreateManyInput[];
  stakeholders: Prisma.StakeholderCreateManyInput[];
  touches: Prisma.TouchCreateManyInput[];
  /** Who took part in each touch (the implicit many-to-many between Touch and Stakeholder). */
  touchParticipants: { touchId: string; stakeholderId: string }[];
  successPlans: Prisma.SuccessPlanCreateManyInput[];
  successGoals: Prisma.SuccessGoalCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  signals: Prisma.HealthSignalCreateManyInput[];
  scores: Prisma.HealthScoreCreateManyInput[];
  plays: Prisma.PlayCreateManyInput[];
  audit: Prisma.AuditLogCreateManyInput[];
}

// Well under PostgreSQL's 65,535 bind parameters per statement for every table here.
const rowsPerStatement = 1_000;

/** Inserts parents before children; ids are set by the caller so rows can reference each other. */
export async function insertBook(db: Db, rows: BookRows): Promise<void> {
  for (const data of chunks(rows.accounts)) await db.account.createMany({ data });
  for (const data of chunks(rows.arrMovements)) await db.arrMovement.createMany({ data });
  for (const data of chunks(rows.stakeholders)) await db.stakeholder.createMany({ data });
  for (const data of chunks(rows.touches)) await db.touch.createMany({ data });
  for (const links of chunks(rows.touchParticipants)) {
    // Prisma's createMany cannot fill an implicit relation table; column A is Stakeholder, B is Touch.
    const values = links.map((link) => Prisma.sql`(${link.stakeholderId}, ${link.touchId})`);
    await db.$executeRaw`INSERT INTO "_StakeholderToTouch" ("A", "B") VALUES ${Prisma.join(values)}`;
  }
  for (const data of chunks(rows.successPlans)) await db.successPlan.createMany({ data });
  for (const data of chunks(rows.successGoals)) await db.successGoal.createMany({ data });
  for (const data of chunks(rows.reviews)) await db.review.createMany({ data });
  for (const data of chunks(rows.signals)) await db.healthSignal.createMany({ data });
  for (const data of chunks(rows.scores)) await db.healthScore.createMany({ data });
  for (const data of chunks(rows.plays)) await db.play.createMany({ data });
  for (const data of chunks(rows.audit)) await db.auditLog.createMany({ data });
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += rowsPerStatement) yield items.slice(i, i + rowsPerStatement);
}
