// Touches: logged customer interactions.
import type { Prisma, Touch } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export function createTouch(db: Db, data: Prisma.TouchUncheckedCreateInput): Promise<Touch> {
  return db.touch.create({ data });
}
