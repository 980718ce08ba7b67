// Queries on the CS team: CSMs, managers, admins.
import type { Role, User } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export interface UserProfile {
  slackUserId: string;
  email?: string | null;
  name?: string | null;
  timeZone?: string | null;
}

export function findUserBySlackId(db: Db, slackUserId: string): Promise<User | null> {
  return db.user.findUnique({ where: { slackUserId } });
}

export function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
}

export function findUsersBySlackIds(db: Db, slackUserIds: string[]): Promise<User[]> {
  return db.user.findMany({ where: { slackUserId: { in: slackUserIds } } });
}

export function findUsersByEmails(db: Db, emails: string[]): Promise<User[]> {
  return db.user.findMany({ where: { email: { in: emails, mode: "insensitive" } } });
}

/** Creates the user with role csm on first sight; fills profile fields that are still unknown. */
export async function upsertUser(db: Db, profile: UserProfile): Promise<User> {
  const known = knownFields(profile);
  return db.user.upsert({
    where: { slackUserId: profile.slackUserId },
    create: { slackUserId: profile.slackUserId, ...known },
    update: known,
  });
}

/**
 * Moves a person's row to a new Slack id (re-invited to the workspace, or first named by email), filling
 * profile fields that are known; null when the row no longer has the Slack id it was read with.
 */
export async function moveUserToSlackId(
  db: Db,
  user: Pick<User, "id" | "slackUserId">,
  profile: UserProfile,
): Promise<User | null> {
  const moved = await db.user.updateMany({
    where: { id: user.id, slackUserId: user.slackUserId },
    data: { slackUserId: profile.slackUserId, ...knownFields(profile) },
  });
  return moved.count ? db.user.findUnique({ where: { id: user.id } }) : null;
}

function knownFields(profile: UserProfile): Partial<Pick<User, "email" | "name" | "timeZone">> {
  return Object.fromEntries(
    Object.entries({ email: profile.email, name: profile.name, timeZone: profile.timeZone }).filter(
      ([, value]) => value !== undefined && value !== null,
    ),
  );
}

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ role: "desc" }, { name: "asc" }, { slackUserId: "asc" }],
    include: { manager: true, _count: { select: { accounts: true } } },
  });
}

export function setUserRole(db: Db, id: string, role: Role): Promise<User> {
  return db.user.update({ where: { id }, data: { role } });
}

export function setUserManager(db: Db, id: string, managerId: string | null): Promise<User> {
  return db.user.update({ where: { id }, data: { managerId } });
}

export function setDigestChannel(db: Db, id: string, digestChannelId: string | null): Promise<User> {
  return db.user.update({ where: { id }, data: { digestChannelId } });
}

/** The Slack ids of the people with a role: the admins a feed notice goes to, say. */
export async function slackIdsWithRole(db: Db, role: Role): Promise<string[]> {
  const users = await db.user.findMany({
    where: { role },
    select: { slackUserId: true },
    orderBy: { slackUserId: "asc" },
  });
  return users.map((user) => user.slackUserId);
}

/** The ids of the people who report to this manager. */
export async function reportIds(db: Db, managerId: string): Promise<string[]> {
  return (await db.user.findMany({ where: { managerId }, select: { id: true } })).map((user) => user.id);
}

/** How many people are on the team besides those with these Slack ids. */
export function countUsersOtherThan(db: Db, slackUserIds: readonly string[]): Promise<number> {
  return db.user.count({ where: { slackUserId: { notIn: [...slackUserIds] } } });
}

export interface BookHolder {
  id: string;
  slackUserId: string;
  name: string | null;
}

/** The people who report to this manager, by Slack id. */
export function reportsOf(db: Db, managerId: string): Promise<BookHolder[]> {
  return db.user.findMany({
    where: { managerId },
    select: { id: true, slackUserId: true, name: true },
    orderBy: { slackUserId: "asc" },
  });
}

/** Everyone who owns at least one account that is still a customer, by Slack id. */
export function accountHolders(db: Db): Promise<BookHolder[]> {
  return db.user.findMany({
    where: { accounts: { some: { churnedAt: null } } },
    select: { id: true, slackUserId: true, name: true },
    orderBy: { slackUserId: "asc" },
  });
}
