// Plays a CSM's record opens (a key contact left, a QBR found an opportunity): one open play of a kind
// per account, for the account's owner, with the audit entry that says so.
import { randomUUID } from "node:crypto";
import type { AuditEntry } from "../db/repositories/audit.ts";
import { createPlays } from "../db/repositories/plays.ts";
import type { Db } from "../db/repositories/types.ts";
import { playKindLabel } from "../domain/plays/kinds.ts";
import { openPlayKey } from "../domain/plays/open-key.ts";

export interface RecordPlay {
  accountId: string;
  ownerId: string | null;
  kind: "contact_left" | "expansion_opportunity";
  reason: string;
  trigger: unknown;
  dueAt: Date;
}

/** Opens the play unless one of its kind is open on the account; the audit entry when it opened. */
export async function openRecordPlay(tx: Db, play: RecordPlay, now: Date): Promise<AuditEntry | null> {
  const id = randomUUID();
  const opened = await createPlays(
    tx,
    [{ id, ...play, openKey: openPlayKey(play.accountId, play.kind) }],
    now,
  );
  if (opened.length === 0) return null;
  return {
    action: "play.open",
    entityType: "Play",
    entityId: id,
    changes: { kind: play.kind, reason: playKindLabel(play.kind) },
  };
}
