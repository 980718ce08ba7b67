// The CS team: account owners from imports (role csm), people an admin adds or gives a role from the CLI,
// and, with ACCESS=workspace, full members on their first use (role csm). Admins set roles and managers.

import type { DataAccess } from "../db/client.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import type { Db } from "../db/repositories/types.ts";
import {
  findUserByEmail,
  findUserBySlackId,
  listUsers,
  moveUserToSlackId,
  setUserManager,
  setUserRole,
  type UserProfile,
  upsertUser,
} from "../db/repositories/users.ts";
import { type AccessRefusal, standingRefusal } from "../domain/access/admission.ts";
import type { TeamRole as Role, TeamMember } from "../domain/team.ts";
import type { SlackDirectory, SlackProfile } from "./ports.ts";

export const roles = ["viewer", "csm", "manager", "admin"] as const satisfies readonly Role[];

export class TeamError extends Error {}

/** What is wrong with a role named by a person; null when it is one. */
export function roleProblem(role: string): string | null {
  return roles.includes(role as Role) ? null : `role must be one of ${roles.join(", ")}, not "${role}"`;
}

const profileAsked = new Set<string>();

/**
 * Finds the caller, creating them (role csm, name and time zone from users.info) on first use. `known` is
 * their profile when the caller of this function has just asked Slack for it, so Slack is not asked twice.
 * A new Slack id whose email is already on the team is the same person (re-invited to the workspace, or
 * named by email in a CRM export before their Slack id changed): their row takes the new id.
 */
export async function ensureUser(
  db: DataAccess,
  directory: SlackDirectory | null,
  slackUserId: string,
  known?: SlackProfile | null,
  /** The person's row, when the caller has just read it (null: none); read here when not given. */
  found?: TeamMember | null,
): Promise<TeamMember> {
  // Slack is asked once per person and process: when they first appear, or (for someone created
  // without a profile, e.g. by an import run without a token) on their first request.
  const existing = found !== undefined ? found : await findUserBySlackId(db.client, slackUserId);
  if (existing && (existing.name || profileAsked.has(slackUserId))) return existing;
  profileAsked.add(slackUserId);
  const profile =
    known !== undefined ? known : directory ? await directory.userInfo(slackUserId).catch(() => null) : null;
  const fields: UserProfile = {
    slackUserId,
    email: profile?.email ?? null,
    name: profile?.name ?? null,
    timeZone: profile?.timeZone ?? null,
  };
  const sameEmail = fields.email ? await findUserByEmail(db.client, fields.email) : null;
  if (sameEmail && sameEmail.slackUserId !== slackUserId) {
    if (!existing) return moveToSlackId(db, sameEmail, fields);
    // Both Slack ids have a row already, each perhaps with its accounts and plays: the email stays
    // where it is rather than being claimed twice.
    return upsertUser(db.client, { ...fields, email: null });
  }
  return upsertUser(db.client, fields);
}

/** Slack's directory, through users.info, is what says the two ids are one person. */
const slackDirectoryActor: Actor = { userId: null, label: "system", source: "slack" };

async function moveToSlackId(db: DataAccess, user: TeamMember, profile: UserProfile): Promise<TeamMember> {
  const moved = await db.transaction(async (tx) => {
    const updated = await moveUserToSlackId(tx, user, profile);
    if (updated)
      await recordAudit(tx, slackDirectoryActor, [
        {
          action: "user.slack_id",
          entityType: "User",
          entityId: user.id,
          changes: { slackUserId: [user.slackUserId, profile.slackUserId] },
        },
      ]);
    return updated;
  });
  // Null when a request of the same person's moved the row first.
  return (
    moved ??
    (await findUserBySlackId(db.client, profile.slackUserId)) ??
    upsertUser(db.client, { ...profile, email: null })
  );
}

const slackUserIdPattern = /^[UW][A-Z0-9]{2,}$/;

/** Whether `ref` has the shape of a Slack user id or an email, the two ways to name a team member. */
export function isTeamMemberRef(ref: string): boolean {
  const trimmed = ref.trim();
  return slackUserIdPattern.test(trimmed) || trimmed.includes("@");
}

/** A Slack user id (U012AB3CD) or an email of someone on the team. */
export async function findTeamMember(
  db: DataAccess,
  directory: SlackDirectory | null,
  who: string,
): Promise<TeamMember> {
  const ref = who.trim();
  if (slackUserIdPattern.test(ref)) return ensureUser(db, directory, ref);
  if (ref.includes("@")) {
    const known = await findUserByEmail(db.client, ref);
    if (known) return known;
    if (!directory)
      throw new TeamError(
        `${ref} is not on the team yet, and without SLACK_BOT_TOKEN it cannot be looked up in Slack`,
      );
    const profile = await directory.lookupByEmail(ref);
    if (!profile) throw new TeamError(`no Slack user has the email ${ref}`);
    return upsertUser(db.client, profile);
  }
  throw new TeamError(`"${ref}" is neither a Slack user id (like U012AB3CD) nor an email`);
}

