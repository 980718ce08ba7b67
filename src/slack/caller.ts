// Who is asking, for every listener (handler.ts): admitted to the bot or refused privately, with the
// refusal audited. A listener that only reads says so; every other one is refused to viewers, so a new
// listener changes nothing for a viewer unless it is declared read-only.
import { mayChangeAnything } from "../domain/access/roles.ts";
import type { TeamMember } from "../domain/team.ts";
import { admit, recordRefusal, teamAdmins } from "../services/access.ts";
import type { AppDeps } from "./deps.ts";
import { accessRefusalText, viewerRefusal } from "./views/access-refusals.ts";

export interface Caller {
  user: TeamMember;
  slackUserId: string;
}

/** "read": the listener shows things; "write" (the default): it may change something or post. */
export type Need = "read" | "write";

export type Identified = { ok: true; caller: Caller } | { ok: false; text: string };

/** `request` names what was asked for in the audit log: "/account", "action play_claim_0", "home". */
export async function identifyCaller(
  deps: AppDeps,
  slackUserId: string,
  request: string,
  need: Need,
): Promise<Identified> {
  const admission = await admit(deps.db, deps.access, slackUserId);
  if (!admission.ok) {
    await recordRefusal(deps.db.client, { slackUserId, request, reason: admission.reason });
    const admins = admission.reason === "not_on_team" ? await teamAdmins(deps.db.client) : [];
    return { ok: false, text: accessRefusalText(admission.reason, slackUserId, admins) };
  }
  const user = admission.member;
  if (need === "write" && !mayChangeAnything(user.role)) {
    await recordRefusal(deps.db.client, { slackUserId, userId: user.id, request, reason: "viewer" });
    return { ok: false, text: viewerRefusal };
  }
  return { ok: true, caller: { user, slackUserId } };
}
