// The account search: ranked, typo- and accent-tolerant lookups by name or CRM id, in SQL, since that is
// what the database's trigram indexes are for.
import { prefixUpperBound } from "../../domain/search-text.ts";
import type { PreparedStatement, StatementRunner } from "../prepared-statements.ts";
import { slackIdOf } from "./user-sql.ts";

export interface AccountSearchHit {
  id: string;
  externalId: string;
  name: string;
  arr: string;
  ownerSlackId: string | null;
  rank: number;
  exact: boolean;
}

/** A search hit of the account `a` names, as JSON text (AccountSearchHit); the owner is read by key. */
function hitJsonSql(a: string, exact: string, rank: string): string {
  return `json_build_object('id', ${a}.id, 'externalId', ${a}."externalId", 'name', ${a}.name, 'arr', ${a}.arr::text,
                            'ownerSlackId', ${slackIdOf(`${a}."ownerId"`)}, 'exact', ${exact}, 'rank', ${rank})::text`;
}

/**
 * Names that contain the query, or the CRM id typed in any case, best first: `key` the normalized
 * query, `raw` the query as typed (a CRM id in any case), `limit` the number of hits (placeholders of
 * the statement it is part of). LIKE costs little per row, so any plan will do (genericPlanSettings).
 */
function containingSql(key: string, raw: string, limit: string): string {
  return `
    SELECT ${hitJsonSql("a", "m.exact", "m.rank")}
    FROM "Account" a
    CROSS JOIN LATERAL (SELECT a."searchName" = ${key} OR lower(a."externalId") = lower(${raw}) AS exact) e
    CROSS JOIN LATERAL (
      SELECT e.exact,
             (CASE WHEN e.exact THEN 4
                   WHEN a."searchName" LIKE ${key} || '%' THEN 3
                   WHEN a."searchName" LIKE '% ' || ${key} || '%' THEN 2
                   ELSE 1 END)::float8 AS rank) m
    WHERE a."searchName" LIKE '%' || ${key} || '%' OR lower(a."externalId") = lower(${raw})
    ORDER BY m.rank DESC, a.arr DESC, a.name ASC LIMIT ${limit}`;
}

/**
 * Names that only look like the query (pg_trgm word similarity, for typos), best first: $1 the
 * normalized query, $2 the query as typed (a CRM id in any case), $3 the number of hits. The names that contain
 * the query, which rank above every look-alike, are left out: the caller has them already. Word
 * similarity is expensive per row, which the planner does not know: for a broad query it would read
 * every row and compute it for each (very slow in PGlite). Through the index instead, with sequential
 * scans off for this statement only; the similarity is computed once per candidate, and the owner is
 * read only for the hits shown.
 */
const namesAlike: PreparedStatement = {
  name: "account_search_alike",
  sql: `
    WITH top AS (
      SELECT l.id, l.arr, l.name, word_similarity($1, l."searchName")::float8 AS rank FROM "Account" l
      WHERE $1 <% l."searchName"
        AND NOT (l."searchName" LIKE '%' || $1 || '%' OR lower(l."externalId") = lower($2))
      ORDER BY rank DESC, l.arr DESC, l.name ASC LIMIT $3)
    SELECT ${hitJsonSql("a", "false", "top.rank")}
    FROM top JOIN "Account" a ON a.id = top.id
    ORDER BY top.rank DESC, top.arr DESC, top.name ASC`,
  settings: { enable_seqscan: "off" },
};

/**
 * The names that contain the query, best first, and when they are fewer than the limit, spelling
 * correction and the names that contain the corrected query, in one statement: `key` the normalized
 * query, `raw` the query as typed, `limit` the number of hits (placeholders of the statement it is
 * part of). Each word of the query becomes itself when an account's name has it, else the closest word
 * the names have (pg_trgm similarity at least 0.3, the GIN index on SearchWord), else null: a few
 * thousand short words are searched instead of every name, the approach pg_trgm's documentation gives
 * for misspelt words. The corrected query is null when a word could not be corrected or none needed
 * it. One-time filters skip what is not needed. Rows: {"hit": ...} best first, then {"corrected": ...},
 * then {"correctedHit": ...} best first, then {"correctedCard": ...}.
 *
 * A misspelt name typed in full is settled here: when nothing contains the query as typed and exactly
 * one account's whole name is the corrected query, that account is the only corrected hit (the
 * lookup's rule opens it: it ranks above every other corrected hit, none of which is exact) and
 * {"correctedCard": ...} is its card, from `cardSql` (the card's SQL for the accounts a condition on
 * `a` selects, account-card.ts). The names containing the corrected query, the costliest part of a
 * typo's search, are then not searched.
 */
