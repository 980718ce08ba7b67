// `/account <query>`: find the account a CSM means and gather what the card shows.

import {
  type AccountCardRecord,
  accountCardRecord,
  exactAccountCards,
} from "../db/repositories/account-card.ts";
import {
  type AccountSearchHit,
  closestAccountNames,
  searchAccounts,
} from "../db/repositories/account-search.ts";
import type { Db } from "../db/repositories/types.ts";
import type { AccountCardData } from "../domain/call-prep.ts";
import { scoreTrend } from "../domain/health/trend.ts";
import { contractState, daysBetween } from "../domain/lifecycle.ts";
import { awakeAt } from "../domain/plays/deadlines.ts";
import { type AccountQueryProblem, parseAccountQuery } from "../domain/search-text.ts";

export type AccountLookup =
  | { kind: "card"; card: AccountCardData }
  | {
      kind: "choices";
      matches: AccountSearchHit[];
      /** The query with its misspelt words corrected, when the matches were found with it. */
      correctedQuery: string | null;
    }
  | { kind: "none"; closest: string[] }
  | { kind: "problem"; problem: AccountQueryProblem };

export async function lookupAccount(db: Db, text: string | undefined, today: Date): Promise<AccountLookup> {
  const query = parseAccountQuery(text);
  if (!query.ok) return { kind: "problem", problem: query.problem };
  // A name or CRM id typed in full that belongs to one account: its card, without the ranked search.
  const exact = await exactAccountCards(db, query.key, query.raw);
  if (exact.length === 1) return { kind: "card", card: toCardData(exact[0] as AccountCardRecord, today) };
  const chosen = await searchedChoice(db, query.key, query.raw);
  if (typeof chosen === "string") {
    const card = await accountCard(db, chosen, today);
    if (card) return { kind: "card", card };
    return { kind: "none", closest: [] };
  }
  return chosen ?? { kind: "none", closest: await closestAccountNames(db, query.key) };
}

/** The one account the search settles on, or the choices it offers; null when it finds nothing. */
async function searchedChoice(db: Db, key: string, raw: string): Promise<string | AccountLookup | null> {
  const { hits, correctedQuery } = await searchAccounts(db, key, raw);
  const [first, second] = hits;
  if (!first) return null;
  // One clear winner opens straight away: an exact hit, or a single match.
  if (!second || (first.exact && !second.exact)) return first.id;
  return { kind: "choices", matches: hits, correctedQuery };
}

export async function accountCard(db: Db, accountId: string, today: Date): Promise<AccountCardData | null> {
  const record = await accountCardRecord(db, accountId);
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
      renewalCommit: record.renewalCommit,
      churnedAt: record.churnedAt ?? null,
      termStart: record.termStart ?? record.contractStart,
      stage: contractState(record.stage, record.termStart ?? record.contractStart, record.renewalDate, today),
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
    // A play whose snooze has run out reads as woken, as /plays shows it.
    openPlays: record.plays.map((play) => awakeAt(play, today)),
    successPlan: record.successPlan,
    lastReview: record.lastReview,
  };
}

/** Accounts for a pick-list as someone types (the touch modal's account menu): the /account search. */
export async function suggestAccounts(db: Db, text: string): Promise<{ id: string; name: string }[]> {
  const query = parseAccountQuery(text);
  if (!query.ok) return [];
  const { hits } = await searchAccounts(db, query.key, query.raw);
  return hits.map((hit) => ({ id: hit.id, name: hit.name }));
}
