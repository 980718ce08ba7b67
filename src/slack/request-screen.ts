// Screens a request to /slack/events before Bolt's receiver sees it. Bolt reads up to 4 MB of any
// request before it checks the signature, accepts a signed timestamp from any time in the future, and
// a signed body that parses to something other than an object (`payload=null`, JSON `null`) throws in
// its receiver outside any handler, which ends the process. Here, in order: a signature and a timestamp
// within five minutes either way, or nothing is read; a body within the limit; the signature (Bolt's
// own check); a body that is a JSON object. Only then does Bolt get the request, already buffered.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type BufferedIncomingMessage, HTTPModuleFunctions, verifySlackRequest } from "@slack/bolt";
import { BodyTooLarge, readBody, refuse } from "../http/body.ts";
import { slackBodyLimitBytes, unsignedBodyLimitBytes } from "../http/limits.ts";
import type { Logger } from "../logger.ts";
import type { RequestRefusals } from "../services/request-refusals.ts";

/** Slack's window for a request's timestamp, which applies both ways here. */
const maxSkewSeconds = 5 * 60;

export interface ScreenOptions {
  signingSecret: string;
  logger: Logger;
  /** Where a request dated outside the window is audited. */
  refusals: RequestRefusals;
  now?: () => number;
}

/** Resolves true when the request may go on to Bolt; otherwise it has been answered. */
export async function screenSlackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: ScreenOptions,
): Promise<boolean> {
  const { logger } = options;
  const signature = singleHeader(req, "x-slack-signature");
  const timestamp = Number(singleHeader(req, "x-slack-request-timestamp"));
  const signed = signature !== undefined && Number.isSafeInteger(timestamp);
  if (signed) {
    const skew = timestamp - Math.floor((options.now?.() ?? Date.now()) / 1000);
    if (Math.abs(skew) > maxSkewSeconds) {
      logger.warn(`refused a Slack request dated ${Math.abs(skew)} s in the ${skew > 0 ? "future" : "past"}`);
      await options.refusals.record({
        reason: skew > 0 ? "timestamp_in_future" : "timestamp_in_past",
        skewSeconds: skew,
      });
      refuse(res, 401);
      return false;
    }
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, signed ? slackBodyLimitBytes : unsignedBodyLimitBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      logger.warn(`refused a${signed ? "" : "n unsigned"} Slack request over ${error.limit} bytes`);
      refuse(res, signed ? 413 : 401);
    } else res.destroy();
    return false;
  }
  const buffered = Object.assign(req, { rawBody }) as BufferedIncomingMessage;
  if (!signed) {
    // Slack's ssl_check probe is the one request that may come unsigned; Bolt answers it.
    if (isSslCheck(req, rawBody)) return true;
    logger.warn("refused a Slack request without a signature");
    refuse(res, 401);
    return false;
  }
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: rawBody.toString(),
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    });
  } catch (error) {
    logger.warn(`refused a Slack request: ${error instanceof Error ? error.message : String(error)}`);
    refuse(res, 401);
    return false;
  }
  const shape = bodyShape(buffered);
  if (shape !== "object") {
    logger.warn(`refused a signed Slack request whose body is ${shape}, not a JSON object`);
    refuse(res, 400);
    return false;
  }
  return true;
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function isSslCheck(req: IncomingMessage, rawBody: Buffer): boolean {
  return (
    req.headers["content-type"] === "application/x-www-form-urlencoded" &&
    new URLSearchParams(rawBody.toString()).get("ssl_check") === "1"
  );
}

/** What the body parses to, the way Bolt's receiver parses it. */
function bodyShape(req: BufferedIncomingMessage): string {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return "not valid JSON";
  }
  if (body === null) return "null";
  if (Array.isArray(body)) return "an array";
  return typeof body === "object" ? "object" : `a ${typeof body}`;
}
