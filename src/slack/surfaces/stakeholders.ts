// The stakeholder map and its modal, for whoever asks: the map for anyone on the team; the modal for the
// account's CSM, their manager and admins, with a refusal in words for anyone else.
import type { WebClient } from "@slack/web-api";
import { findStakeholder } from "../../db/repositories/stakeholders.ts";
import type { TeamMember } from "../../domain/team.ts";
import { mapRefusal, stakeholderMap } from "../../services/stakeholders.ts";
import type { AppDeps } from "../deps.ts";
import { errorReply } from "../handler.ts";
import type { MessagePayload } from "../views/blocks.ts";
import { stakeholderMapMessage } from "../views/stakeholder-map.ts";
import { stakeholderModal } from "../views/stakeholder-modal.ts";

const say = {
  gone: "That account no longer exists; an import may have removed it.",
  personGone: "That person is no longer on the account's map.",
};

export async function renderStakeholderMap(deps: AppDeps, accountId: string): Promise<MessagePayload> {
  const today = deps.clock();
  const map = await stakeholderMap(deps.db.client, accountId, today);
  if (!map) return errorReply(say.gone);
  return stakeholderMapMessage(
    { account: map.account, people: map.account.stakeholders, risks: map.risks },
    today,
  );
}

export interface OpenStakeholder {
  triggerId: string;
  /** The account of a new person; taken from the person when editing. */
  accountId: string | null;
  stakeholderId: string | null;
  responseUrl: string | null;
}

export async function openStakeholderModal(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  open: OpenStakeholder,
): Promise<MessagePayload | null> {
  const person = open.stakeholderId ? await findStakeholder(deps.db.client, open.stakeholderId) : null;
  if (open.stakeholderId && !person) return errorReply(say.personGone);
  const accountId = person?.accountId ?? open.accountId;
  const map = accountId ? await stakeholderMap(deps.db.client, accountId, deps.clock()) : null;
  if (!map) return errorReply(say.gone);
  const refusal = mapRefusal(map.account, caller);
  if (refusal) return errorReply(refusal);
  const view = stakeholderModal({
    account: { id: map.account.id, name: map.account.name },
    person,
    responseUrl: open.responseUrl,
  });
  await client.views.open({ trigger_id: open.triggerId, view: view as never });
  return null;
}
