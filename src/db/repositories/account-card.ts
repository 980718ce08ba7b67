// The /account card's read model: everything the card shows, for one account or for the accounts a
// query names exactly, in one SQL statement that returns one JSON document per account.
//
// Hand-written rather than a Prisma `include`: the statement Prisma generates for the same include
// (lateral joins with JSONB built for every column of every related row) costs PostgreSQL several
// times more to plan than to run, and the card is the hottest read of the bot. This one selects only
// the columns the card shows, and runs as a named prepared statement, so it is planned once per
// connection rather than on every lookup (db/prepared-statements.ts).
import type {
  AccountFacts,
  AccountOwner,
  OpenPlaySummary,
  StakeholderSummary,
  SuccessPlanSummary,
  TouchSummary,
} from "../../domain/call-prep.ts";
import type { HealthBand } from "../../domain/health/score.ts";
import type { PreparedStatement, StatementParam, StatementRunner } from "../prepared-statements.ts";
import {
  type AccountSearchHit,
  type ContainingOrCorrected,
  type ContainingOrCorrectedRow,
  containingOrCorrectedOf,
  containingOrCorrectedSql,
  genericPlanSettings,
  topTierSql,
} from "./account-search.ts";
import { slackIdOf, userJsonOf } from "./user-sql.ts";

/** The account's facts (its stage as set, null when derived from the dates) and what the card shows. */
export interface AccountCardRecord extends AccountFacts {
  owner: AccountOwner | null;
  /** By role, then name. */
  stakeholders: StakeholderSummary[];
  /** The newest `recentTouches`, newest first. */
  touches: TouchSummary[];
  /** Plays that are not closed, soonest due first. */
  plays: OpenPlaySummary[];
  successPlan: SuccessPlanSummary | null;
  /** The newest `recentScores`, newest first. */
  scores: { date: Date; score: number; band: HealthBand; reasons: string[] }[];
}

const recentTouches = 6;
// One score per account and day, so the newest 40 reach back at least 39 days: enough for the trend
// against 30 days ago, without a date filter that would hide an account whose latest score is older.
const recentScores = 40;

/** Dates and timestamps arrive as JSON text: "2026-11-23" for a date, "2026-11-23T10:31:36.909" (UTC) for a timestamp. */
type Wire<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : Wire<T[K]>;
};

/** The cards of the accounts `where` selects, at most `limit`, one row each: {...} as JSON text. */
function cardSql(where: string, limit: string): string {
  return `
    SELECT json_build_object(
      'id', a.id, 'externalId', a."externalId", 'name', a.name, 'segment', a.segment, 'arr', a.arr::text,
      'contractStart', a."contractStart", 'renewalDate', a."renewalDate", 'stage', a.stage, 'plan', a.plan,
      'seatsPurchased', a."seatsPurchased",
      'owner', ${userJsonOf('a."ownerId"')},
      'stakeholders', (
        SELECT coalesce(json_agg(json_build_object('name', s.name, 'title', s.title, 'role', s.role,
                 'sentiment', s.sentiment, 'lastContactOn', s."lastContactOn") ORDER BY s.role, s.name), '[]')
        FROM "Stakeholder" s WHERE s."accountId" = a.id),
      'touches', (
        SELECT coalesce(json_agg(t), '[]') FROM (
          SELECT t.kind, t."occurredAt", t.summary, t."nextStep", ${slackIdOf('t."authorId"')} AS "authorSlackId"
          FROM "Touch" t
          WHERE t."accountId" = a.id ORDER BY t."occurredAt" DESC LIMIT ${recentTouches}) t),
      'plays', (
        SELECT coalesce(json_agg(p), '[]') FROM (
          SELECT p.id, p.kind, p.reason, p.status, p."dueAt", p."snoozedUntil",
                 ${slackIdOf('p."ownerId"')} AS "ownerSlackId", ${slackIdOf('p."claimedById"')} AS "claimedBySlackId"
          FROM "Play" p
          WHERE p."accountId" = a.id AND p.status <> 'closed' ORDER BY p."dueAt", p.id) p),
      'successPlan', (
        SELECT json_build_object('objective', sp.objective, 'goals', (
          SELECT coalesce(json_agg(g ORDER BY g."dueOn" NULLS LAST, g.kpi), '[]') FROM (
            SELECT kpi, target, current, status, "dueOn" FROM "SuccessGoal" WHERE "planId" = sp.id) g))
        FROM "SuccessPlan" sp WHERE sp."accountId" = a.id),
      'scores', (
        SELECT coalesce(json_agg(h), '[]') FROM (
          SELECT h.date, h.score, h.band, h.reasons FROM "HealthScore" h
          WHERE h."accountId" = a.id ORDER BY h.date DESC LIMIT ${recentScores}) h)
    )::text AS card
    FROM "Account" a
    WHERE ${where}
    ORDER BY a.id
    LIMIT ${limit}`;
}

const cardById: PreparedStatement = { name: "account_card_by_id", sql: cardSql("a.id = $1", "1") };

