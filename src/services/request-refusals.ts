// The audit log's record of Slack requests refused before anyone is identified: correctly signed ones
// from another workspace (slack/workspace-guard.ts), and ones dated more than five minutes from the
// bot's clock (slack/request-screen.ts). The date is checked before the signature, so anyone who
// reaches the port can cause the second kind; a flood of them must not become a flood of rows.
// Identical refusals are therefore coalesced: the first opens a one-minute window and is written at
// once; the rest of that minute are counted and written as one row when it closes (or when the bot
// stops). A flood costs at most two rows a minute per kind: per direction of the clock, per foreign
// workspace (up to 100 at once; past that, further workspaces share one window). No row holds a
// request's body, headers or signature.
import { type Actor, type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import type { Db } from "../db/repositories/types.ts";
import type { Logger } from "../logger.ts";

export type RequestRefusal =
  | {
      reason: "other_workspace";
      teamId: string | null;
      enterpriseId: string | null;
      /** The Slack user the request names, in their own workspace. */
      slackUserId: string | null;
      /** What was asked for: "/account", "action play_claim", "event app_home_opened"... */
      request: string;
    }
  | { reason: "timestamp_in_future" | "timestamp_in_past"; skewSeconds: number };

export interface RequestRefusals {
  /** Resolves once the refusal's row, when it gets one now, is written; never rejects. */
  record(refusal: RequestRefusal): Promise<void>;
  /** Writes the counts of the windows still open: when the bot stops. */
  flush(): Promise<void>;
}

export const refusalWindowMs = 60_000;
const maxOpenWindows = 100;
/** Longer strings from a request are cut: a team id or an action id is far shorter. */
const maxFieldLength = 100;
const various = "various";

interface Window {
  first: RequestRefusal;
  openedAt: number;
  lastAt: number;
  repeats: number;
  largestSkewSeconds: number;
  timer: NodeJS.Timeout;
}

export function requestRefusalAudit(
  db: Db,
  logger: Logger,
  options: { windowMs?: number; now?: () => number } = {},
): RequestRefusals {
  const windowMs = options.windowMs ?? refusalWindowMs;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  const writing = new Set<Promise<void>>();

  const write = (actor: Actor, entry: AuditEntry): Promise<void> => {
    const written = recordAudit(db, actor, [entry])
      .catch((error: unknown) =>
        logger.error("could not write the audit row of a refused Slack request", error),
      )
      .finally(() => writing.delete(written));
    writing.add(written);
    return written;
  };

  const close = (key: string): Promise<void> => {
    const window = windows.get(key);
    if (!window) return Promise.resolve();
    windows.delete(key);
    clearTimeout(window.timer);
    if (window.repeats === 0) return Promise.resolve();
    return write(systemActor, repeatsEntry(window));
  };

  return {
    record(refusal) {
      const at = now();
      const ownKey = keyOf(refusal);
      // Only foreign workspaces can be many; the clock's two directions always have their own.
      const crowded = refusal.reason === "other_workspace" && windows.size >= maxOpenWindows;
      const key = crowded && !windows.has(ownKey) ? `${refusal.reason} *` : ownKey;
      const open = windows.get(key);
      if (open) {
        open.repeats += 1;
        open.lastAt = at;
        if ("skewSeconds" in refusal)
          open.largestSkewSeconds = Math.max(open.largestSkewSeconds, Math.abs(refusal.skewSeconds));
        return Promise.resolve();
      }
      const first = key === ownKey ? refusal : asVarious(refusal);
      const timer = setTimeout(() => void close(key), windowMs);
      timer.unref();
      windows.set(key, {
        first,
        openedAt: at,
        lastAt: at,
        repeats: 0,
        largestSkewSeconds: "skewSeconds" in refusal ? Math.abs(refusal.skewSeconds) : 0,
        timer,
      });
      return write(actorOf(first), firstEntry(first));
    },
    async flush() {
      await Promise.all([...windows.keys()].map(close));
      await Promise.all(writing);
    },
  };
}

const systemActor: Actor = { userId: null, label: "system", source: "slack" };

function keyOf(refusal: RequestRefusal): string {
  return refusal.reason === "other_workspace"
    ? `${refusal.reason} ${refusal.teamId} ${refusal.enterpriseId}`
    : refusal.reason;
}

/** A foreign workspace past the cap: counted with the others past it, named by none. */
function asVarious(refusal: RequestRefusal): RequestRefusal {
  return refusal.reason === "other_workspace"
    ? { ...refusal, teamId: various, enterpriseId: various, slackUserId: null }
    : refusal;
}

function actorOf(refusal: RequestRefusal): Actor {
  const label = refusal.reason === "other_workspace" ? refusal.slackUserId : null;
  return { userId: null, label: label ? cut(label) : "unknown", source: "slack" };
}

type Changes = Record<string, string | number | null>;

/** What makes refusals the same, as the row's entity and the start of its changes. */
function subjectOf(refusal: RequestRefusal): { entityType: string; entityId: string; changes: Changes } {
  if (refusal.reason !== "other_workspace")
    return { entityType: "SlackRequest", entityId: "timestamp", changes: { reason: refusal.reason } };
  const teamId = refusal.teamId === null ? null : cut(refusal.teamId);
  const enterpriseId = refusal.enterpriseId === null ? null : cut(refusal.enterpriseId);
  return {
    entityType: "SlackWorkspace",
    entityId: teamId ?? enterpriseId ?? "unknown",
    changes: { reason: refusal.reason, teamId, enterpriseId },
  };
}

function firstEntry(refusal: RequestRefusal): AuditEntry {
  const { changes, ...subject } = subjectOf(refusal);
  const detail =
    refusal.reason === "other_workspace"
      ? { request: cut(refusal.request) }
      : { skewSeconds: refusal.skewSeconds };
  return { action: "request.refused", ...subject, changes: { ...changes, ...detail } };
}

function repeatsEntry(window: Window): AuditEntry {
  const { changes, ...subject } = subjectOf(window.first);
  const skew =
    window.first.reason === "other_workspace" ? {} : { largestSkewSeconds: window.largestSkewSeconds };
  return {
    action: "request.refused",
    ...subject,
    changes: {
      ...changes,
      repeats: window.repeats,
      since: new Date(window.openedAt).toISOString(),
      until: new Date(window.lastAt).toISOString(),
      ...skew,
    },
  };
}

function cut(text: string): string {
  return text.length > maxFieldLength ? `${text.slice(0, maxFieldLength)}…` : text;
}
