// POST /api/v1/signals: product-usage, support and billing systems push health signals.
// Bearer INGEST_TOKEN, or INGEST_TOKEN_PREVIOUS during a rotation (compared in constant time); JSON { "signals": [...] } of at most 10,000 items;
// 400 with per-item problems and nothing written when any item is invalid; 413 past the size limit.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataAccess } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/ports.ts";
import { ingestSignals, maxSignalsPerBatch } from "../services/signal-ingest.ts";
import { BodyTooLarge, readBody, refuse } from "./body.ts";
import { json } from "./json.ts";

/** 10,000 items with every field set stay well under this. */
export const maxBodyBytes = 8 * 1024 * 1024;

export interface SignalsRouteDeps {
  db: DataAccess;
  clock: Clock;
  logger: Logger;
  /** Every token accepted: the current one and, during a rotation, the previous one. */
  ingestTokens: string[];
}

const digest = (text: string) => createHash("sha256").update(text).digest();

function authorized(req: IncomingMessage, tokens: string[]): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match?.[1]) return false;
  // Hashing both sides gives equal lengths, so timingSafeEqual never leaks a token's length; every
  // token is compared, so the time taken does not say which one matched.
  const offered = digest(match[1]);
  return tokens.map((token) => timingSafeEqual(offered, digest(token))).includes(true);
}

export function signalsHandler(deps: SignalsRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!authorized(req, deps.ingestTokens)) {
      res.setHeader("www-authenticate", "Bearer");
      return json(res, 401, {
        ok: false,
        error: "unauthorized",
        reason: "send Authorization: Bearer <INGEST_TOKEN>",
      });
    }
    let text: string;
    try {
      text = (await readBody(req, maxBodyBytes)).toString("utf8");
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return refuse(res, 413, {
          ok: false,
          error: "payload_too_large",
          reason: `the body is over ${maxBodyBytes} bytes; send at most ${maxSignalsPerBatch} signals per request`,
        });
      }
      return refuse(res, 400, {
        ok: false,
        error: "unreadable_body",
        reason: "the request body could not be read",
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(res, 400, {
        ok: false,
        error: "invalid_json",
        reason: "the body is not valid JSON (truncated?)",
      });
    }
    const signals = (body as { signals?: unknown })?.signals;
    if (typeof body !== "object" || body === null || Array.isArray(body) || !Array.isArray(signals)) {
      return json(res, 400, {
        ok: false,
        error: "invalid_body",
        reason: 'expected a JSON object { "signals": [ ... ] }',
      });
    }
    if (signals.length > maxSignalsPerBatch) {
      return json(res, 413, {
        ok: false,
        error: "too_many_signals",
        reason: `at most ${maxSignalsPerBatch} signals per request, got ${signals.length}`,
      });
    }
    try {
      const result = await ingestSignals(deps.db, signals, deps.clock(), {
        userId: null,
        label: "ingest-api",
        source: "http",
      });
      if (!result.ok)
        return json(res, 400, {
          ok: false,
          error: "invalid_signals",
          reason: `${result.problems.length} problem(s); nothing was stored`,
          problems: result.problems,
        });
      const { checkMs, storeMs, rescoreMs } = result.timings;
      return json(
        res,
        200,
        { ok: true, received: result.received, accounts: result.accounts, rescored: result.rescored },
        {
          // How long each step took, for whoever watches the feed (browsers' and proxies' tools read it).
          "server-timing": `check;dur=${checkMs.toFixed(1)}, store;dur=${storeMs.toFixed(1)}, rescore;dur=${rescoreMs.toFixed(1)}`,
        },
      );
    } catch (error) {
      deps.logger.error("signal ingest failed", error);
      return json(res, 500, { ok: false, error: "internal_error", reason: "nothing was stored; try again" });
    }
  };
}
