// Posting to a message's response_url outside Bolt's respond(), which view submissions do not get: the
// Close modal keeps the clicked message's response_url and updates that message after the submission.
import type { MessagePayload } from "../views/blocks.ts";

export interface ResponseUrlMessage extends MessagePayload {
  replace_original?: boolean;
  response_type?: "ephemeral" | "in_channel";
}

const timeoutMs = 10_000;

export async function postToResponseUrl(responseUrl: string, message: ResponseUrlMessage): Promise<void> {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Slack answers 404 once a response_url has expired (30 minutes, 5 uses); the caller logs it.
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}
