// Small factories for the rows tests need. Defaults are realistic; override what the test is about.
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/repositories/types.ts";
import { searchKey } from "../../src/domain/search-text.ts";
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";

let sequence = 0;
const next = () => ++sequence;

export function aUser(prisma: PrismaClient, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const n = next();
  return prisma.user.create({
    data: {
      slackUserId: `UCSM${String(n).padStart(5, "0")}`,
      name: `CSM ${n}`,
      email: `csm${n}@example.com`,
      timeZone: "Europe/Berlin",
      ...overrides,
    },
  });
}

export function anAccount(
  prisma: Db,
  overrides: Partial<Prisma.AccountUncheckedCreateInput> & { name?: string } = {},
) {
  const n = next();
  const name = overrides.name ?? `Account ${n}`;
  return prisma.account.create({
    data: {
      id: randomUUID(),
      externalId: `EXT-${n}`,
      segment: "mid_market",
      arr: "50000.00",
      contractStart: new Date("2026-03-01T00:00:00Z"),
      renewalDate: new Date("2027-03-01T00:00:00Z"),
      plan: "Growth",
      seatsPurchased: 50,
      ...overrides,
      name,
      searchName: searchKey(name),
    },
  });
}

export function aStakeholder(
  prisma: PrismaClient,
  accountId: string,
  overrides: Partial<Prisma.StakeholderUncheckedCreateInput> = {},
) {
  const n = next();
  return prisma.stakeholder.create({
    data: {
      accountId,
      name: `Person ${n}`,
      title: "VP Operations",
      role: "champion",
      sentiment: "positive",
      ...overrides,
    },
  });
}

export function aTouch(
  prisma: PrismaClient,
  accountId: string,
  overrides: Partial<Prisma.TouchUncheckedCreateInput> = {},
) {
  return prisma.touch.create({
    data: {
      accountId,
      kind: "call",
      occurredAt: new Date("2026-11-01T10:00:00Z"),
      summary: "Check-in call",
      ...overrides,
    },
  });
}

export function aPlay(
  prisma: PrismaClient,
  accountId: string,
  overrides: Partial<Prisma.PlayUncheckedCreateInput> = {},
) {
  return prisma.play.create({
    data: {
      accountId,
      kind: "save",
      reason: "Health red: 34",
      dueAt: new Date("2026-11-24T09:00:00Z"),
      ...overrides,
    },
  });
}

export function aHealthScore(
  prisma: PrismaClient,
  accountId: string,
  overrides: Partial<Prisma.HealthScoreUncheckedCreateInput> = {},
) {
  return prisma.healthScore.create({
    data: {
      accountId,
      date: new Date("2026-11-22T00:00:00Z"),
      score: 34,
      band: "red",
      subScores: {},
      reasons: ["sponsor dark for 52 days"],
      missingSignals: [],
      ...overrides,
    },
  });
}
