// The account search: ranked, typo- and accent-tolerant lookups by name or CRM id, in SQL, since that is
// what the database's trigram indexes are for.
import { prefixUpperBound } from "../../domain/search-text.ts";
import type { Db } from "./types.ts";

export interface AccountSearchHit {
  id: string;
  externalId: string;
  name: string;
  /** Decimal as text ("120000.50"). */
  arr: string | null;
  ownerSlackId: string | null;
  rank: number;
  exact: boolean;
}

/** How many hits a search returns at most: the pick-list's length. */
export const searchLimit = 10;

/** A hit's columns, of the account `a`. */
const hitColumns = `a.id, a."externalId", a.name, a.arr::text AS arr,
  (SELECT u."slackUserId" FROM "User" u WHERE u.id = a."ownerId") AS "ownerSlackId"`;

/**
 * The top tier: the exact name or CRM id (rank 4), then names that start with the query (rank 3), from
 * the prefix index alone (name, ARR and id are in it). A short query ("acme") starts hundreds of names,
 * which the ranked search below would read row by row. $1 the normalized query, $2 the first text after
 * every name that starts with it, $3 the query as typed, $4 the number of hits.
 */
const topTierSql = `
  WITH candidates AS (
    SELECT e.id, e.arr, e.name, true AS exact FROM "Account" e
    WHERE e."searchName" = $1 OR lower(e."externalId") = lower($3)
    UNION ALL
    (SELECT p.id, p.arr, p.name, false FROM "Account" p
     WHERE p."searchName" ~>=~ $1 AND p."searchName" ~<~ $2
     ORDER BY p.arr DESC, p.name ASC LIMIT $4)),
  top AS (
    SELECT * FROM (SELECT DISTINCT ON (c.id) c.id, c.exact FROM candidates c ORDER BY c.id, c.exact DESC) d)
  SELECT ${hitColumns}, top.exact, (CASE WHEN top.exact THEN 4 ELSE 3 END)::float8 AS rank
  FROM top JOIN "Account" a ON a.id = top.id
  ORDER BY top.exact DESC, a.arr DESC, a.name ASC LIMIT $4`;

/**
 * Names that contain the query, or the CRM id typed in any case, best first: the exact name or id, then
 * names that start with the query, names with a word that starts with it, names that contain it. The
 * GIN trigram index answers LIKE '%key%', a b-tree on lower("externalId") the id. $1 the normalized
 * query, $2 the query as typed, $3 the number of hits.
 */
const containingSql = `
  SELECT ${hitColumns}, m.exact, m.rank FROM "Account" a
  CROSS JOIN LATERAL (SELECT a."searchName" = $1 OR lower(a."externalId") = lower($2) AS exact) e
  CROSS JOIN LATERAL (
    SELECT e.exact, (CASE WHEN e.exact THEN 4 WHEN a."searchName" LIKE $1 || '%' THEN 3
                          WHEN a."searchName" LIKE '% ' || $1 || '%' THEN 2 ELSE 1 END)::float8 AS rank) m
  WHERE a."searchName" LIKE '%' || $1 || '%' OR lower(a."externalId") = lower($2)
  ORDER BY m.rank DESC, a.arr DESC, a.name ASC LIMIT $3`;

/**
 * The query with each word replaced by itself when a name has it or a word that starts with it (the
 * start of a word is being typed, not misspelt), else by the closest word the names
 * have (pg_trgm similarity at least 0.3, through SearchWord's GIN index): a few thousand short words
 * are searched instead of every name, the approach pg_trgm's documentation gives for misspelt words.
 * Null when a word has no such neighbour. $1 the normalized query.
 */
const correctionSql = `
  SELECT CASE WHEN bool_and(w.word IS NOT NULL) THEN string_agg(w.word, ' ' ORDER BY w.n) END AS corrected
  FROM (
    SELECT q.n, COALESCE(
      (SELECT s.word FROM "SearchWord" s WHERE s.word = q.word),
      (SELECT q.word FROM "SearchWord" s WHERE s.word LIKE q.word || '%' LIMIT 1),
      (SELECT s.word FROM "SearchWord" s WHERE s.word % q.word
       ORDER BY similarity(s.word, q.word) DESC, s.word ASC LIMIT 1)) AS word
    FROM unnest(string_to_array($1, ' ')) WITH ORDINALITY AS q(word, n)) w`;

