// Team-wide settings stored as JSON under a key.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.setting.findUnique({ where: { key } });
  return row?.value ?? null;
}

export async function writeSetting(db: Db, key: string, value: Prisma.InputJsonValue, updatedBy: string) {
  await db.setting.upsert({
    where: { key },
    create: { key, value, updatedBy },
    update: { value, updatedBy },
  });
}
