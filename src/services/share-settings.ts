// Whether Share in channel posts the full card rather than the redacted one: an admin's choice, audited.
import type { DataAccess } from "../db/client.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { readSetting, writeSetting } from "../db/repositories/settings.ts";
import type { Db } from "../db/repositories/types.ts";

const key = "share.fullCard";

export async function sharesFullCard(db: Db): Promise<boolean> {
  return (await readSetting(db, key)) === true;
}

export async function setSharesFullCard(db: DataAccess, actor: Actor, full: boolean): Promise<void> {
  const before = await sharesFullCard(db.client);
  await db.transaction(async (tx) => {
    await writeSetting(tx, key, full, actor.label);
    await recordAudit(tx, actor, [
      {
        action: "setting.share_card",
        entityType: "Setting",
        entityId: key,
        changes: { fullCard: [before, full] },
      },
    ]);
  });
}