/**
 * Names that only look like the query (pg_trgm word similarity), best first, leaving out the names
 * that contain it. Word similarity is expensive per row, which the planner does not know: through the
 * index instead, with sequential scans off for this statement. $1 the normalized query, $2 the query as
 * typed, $3 the number of hits.
 */
const alikeSql = `
  WITH top AS (
    SELECT l.id, word_similarity($1, l."searchName")::float8 AS rank FROM "Account" l
    WHERE $1 <% l."searchName" AND NOT (l."searchName" LIKE '%' || $1 || '%' OR lower(l."externalId") = lower($2))
    ORDER BY rank DESC, l.arr DESC, l.name ASC LIMIT $3)
  SELECT ${hitColumns}, false AS exact, top.rank FROM top JOIN "Account" a ON a.id = top.id
  ORDER BY top.rank DESC, a.arr DESC, a.name ASC`;

/** Names that look like the query when nothing matched, at a looser trigram threshold, still indexed. */
const closestSql = `
  SELECT a.name FROM "Account" a WHERE a."searchName" % $1
  ORDER BY similarity($1, a."searchName") DESC, a.name ASC LIMIT $2`;

/**
 * Runs `sql` with planner or pg_trgm settings that hold for it alone (`set_config(..., true)` lasts
 * until the transaction ends). Names and values come from this file, never from a user.
 */
async function withSettings<T>(
  db: Db,
  settings: Record<string, string>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const set = Object.entries(settings).map(([name, value]) => `set_config('${name}', '${value}', true)`);
  const statements = [
    db.$queryRawUnsafe(`SELECT ${set.join(", ")}`),
    db.$queryRawUnsafe<T[]>(sql, ...params),
  ];
  // Inside a transaction already, the settings hold to its end; else the two run as one.
  if ("$transaction" in db) return (await db.$transaction(statements))[1] as T[];
  for (const statement of statements.slice(0, -1)) await statement;
  return (await statements[statements.length - 1]) as T[];
}

export interface AccountSearch {
  hits: AccountSearchHit[];
  /** The query with its misspelt words corrected, when the look-alikes were found with it. */
  correctedQuery: string | null;
}

/**
 * Ranked search over name and CRM id, best first (see the statements above); within a rank, the larger
 * ARR first. Names containing the query outrank every look-alike, so look-alikes are searched only when
 * fewer than `limit` names contain the query. Look-alikes are for typos: the names containing the query
 * with its misspelt words corrected, ranked as above but below every name containing the query as
 * typed; else the names most like the query by word similarity.
 */
export async function searchAccounts(
  db: Db,
  key: string,
  rawQuery: string,
  limit = searchLimit,
): Promise<AccountSearch> {
  const upper = prefixUpperBound(key);
  if (upper !== null) {
    const top = await db.$queryRawUnsafe<AccountSearchHit[]>(topTierSql, key, upper, rawQuery, limit);
    if (top.length >= limit) return { hits: top, correctedQuery: null };
  }
  const containing = await db.$queryRawUnsafe<AccountSearchHit[]>(containingSql, key, rawQuery, limit);
  if (containing.length >= limit) return { hits: containing, correctedQuery: null };
  const [{ corrected } = { corrected: null }] = await db.$queryRawUnsafe<{ corrected: string | null }[]>(
    correctionSql,
    key,
  );
  if (corrected !== null && corrected !== key) {
    const found = new Set(containing.map((hit) => hit.id));
    const alike = (await db.$queryRawUnsafe<AccountSearchHit[]>(containingSql, corrected, rawQuery, limit))
      .filter((hit) => !found.has(hit.id))
      .slice(0, limit - containing.length)
      // Below every name that contains the query as typed (rank 1 and up). The name the corrected query
      // is in full stays exact: a misspelt name typed in full, which nothing contains as typed, then
      // opens its card, as the name typed right does.
      .map((hit) => ({ ...hit, rank: hit.rank / 10 }));
    if (alike.length) return { hits: [...containing, ...alike], correctedQuery: corrected };
  }
  const alike = await withSettings<AccountSearchHit>(db, { enable_seqscan: "off" }, alikeSql, [
    key,
    rawQuery,
    limit - containing.length,
  ]);
  return { hits: [...containing, ...alike], correctedQuery: null };
}

export async function closestAccountNames(db: Db, key: string, limit = 3): Promise<string[]> {
  const rows = await withSettings<{ name: string }>(
    db,
    { "pg_trgm.similarity_threshold": "0.15" },
    closestSql,
    [key, limit],
  );
  return rows.map((row) => row.name);
}
