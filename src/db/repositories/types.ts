import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/** Repositories work on the client or inside a transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;
