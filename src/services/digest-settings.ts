// A person's digest settings: read, and changed with an audit row, by an admin (the CLI) or by the
// person (the settings modal).
import type { DataAccess } from "../db/client.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { defaultDigestDays, defaultDigestTime, zoneOf } from "../domain/digest/schedule.ts";
import type { DigestSettingsChange } from "../domain/digest/settings.ts";
import type { TeamMember } from "../domain/team.ts";

export interface DigestSettingsView {
  time: string;
  days: number[];
  /** Null: a direct message. */
  channelId: string | null;
  timeZone: string;
  /** Whether `timeZone` was set by hand rather than read from Slack. */
  timeZoneSetByHand: boolean;
  pausedUntil: Date | null;
}

type SettingsUser = Pick<
  TeamMember,
  | "id"
  | "timeZone"
  | "timeZoneOverride"
  | "digestChannelId"
  | "digestTime"
  | "digestDays"
  | "digestPausedUntil"
>;

export function digestSettingsOf(user: SettingsUser): DigestSettingsView {
  return {
    time: user.digestTime ?? defaultDigestTime,
    days: user.digestDays.length ? user.digestDays : [...defaultDigestDays],
    channelId: user.digestChannelId,
    timeZone: zoneOf(user),
    timeZoneSetByHand: Boolean(user.timeZoneOverride),
    pausedUntil: user.digestPausedUntil,
  };
}

const fields = [
  "digestTime",
  "digestDays",
  "digestChannelId",
  "timeZoneOverride",
  "digestPausedUntil",
] as const;

/** Writes what changed (nothing when nothing did) with its audit row; returns the settings after. */
export async function changeDigestSettings(
  db: DataAccess,
  actor: Actor,
  user: SettingsUser,
  change: DigestSettingsChange,
): Promise<DigestSettingsView> {
  const changes: Record<string, [unknown, unknown]> = {};
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in change)) continue;
    const before = user[field];
    const after = change[field];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes[field] = [before, after];
    data[field] = after;
  }
  if (Object.keys(data).length === 0) return digestSettingsOf(user);
  const updated = await db.transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: user.id }, data });
    await recordAudit(tx, actor, [
      { action: "user.digest_settings", entityType: "User", entityId: user.id, changes: changes as never },
    ]);
    return row;
  });
  return digestSettingsOf(updated);
}