export function containingOrCorrectedSql(
  key: string,
  raw: string,
  limit: string,
  cardSql: (where: string) => string,
): string {
  const correcting =
    "CASE WHEN (SELECT yes FROM short) THEN (SELECT key FROM useful) IS NOT NULL ELSE false END";
  const when = (settled: boolean) =>
    `CASE WHEN ${correcting} THEN ${settled ? "" : "NOT "}(SELECT yes FROM settled) ELSE false END`;
  return `
    WITH containing(hit) AS MATERIALIZED (${containingSql(key, raw, limit)}),
    short AS MATERIALIZED (SELECT count(*) < ${limit} AS yes FROM containing),
    words AS MATERIALIZED (
      SELECT q.n, COALESCE(
        (SELECT s.word FROM "SearchWord" s WHERE s.word = q.word),
        (SELECT s.word FROM "SearchWord" s WHERE s.word % q.word
         ORDER BY similarity(s.word, q.word) DESC, s.word ASC LIMIT 1)) AS word
      FROM unnest(string_to_array(${key}, ' ')) WITH ORDINALITY AS q(word, n)),
    corrected AS MATERIALIZED (
      SELECT CASE WHEN bool_and(w.word IS NOT NULL) THEN string_agg(w.word, ' ' ORDER BY w.n) END AS key
      FROM words w),
    useful AS MATERIALIZED (SELECT NULLIF(c.key, ${key}) AS key FROM corrected c),
    named AS MATERIALIZED (SELECT n.id FROM "Account" n WHERE n."searchName" = (SELECT key FROM useful) LIMIT 2),
    settled AS MATERIALIZED (SELECT NOT EXISTS (SELECT FROM containing) AND (SELECT count(*) FROM named) = 1 AS yes)
    SELECT '{"hit":' || c.hit || '}' FROM containing c
    UNION ALL
    SELECT '{"corrected":' || COALESCE(to_json(u.key)::text, 'null') || '}' FROM useful u
    WHERE (SELECT yes FROM short)
    UNION ALL
    SELECT '{"correctedHit":' || h.hit || '}'
    FROM (${containingSql("(SELECT key FROM useful)", raw, limit)}) h(hit)
    WHERE ${when(false)}
    UNION ALL
    SELECT '{"correctedHit":' || ${hitJsonSql("a", "true", "4")} || '}'
    FROM "Account" a WHERE a.id IN (SELECT id FROM named) AND ${when(true)}
    UNION ALL
    SELECT '{"correctedCard":' || c.card || '}'
    FROM (${cardSql("a.id IN (SELECT id FROM named)")}) c(card) WHERE ${when(true)}`;
}

/** The names containing the query, and what its spelling correction finds (containingOrCorrectedSql). */
export interface ContainingOrCorrected {
  containing: AccountSearchHit[];
  corrected: string | null;
  correctedHits: AccountSearchHit[];
}

/** The rows of containingOrCorrectedSql, among others' (which it leaves out). */
export type ContainingOrCorrectedRow = {
  hit?: AccountSearchHit;
  corrected?: string | null;
  correctedHit?: AccountSearchHit;
};

/** Reads the names containing the query and what its correction finds (account-card.ts has the lookup's). */
export type ContainingReader = (
  reads: StatementRunner,
  key: string,
  rawQuery: string,
  limit: number,
) => Promise<ContainingOrCorrected>;

export function containingOrCorrectedOf(rows: readonly ContainingOrCorrectedRow[]): ContainingOrCorrected {
  return {
    containing: rows.flatMap((row) => (row.hit ? [row.hit] : [])),
    corrected: rows.find((row) => "corrected" in row)?.corrected ?? null,
    correctedHits: rows.flatMap((row) => (row.correctedHit ? [row.correctedHit] : [])),
  };
}

/**
 * The search statements' planner settings: their generic plan is kept. Every branch has an index and
 * costs little per row, so any plan will do, and planning on every lookup costs more than running.
 */
export const genericPlanSettings = { plan_cache_mode: "force_generic_plan" };

/**
 * The top tier alone: the exact name or CRM id (rank 4) and names that start with the query (rank 3).
 * Its parameters are placeholders of the statement it is part of: `key` the normalized query, `upper`
 * the first text after every name that starts with it, `raw` the query as typed (a CRM id in any case),
 * `limit` the number of hits. The names come from Account_searchName_prefix_idx alone
 * (name, ARR and id are in the index), and only the hits shown are read from the table. A short query
 * ("acme") starts hundreds of names spread over the whole table, which the statements above read
 * row by row. Of those the sort keeps the first `limit` by ARR and name, from the index's columns
 * alone: the exact ones (the name is the query, or the CRM id) are read apart, by key, so that
 * nothing is computed for each of the hundreds (that was a third of the statement's time).
 */
