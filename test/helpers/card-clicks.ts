// Finding a play's buttons in a message the app sent, and clicking them as a given person: the four play
// buttons (Claim, Snooze, Reassign, Close) as Slack would send them.
import type { RunningApp } from "./running-app.ts";

type Element = { type: string; action_id?: string; value?: string; options?: { value: string }[] };
type Block = { type: string; block_id?: string; elements?: Element[] };
export type Message = { response_type?: string; replace_original?: boolean; text?: string; blocks?: Block[] };

export const textOf = (message: Message): string =>
  JSON.stringify(message.blocks ?? []) + (message.text ?? "");

function actionsBlock(message: Message, prefix: string): { block: Block; element: Element } {
  for (const block of message.blocks ?? [])
    for (const element of block.elements ?? [])
      if (element.action_id?.startsWith(prefix)) return { block, element };
  throw new Error(`no ${prefix} in ${JSON.stringify(message.blocks)}`);
}

/** Claim, Snooze (7 days), Reassign (to `reassignTo`) and Close on the first play of `message`. */
export function playClicks(message: Message, reassignTo: string) {
  const claim = actionsBlock(message, "play_claim_").element;
  const snooze = actionsBlock(message, "play_snooze_").element;
  const reassign = actionsBlock(message, "play_reassign_");
  const close = actionsBlock(message, "play_close_").element;
  return {
    claim: { actionId: claim.action_id as string, value: claim.value as string },
    snooze: { actionId: snooze.action_id as string, selectedOption: snooze.options?.[0]?.value as string },
    reassign: {
      actionId: reassign.element.action_id as string,
      blockId: reassign.block.block_id as string,
      selectedUser: reassignTo,
    },
    close: { actionId: close.action_id as string, value: close.value as string },
  };
}

/** Clicks as `userId` and returns what the app posted to the click's response_url. */
export async function clickAs(
  running: RunningApp,
  userId: string,
  action: Omit<Parameters<RunningApp["requests"]["blockAction"]>[0], "userId">,
): Promise<Message> {
  const sent = await running.requests.blockAction({ userId, ...action });
  const response = await running.slack.waitForResponse((r) => r.id === sent.responseId);
  return response.body as Message;
}

export async function slashAs(
  running: RunningApp,
  command: string,
  text: string,
  userId: string,
): Promise<Message> {
  const reply = await running.requests.command(command, text, { userId });
  return JSON.parse(reply.body) as Message;
}
