// `/account <query>`: find the account a CSM means and gather what the card shows.

import type { PreparedStatements, StatementRunner } from "../db/prepared-statements.ts";
import {
  type AccountCardRecord,
  accountCardRecord,
  containingOrCorrectedWithCard,
  exactCardsOrTopTier,
} from "../db/repositories/account-card.ts";
import {
  type AccountSearchHit,
  closestAccountNames,
  searchAccounts,
  searchLimit,
} from "../db/repositories/account-search.ts";
import type { AccountCardData } from "../domain/call-prep.ts";
import { scoreTrend } from "../domain/health/trend.ts";
import { daysBetween, deriveStage } from "../domain/lifecycle.ts";
import { parseAccountQuery, prefixUpperBound } from "../domain/search-text.ts";

export type AccountLookup =
  | { kind: "card"; card: AccountCardData }
  | {
      kind: "choices";
      matches: AccountSearchHit[];
      /** The query with its misspelt words corrected, when the matches were found with it. */
      correctedQuery: string | null;
    }
  | { kind: "none"; closest: string[] }
  | { kind: "problem"; problem: "empty" | "too_long" | "unsupported" };

export async function lookupAccount(
  reads: PreparedStatements,
  text: string | undefined,
  today: Date,
): Promise<AccountLookup> {
  const query = parseAccountQuery(text);
  if (!query.ok) return { kind: "problem", problem: query.problem };
  // One to four statements (a misspelt name typed in full: two), which wait for the database once, together.
  return reads.together(async (reads) => {
    // A name or CRM id typed in full that belongs to one account: its card, without the ranked search
    // (whose top tier the same statement reads otherwise).
    const { exact, topTier } = await exactCardsOrTopTier(
      reads,
      query.key,
      query.raw,
      prefixUpperBound(query.key),
      searchLimit,
    );
    if (exact.length === 1) return { kind: "card", card: toCardData(exact[0] as AccountCardRecord, today) };
    // Past the top tier, a misspelt name typed in full is settled, with its card, by its correction.
    let correctedCard: AccountCardRecord | undefined;
    const { hits, correctedQuery } = await searchAccounts(reads, query.key, query.raw, {
      topTier,
      readContaining: async (...args) => {
        const read = await containingOrCorrectedWithCard(...args);
        correctedCard = read.correctedCard;
        return read;
      },
    });
    const [first, second] = hits;
    if (!first) return { kind: "none", closest: await closestAccountNames(reads, query.key) };
    // One clear winner opens straight away: an exact hit, or a single match.
    if (!second || (first.exact && !second.exact)) {
      const record =
        correctedCard?.id === first.id ? correctedCard : await accountCardRecord(reads, first.id);
      if (record) return { kind: "card", card: toCardData(record, today) };
    }
    return { kind: "choices", matches: hits, correctedQuery };
  });
}

export async function accountCard(
  reads: StatementRunner,
  accountId: string,
  today: Date,
): Promise<AccountCardData | null> {
  const record = await accountCardRecord(reads, accountId);
  return record ? toCardData(record, today) : null;
}

/** The scores offered for the sparkline: the month the trend against 30 days ago spans. */
const sparklineDays = 30;

function toCardData(record: AccountCardRecord, today: Date): AccountCardData {
  const latest = record.scores[0];
  const { vs7d, vs30d } = scoreTrend(record.scores, today);
  const lastMonth = record.scores.filter((score) => {
    const age = daysBetween(score.date, today);
    return age >= 0 && age <= sparklineDays;
  });
  return {
    account: {
      id: record.id,
      externalId: record.externalId,
      name: record.name,
      segment: record.segment,
      arr: record.arr,
      contractStart: record.contractStart,
      renewalDate: record.renewalDate,
      stage: record.stage ?? deriveStage(record.contractStart, record.renewalDate, today),
      stageDerived: record.stage === null,
      plan: record.plan,
      seatsPurchased: record.seatsPurchased,
    },
    owner: record.owner,
    health: latest
      ? {
          score: latest.score,
          band: latest.band,
          date: latest.date,
          reasons: latest.reasons,
          trend: lastMonth.map((score) => score.score).reverse(),
          vs7d,
          vs30d,
        }
      : null,
    stakeholders: record.stakeholders,
    touches: record.touches,
    openPlays: record.plays,
    successPlan: record.successPlan,
  };
}
