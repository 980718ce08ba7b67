// Admitting a person to the bot: Slack's word on who they are (guest, other organisation, deactivated),
// then the team. A refused person is not stored; the refusal is, as an audit row.
import type { DataAccess } from "../db/client.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import type { Db } from "../db/repositories/types.ts";
import {
  countUsersOtherThan,
  findUserByEmail,
  findUserBySlackId,
  slackIdsWithRole,
} from "../db/repositories/users.ts";
import { demoTeamSlackIds } from "../demo/data.ts";
import { type AccessRefusal, accessRefusal } from "../domain/access/admission.ts";
import type { TeamMember } from "../domain/team.ts";
import type { AccessPolicy, SlackProfile } from "./ports.ts";
import { ensureUser } from "./team.ts";

export type Admission =
  | { ok: true; member: TeamMember; profile: SlackProfile | null }
  | { ok: false; reason: AccessRefusal; profile: SlackProfile | null };

/**
 * Whether the person may use the bot, with their row on the team when they may. A new Slack id whose
 * email is on the team is the same person (ensureUser moves the row). With ACCESS=workspace a full
 * member joins the team on first use, as a CSM.
 */
export async function admit(db: DataAccess, policy: AccessPolicy, slackUserId: string): Promise<Admission> {
  const [profile, home] = await Promise.all([policy.profile(slackUserId), policy.home()]);
  const bySlackId = await findUserBySlackId(db.client, slackUserId);
  const onTeam = Boolean(
    bySlackId ?? (profile?.email ? await findUserByEmail(db.client, profile.email) : null),
  );
  // A new installation whose team is nobody, or only the demo book's made-up people: the first full
  // member who comes joins it (and can take the demo book over from the App Home); after that, the team.
  const mode =
    !onTeam && policy.mode === "team" && (await teamIsEmpty(db.client)) ? "workspace" : policy.mode;
  const reason = accessRefusal({ standing: profile?.standing ?? null, home, onTeam, mode });
  if (reason) return { ok: false, reason, profile };
  return { ok: true, member: await ensureUser(db, null, slackUserId, profile, bySlackId), profile };
}

/** Nobody on the team but the demo book's made-up people. */
async function teamIsEmpty(db: Db): Promise<boolean> {
  return (await countUsersOtherThan(db, demoTeamSlackIds)) === 0;
}

export interface Refusal {
  slackUserId: string;
  /** Our User.id when the person is on the team (a viewer, say). */
  userId?: string | null;
  /** What they asked for: "/account", "action play_claim_0", "home"... */
  request: string;
  reason: string;
}

/** Who was refused what, when and why: the audit log's record of a refusal. */
export function recordRefusal(db: Db, refusal: Refusal): Promise<void> {
  return recordAudit(db, { userId: refusal.userId ?? null, label: refusal.slackUserId, source: "slack" }, [
    {
      action: "access.refused",
      entityType: "SlackUser",
      entityId: refusal.slackUserId,
      changes: { request: refusal.request, reason: refusal.reason },
    },
  ]);
}

/** The admins a refused person can ask to be added. */
export function teamAdmins(db: Db): Promise<string[]> {
  return slackIdsWithRole(db, "admin");
}
