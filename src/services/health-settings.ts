// The team's health-score weights and thresholds: stored as a setting, validated with the domain schema.

import type { DataAccess } from "../db/client.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { readSetting, writeSetting } from "../db/repositories/settings.ts";
import type { Db } from "../db/repositories/types.ts";
import { defaultHealthConfig, type HealthConfig, parseHealthConfig } from "../domain/health/config.ts";

const key = "health";

/** The configured model, or the defaults of docs/health-model.md when nobody has changed them. */
export async function loadHealthConfig(db: Db): Promise<HealthConfig> {
  const stored = await readSetting(db, key);
  if (stored === null) return defaultHealthConfig;
  const parsed = parseHealthConfig(stored);
  // A stored value was validated when saved; if a later version tightened the schema, say so loudly.
  if (!parsed.ok)
    throw new Error(`stored health configuration is no longer valid: ${parsed.problems.join("; ")}`);
  return parsed.config;
}

export type SaveHealthConfig = { ok: true; config: HealthConfig } | { ok: false; problems: string[] };

export async function saveHealthConfig(
  db: DataAccess,
  input: unknown,
  actor: Actor,
): Promise<SaveHealthConfig> {
  const parsed = parseHealthConfig(input);
  if (!parsed.ok) return parsed;
  const before = await readSetting(db.client, key);
  await db.transaction(async (tx) => {
    await writeSetting(tx, key, parsed.config as never, actor.label);
    await recordAudit(tx, actor, [
      {
        action: "settings.health",
        entityType: "Setting",
        entityId: key,
        changes: { before, after: parsed.config } as never,
      },
    ]);
  });
  return { ok: true, config: parsed.config };
}
