// The /account card's read model: everything the card shows for one account, in the domain's types.
import type {
  AccountFacts,
  AccountOwner,
  OpenPlaySummary,
  ReviewSummary,
  StakeholderSummary,
  SuccessPlanSummary,
  TouchSummary,
} from "../../domain/call-prep.ts";
import type { HealthBand } from "../../domain/health/score.ts";
import type { LifecycleStage } from "../../domain/lifecycle.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

/** The account's facts (its stage as set, null when derived from the dates) and what the card shows. */
export interface AccountCardRecord extends Omit<AccountFacts, "stage"> {
  /** As the CRM set it; null when the card derives it from the dates. */
  stage: LifecycleStage | null;
  owner: AccountOwner | null;
  /** By role, then name; those who left included. */
  stakeholders: StakeholderSummary[];
  /** The newest `recentTouches`, newest first. */
  touches: TouchSummary[];
  /** Plays that are not closed, soonest due first. */
  plays: OpenPlaySummary[];
  successPlan: SuccessPlanSummary | null;
  lastReview: ReviewSummary | null;
  /** The newest `recentScores`, newest first. */
  scores: { date: Date; score: number; band: HealthBand; reasons: string[] }[];
}

const recentTouches = 6;
// One score per account and day, so the newest 40 reach back at least 39 days: enough for the trend
// against 30 days ago, without a date filter that would hide an account whose latest score is older.
const recentScores = 40;

const slackId = { select: { slackUserId: true } } as const;

/** What the card reads of an account and its related rows. */
const cardSelect = {
  id: true,
  externalId: true,
  name: true,
  segment: true,
  arr: true,
  contractStart: true,
  renewalDate: true,
  termStart: true,
  renewalCommit: true,
  churnedAt: true,
  stage: true,
  plan: true,
  seatsPurchased: true,
  owner: { select: { slackUserId: true, name: true } },
  stakeholders: {
    select: {
      id: true,
      name: true,
      title: true,
      role: true,
      otherRoles: true,
      sentiment: true,
      lastContactOn: true,
      leftOn: true,
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  },
  touches: {
    select: {
      kind: true,
      occurredAt: true,
      summary: true,
      nextStep: true,
      author: slackId,
      stakeholders: { select: { id: true } },
    },
    orderBy: { occurredAt: "desc" },
    take: recentTouches,
  },
  plays: {
    where: { status: { not: "closed" } },
    select: {
      id: true,
      kind: true,
      reason: true,
      status: true,
      dueAt: true,
      snoozedUntil: true,
      owner: slackId,
      claimedBy: slackId,
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  },
  successPlan: {
    select: {
      objective: true,
      goals: {
        select: { kpi: true, target: true, current: true, status: true, dueOn: true },
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { kpi: "asc" }],
      },
    },
  },
  reviews: {
    select: {
      kind: true,
      heldOn: true,
      valueVerified: true,
      expansionAsked: true,
      nextReviewOn: true,
      goalOutcomes: true,
    },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take: 1,
  },
  scores: {
    select: { date: true, score: true, band: true, reasons: true },
    orderBy: { date: "desc" },
    take: recentScores,
  },
} satisfies Prisma.AccountSelect;

type CardRow = Prisma.AccountGetPayload<{ select: typeof cardSelect }>;

export async function accountCardRecord(db: Db, accountId: string): Promise<AccountCardRecord | null> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: cardSelect });
  return account && toRecord(account);
}

/**
 * The cards of the accounts whose whole name (normalized) or CRM id is exactly the query, at most two:
 * one opens its card, two ask which. One query for the lookup's commonest case, a name typed in full.
 * Ordered by name, which no index sorts: ordered by id, the plan PostgreSQL keeps for the prepared
 * statement walks the primary key through every account (about 10 ms on 20,000) where the name and CRM
 * id indexes find the one row.
 */
export async function exactAccountCards(db: Db, key: string, rawQuery: string): Promise<AccountCardRecord[]> {
  const accounts = await db.account.findMany({
    where: { OR: [{ searchName: key }, { externalId: rawQuery }] },
    select: cardSelect,
    orderBy: { name: "asc" },
    take: 2,
  });
  return accounts.map(toRecord);
}

function toRecord(account: CardRow): AccountCardRecord {
  const { touches, plays, arr, reviews, ...rest } = account;
  const review = reviews[0];
  return {
    ...rest,
    lastReview: review
      ? {
          ...review,
          goalOutcomes: Array.isArray(review.goalOutcomes)
            ? (review.goalOutcomes as ReviewSummary["goalOutcomes"])
            : [],
        }
      : null,
    arr: arr?.toFixed(2) ?? null,
    touches: touches.map(({ author, stakeholders, ...touch }) => ({
      ...touch,
      authorSlackId: author?.slackUserId ?? null,
      stakeholderIds: stakeholders.map((person) => person.id),
    })),
    plays: plays.map(({ owner, claimedBy, status, ...play }) => ({
      ...play,
      status: status as OpenPlaySummary["status"],
      ownerSlackId: owner?.slackUserId ?? null,
      claimedBySlackId: claimedBy?.slackUserId ?? null,
    })),
  };
}
