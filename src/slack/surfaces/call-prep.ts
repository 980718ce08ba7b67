// The call-prep page for an account, or a reason when the account is gone.
import { callPrep } from "../../services/call-prep.ts";
import type { AppDeps } from "../deps.ts";
import { errorReply } from "../handler.ts";
import type { MessagePayload } from "../views/blocks.ts";
import { callPrepMessage } from "../views/call-prep.ts";

export async function renderCallPrep(deps: AppDeps, accountId: string): Promise<MessagePayload> {
  const today = deps.clock();
  const prep = await callPrep(deps.db.client, accountId, today);
  if (!prep) return errorReply("That account no longer exists; an import may have removed it.");
  return callPrepMessage(prep, today);
}