export function topTierSql(key: string, upper: string, raw: string, limit: string): string {
  return `
    WITH by_id AS MATERIALIZED (SELECT i.id FROM "Account" i WHERE lower(i."externalId") = lower(${raw})),
    candidates AS (
      SELECT e.id, e.arr, e.name, true AS exact FROM "Account" e WHERE e."searchName" = ${key}
      UNION ALL
      SELECT i.id, i.arr, i.name, true FROM "Account" i WHERE i.id IN (SELECT id FROM by_id)
      UNION ALL
      (SELECT p.id, p.arr, p.name, false FROM "Account" p
       WHERE p."searchName" ~>~ ${key} AND p."searchName" ~<~ ${upper}
       ORDER BY p.arr DESC, p.name ASC LIMIT ${limit})),
    top AS (
      SELECT * FROM (SELECT DISTINCT ON (c.id) c.id, c.arr, c.name, c.exact FROM candidates c ORDER BY c.id, c.exact DESC) d
      ORDER BY d.exact DESC, d.arr DESC, d.name ASC LIMIT ${limit})
    SELECT ${hitJsonSql("a", "top.exact", "CASE WHEN top.exact THEN 4 ELSE 3 END")}
    FROM top JOIN "Account" a ON a.id = top.id
    ORDER BY top.exact DESC, top.arr DESC, top.name ASC`;
}

const namesStartingWith: PreparedStatement = {
  name: "account_search_prefix",
  sql: topTierSql("$1", "$2", "$3", "$4"),
  settings: genericPlanSettings,
};

/** How many hits a search returns at most: the pick-list's length. */
export const searchLimit = 10;

export interface AccountSearch {
  hits: AccountSearchHit[];
  /** The query with its misspelt words corrected, when the look-alikes were found with it. */
  correctedQuery: string | null;
}

/**
 * Ranked search over name and CRM id, best first: the exact name or id, then names that start with the
 * query, names with a word that starts with it, names that contain it, and last names that only look
 * like it. Within a rank, the larger ARR first.
 *
 * Look-alikes are for typos. The query's misspelt words are corrected to words the names have, and
 * the names containing the corrected query, ranked as above, are the look-alikes; when no word needed
 * correcting, one could not be corrected, or the corrected query finds nothing (words out of order, a
 * missing space), the look-alikes are the names most like the query by pg_trgm word similarity.
 *
 * Every branch has an index: the GIN trigram index on searchName answers LIKE '%key%' and the
 * word-similarity operator <%, a b-tree on lower("externalId") the CRM id in any case, SearchWord's the
 * corrections. Names containing the query outrank every look-alike, so look-alikes are only searched
 * when fewer than `limit` names contain the query, and the names containing it only when fewer than
 * `limit` start with it. Word similarity over every name is the expensive part (on PGlite 2.5-3 ms,
 * against about 1 ms for a correction and its search), so it comes last.
 */
export async function searchAccounts(
  reads: StatementRunner,
  key: string,
  rawQuery: string,
  {
    readContaining,
    limit = searchLimit,
    topTier,
  }: {
    /** Reads the names containing the query and what its correction finds. */
    readContaining: ContainingReader;
    limit?: number;
    /** The top tier, when it was read already (with the exact cards, account-card.ts). */
    topTier?: AccountSearchHit[];
  },
): Promise<AccountSearch> {
  // The query as typed is also compared with every CRM id, whole and ignoring case (a b-tree on
  // lower("externalId")): `lower(id) = lower(query)` costs one index probe, where an ILIKE through a
  // trigram index on the id cost 0.07-0.15 ms per statement on PGlite.
  // Enough names in the top tier answer the search: nothing below it could be shown.
  const upper = prefixUpperBound(key);
  if (upper !== null) {
    const top =
      topTier ?? (await reads.jsonRows<AccountSearchHit>(namesStartingWith, [key, upper, rawQuery, limit]));
    if (top.length >= limit) return { hits: top, correctedQuery: null };
  }
  const { containing, corrected, correctedHits } = await readContaining(reads, key, rawQuery, limit);
  if (containing.length >= limit) return { hits: containing, correctedQuery: null };
  if (corrected !== null) {
    const found = new Set(containing.map((hit) => hit.id));
    const alike = correctedHits
      .filter((hit) => !found.has(hit.id))
      .slice(0, limit - containing.length)
      // Look-alikes: not what was typed, and below every name that contains it (rank 1 and up). The name
      // the corrected query is in full stays exact: a misspelt name typed in full, which nothing contains
      // as typed, then opens its card, as the name typed right does.
      .map((hit) => ({ ...hit, rank: hit.rank / 10 }));
    if (alike.length) return { hits: [...containing, ...alike], correctedQuery: corrected };
  }
  const alike = await reads.jsonRows<AccountSearchHit>(namesAlike, [
    key,
    rawQuery,
    limit - containing.length,
  ]);
  return { hits: [...containing, ...alike], correctedQuery: null };
}

/** Names that look like the query when nothing matched: a looser trigram threshold, still indexed. */
const closestNames: PreparedStatement = {
  name: "account_closest_names",
  sql: `
    SELECT to_json(a.name)::text FROM "Account" a
    WHERE a."searchName" % $1
    ORDER BY similarity($1, a."searchName") DESC, a.name ASC
    LIMIT $2`,
  settings: { "pg_trgm.similarity_threshold": "0.15" },
};

export function closestAccountNames(reads: StatementRunner, key: string, limit = 3): Promise<string[]> {
  return reads.jsonRows<string>(closestNames, [key, limit]);
}
