// The CS team: users appear when they first use the bot or own an account (role csm),
// and admins set roles and managers from the CLI.

import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import type { Db } from "../db/repositories/types.ts";
import {
  findUserByEmail,
  findUserBySlackId,
  listUsers,
  setUserManager,
  setUserRole,
  upsertUser,
} from "../db/repositories/users.ts";
import type { TeamRole as Role, TeamMember } from "../domain/team.ts";
import type { SlackDirectory, SlackProfile } from "./ports.ts";

export const roles = ["csm", "manager", "admin"] as const satisfies readonly Role[];

export class TeamError extends Error {}

const profileAsked = new Set<string>();

/**
 * Finds the caller, creating them (role csm, name and time zone from users.info) on first use. `known` is
 * their profile when the caller of this function has just asked Slack for it, so Slack is not asked twice.
 */
export async function ensureUser(
  db: Db,
  directory: SlackDirectory | null,
  slackUserId: string,
  known?: SlackProfile | null,
): Promise<TeamMember> {
  // Slack is asked once per person and process: when they first appear, or (for someone created
  // without a profile, e.g. by an import run without a token) on their first request.
  const existing = await findUserBySlackId(db, slackUserId);
  if (existing && (existing.name || profileAsked.has(slackUserId))) return existing;
  profileAsked.add(slackUserId);
  const profile =
    known !== undefined ? known : directory ? await directory.userInfo(slackUserId).catch(() => null) : null;
  return upsertUser(db, {
    slackUserId,
    email: profile?.email ?? null,
    name: profile?.name ?? null,
    timeZone: profile?.timeZone ?? null,
  });
}

/** Callers this process has already put on each database's team. People are never removed from it. */
const registered = new WeakMap<Db, Set<string>>();

/** ensureUser for requests that do not need the caller's row: one database read per person and process. */
export async function ensureRegistered(
  db: Db,
  directory: SlackDirectory | null,
  slackUserId: string,
): Promise<void> {
  let known = registered.get(db);
  if (known?.has(slackUserId)) return;
  await ensureUser(db, directory, slackUserId);
  if (!known) {
    known = new Set();
    registered.set(db, known);
  }
  known.add(slackUserId);
}

/** A Slack user id (U012AB3CD) or an email of someone on the team. */
export async function findTeamMember(
  db: Db,
  directory: SlackDirectory | null,
  who: string,
): Promise<TeamMember> {
  const ref = who.trim();
  if (/^[UW][A-Z0-9]{2,}$/.test(ref)) return ensureUser(db, directory, ref);
  if (ref.includes("@")) {
    const known = await findUserByEmail(db, ref);
    if (known) return known;
    if (!directory)
      throw new TeamError(
        `${ref} is not on the team yet, and without SLACK_BOT_TOKEN it cannot be looked up in Slack`,
      );
    const profile = await directory.lookupByEmail(ref);
    if (!profile) throw new TeamError(`no Slack user has the email ${ref}`);
    return upsertUser(db, profile);
  }
  throw new TeamError(`"${ref}" is neither a Slack user id (like U012AB3CD) nor an email`);
}

export async function changeRole(
  db: Db,
  directory: SlackDirectory | null,
  actor: Actor,
  who: string,
  role: string,
): Promise<TeamMember> {
  if (!roles.includes(role as Role))
    throw new TeamError(`role must be one of ${roles.join(", ")}, not "${role}"`);
  const user = await findTeamMember(db, directory, who);
  if (user.role === role) return user;
  const updated = await setUserRole(db, user.id, role as Role);
  await recordAudit(db, actor, [
    { action: "user.role", entityType: "User", entityId: user.id, changes: { role: [user.role, role] } },
  ]);
  return updated;
}

export async function changeManager(
  db: Db,
  directory: SlackDirectory | null,
  actor: Actor,
  csm: string,
  manager: string,
): Promise<{ csm: TeamMember; manager: TeamMember }> {
  const report = await findTeamMember(db, directory, csm);
  const boss = await findTeamMember(db, directory, manager);
  if (report.id === boss.id) throw new TeamError("a user cannot be their own manager");
  if (boss.role === "csm")
    throw new TeamError(`${describeUser(boss)} has role csm; make them a manager first (users set-role)`);
  if (report.managerId !== boss.id) {
    await setUserManager(db, report.id, boss.id);
    await recordAudit(db, actor, [
      {
        action: "user.manager",
        entityType: "User",
        entityId: report.id,
        changes: { managerId: [report.managerId, boss.id] },
      },
    ]);
  }
  return { csm: report, manager: boss };
}

export function teamList(db: Db) {
  return listUsers(db);
}

export function describeUser(user: Pick<TeamMember, "slackUserId" | "name" | "email">): string {
  return user.name
    ? `${user.name} (${user.slackUserId})`
    : user.email
      ? `${user.email} (${user.slackUserId})`
      : user.slackUserId;
}
