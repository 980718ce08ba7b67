// A message the bot sends on its own (a digest, a reminder), delivered where it belongs or, when Slack
// refuses that channel (archived, the bot not in a private channel, not found), to the person directly,
// saying why. What happened is returned for the caller to record: nothing is swallowed.
import { isPosted, type Notifier, type SlackMessage } from "./ports.ts";

export interface Delivered {
  ok: boolean;
  channel: string | null;
  ts: string | null;
  /** What went wrong, also when the fallback worked: "C0DIGEST1: is_archived; sent as a direct message". */
  problem: string | null;
}

export async function deliver(
  notifier: Notifier,
  message: SlackMessage,
  fallbackUserId: string | null,
): Promise<Delivered> {
  let first: Awaited<ReturnType<Notifier["postMessage"]>>;
  try {
    first = await notifier.postMessage(message);
  } catch (error) {
    return { ok: false, channel: message.channel, ts: null, problem: describe(error) };
  }
  if (isPosted(first)) return { ok: true, channel: first.channel, ts: first.ts, problem: null };
  const refused = `${message.channel}: ${first.undelivered}`;
  if (!fallbackUserId || fallbackUserId === message.channel)
    return { ok: false, channel: message.channel, ts: null, problem: refused };
  const note = `I could not post this in <#${message.channel}> (Slack said ${first.undelivered}), so here it is. An admin can set another channel with \`csm users digest\`.`;
  try {
    const second = await notifier.postMessage({
      channel: fallbackUserId,
      text: `${note}\n${message.text}`,
      ...(message.blocks
        ? {
            blocks: [
              { type: "context", elements: [{ type: "mrkdwn", text: note }] },
              ...message.blocks,
            ].slice(0, 50),
          }
        : {}),
    });
    if (isPosted(second))
      return {
        ok: true,
        channel: second.channel,
        ts: second.ts,
        problem: `${refused}; sent as a direct message`,
      };
    return {
      ok: false,
      channel: fallbackUserId,
      ts: null,
      problem: `${refused}; direct message: ${second.undelivered}`,
    };
  } catch (error) {
    return {
      ok: false,
      channel: fallbackUserId,
      ts: null,
      problem: `${refused}; direct message: ${describe(error)}`,
    };
  }
}

function describe(error: unknown): string {
  const code = (error as { data?: { error?: string } })?.data?.error;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