export async function changeRole(
  db: DataAccess,
  directory: SlackDirectory | null,
  actor: Actor,
  who: string,
  role: string,
): Promise<TeamMember> {
  const wrongRole = roleProblem(role);
  if (wrongRole) throw new TeamError(wrongRole);
  const user = await findTeamMember(db, directory, who);
  if (user.role === role) return user;
  return db.transaction(async (tx) => {
    const updated = await setUserRole(tx, user.id, role as Role);
    await recordAudit(tx, actor, [
      { action: "user.role", entityType: "User", entityId: user.id, changes: { role: [user.role, role] } },
    ]);
    return updated;
  });
}

export async function changeManager(
  db: DataAccess,
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
    await db.transaction(async (tx) => {
      await setUserManager(tx, report.id, boss.id);
      await recordAudit(tx, actor, [
        {
          action: "user.manager",
          entityType: "User",
          entityId: report.id,
          changes: { managerId: [report.managerId, boss.id] },
        },
      ]);
    });
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

/**
 * Puts a person on the team (`csm users add`) with a role, viewer unless said otherwise. With a bot token
 * Slack is asked who they are first: a guest, a bot, a deactivated or an unknown person, or someone from
 * another organisation (a Slack Connect user) is refused, as the bot would refuse them, and nothing is
 * written. Someone already on the team keeps their row and gets the role.
 */
export async function addTeamMember(
  db: DataAccess,
  directory: SlackDirectory | null,
  actor: Actor,
  who: string,
  role = "viewer",
): Promise<TeamMember> {
  const wrongRole = roleProblem(role);
  if (wrongRole) throw new TeamError(wrongRole);
  const ref = who.trim();
  const before = ref.includes("@")
    ? await findUserByEmail(db.client, ref)
    : await findUserBySlackId(db.client, ref);
  const profile = directory ? await joiningProfile(directory, ref, before) : null;
  const user = profile
    ? await ensureUser(db, directory, profile.slackUserId, profile)
    : await findTeamMember(db, directory, ref);
  return db.transaction(async (tx) => {
    const updated = user.role === role ? user : await setUserRole(tx, user.id, role as Role);
    await recordAudit(tx, actor, [
      {
        action: "user.add",
        entityType: "User",
        entityId: user.id,
        changes: { role: [before?.role ?? null, role] },
      },
    ]);
    return updated;
  });
}

/** Slack's profile of the person named, once Slack says they may join; a TeamError says why not. */
async function joiningProfile(
  directory: SlackDirectory,
  ref: string,
  known: TeamMember | null,
): Promise<SlackProfile> {
  const byId = slackUserIdPattern.test(ref);
  const profile =
    byId || known ? await directory.userInfo(known?.slackUserId ?? ref) : await directory.lookupByEmail(ref);
  if (!profile)
    throw new TeamError(byId ? `Slack knows no user ${ref}` : `no Slack user has the email ${ref}`);
  const home = await directory.home().catch((error: unknown) => {
    throw new TeamError(
      `Slack did not say which workspace the bot token belongs to (auth.test: ${slackErrorCode(error)}), so ${ref} cannot be checked; nobody was added`,
    );
  });
  const refusal = standingRefusal(profile.standing ?? null, home);
  if (!refusal) return profile;
  throw new TeamError(joinRefusalText(refusal, ref, profile.standing?.teamId ?? null));
}

function joinRefusalText(refusal: AccessRefusal, ref: string, teamId: string | null): string {
  switch (refusal) {
    case "deactivated":
      return `${ref} is deactivated in Slack`;
    case "bot":
      return `${ref} is a bot, not a person`;
    case "guest":
      return `${ref} is a guest of the workspace; guests never get access to the bot`;
    case "external":
      return `${ref} belongs to another organisation's Slack workspace (${teamId ?? "not said"}), as people in Slack Connect channels do; people from outside never get access to the bot`;
    default:
      return `Slack does not say whether ${ref} may join; nobody was added`;
  }
}

/** Slack's error code (invalid_auth...), or what went wrong on the way. */
function slackErrorCode(error: unknown): string {
  const coded = error as { data?: { error?: string } };
  return coded?.data?.error ?? (error instanceof Error ? error.message : String(error));
}