/**
 * A lookup's first statement: the cards of the accounts whose whole name (normalized) or CRM id is
 * exactly the query (at most two: one opens its card), and only when there is not exactly one, the
 * search's top tier (accounts.ts), which a lookup then needs. One statement instead of two, so a lookup
 * that goes on to search waits for the database once less; a one-time filter skips the top tier when
 * the card is found. $1 the normalized query, $2 the query as typed, $3 the top tier's upper bound
 * (null: no name can start with the query), $4 the number of hits. Each row is {"card": ...} or
 * {"hit": ...}, cards first.
 */
const exactCardsOrTopTierStatement: PreparedStatement = {
  name: "account_lookup_exact_or_top_tier",
  sql: `
    WITH exact AS MATERIALIZED (${cardSql(`a."searchName" = $1 OR a."externalId" = $2`, "2")})
    SELECT '{"card":' || exact.card || '}' FROM exact
    UNION ALL
    SELECT '{"hit":' || t.hit || '}' FROM (${topTierSql("$1", "$3", "$2", "$4")}) t(hit)
    WHERE $3::text IS NOT NULL AND (SELECT count(*) FROM exact) <> 1`,
  settings: genericPlanSettings,
};

/**
 * The search's names containing the query and its spelling correction (accounts.ts), which settles a
 * misspelt name typed in full with the card of the account it names: such a name then takes two
 * statements, as a name typed right takes one. $1 the normalized query, $2 the query as typed, $3 the
 * number of hits.
 */
const containingOrCorrectedWithCardStatement: PreparedStatement = {
  name: "account_search_containing_or_corrected_with_card",
  sql: containingOrCorrectedSql("$1", "$2", "$3", (where) => cardSql(where, "1")),
  settings: genericPlanSettings,
};

export interface ContainingOrCorrectedWithCard extends ContainingOrCorrected {
  /** The card of the one account whose whole name is the corrected query, when that settled the search. */
  correctedCard: AccountCardRecord | undefined;
}

/** See the statement: what searchAccounts reads past the top tier, and the corrected name's card. */
export async function containingOrCorrectedWithCard(
  reads: StatementRunner,
  key: string,
  rawQuery: string,
  limit: number,
): Promise<ContainingOrCorrectedWithCard> {
  const rows = await reads.jsonRows<ContainingOrCorrectedRow & { correctedCard?: Wire<AccountCardRecord> }>(
    containingOrCorrectedWithCardStatement,
    [key, rawQuery, limit],
  );
  const card = rows.find((row) => row.correctedCard)?.correctedCard;
  return { ...containingOrCorrectedOf(rows), correctedCard: card && fromWire(card) };
}

async function cards(
  reads: StatementRunner,
  statement: PreparedStatement,
  params: StatementParam[],
): Promise<AccountCardRecord[]> {
  const rows = await reads.jsonRows<Wire<AccountCardRecord>>(statement, params);
  return rows.map(fromWire);
}

export async function accountCardRecord(
  reads: StatementRunner,
  accountId: string,
): Promise<AccountCardRecord | null> {
  const [card] = await cards(reads, cardById, [accountId]);
  return card ?? null;
}

export interface LookupStart {
  /** The accounts the query names exactly, with what their cards show (at most two). */
  exact: AccountCardRecord[];
  /** The search's top tier, read when `exact` does not hold exactly one account. */
  topTier: AccountSearchHit[] | undefined;
}

/** See the statement: the exact cards, or else also the search's top tier. */
export async function exactCardsOrTopTier(
  reads: StatementRunner,
  key: string,
  rawQuery: string,
  upper: string | null,
  limit: number,
): Promise<LookupStart> {
  const rows = await reads.jsonRows<{ card?: Wire<AccountCardRecord>; hit?: AccountSearchHit }>(
    exactCardsOrTopTierStatement,
    [key, rawQuery, upper, limit],
  );
  const exact = rows.flatMap((row) => (row.card ? [fromWire(row.card)] : []));
  return {
    exact,
    topTier: exact.length === 1 ? undefined : rows.flatMap((row) => (row.hit ? [row.hit] : [])),
  };
}

function utc(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);
}
const utcOrNull = (text: string | null) => (text === null ? null : utc(text));

function fromWire(card: Wire<AccountCardRecord>): AccountCardRecord {
  return {
    ...card,
    contractStart: utcOrNull(card.contractStart),
    renewalDate: utcOrNull(card.renewalDate),
    stakeholders: card.stakeholders.map((s) => ({ ...s, lastContactOn: utcOrNull(s.lastContactOn) })),
    touches: card.touches.map((t) => ({ ...t, occurredAt: utc(t.occurredAt) })),
    plays: card.plays.map((p) => ({ ...p, dueAt: utc(p.dueAt), snoozedUntil: utcOrNull(p.snoozedUntil) })),
    successPlan: card.successPlan && {
      objective: card.successPlan.objective,
      goals: card.successPlan.goals.map((g) => ({ ...g, dueOn: utcOrNull(g.dueOn) })),
    },
    scores: card.scores.map((s) => ({ ...s, date: utc(s.date) })),
  };
}
