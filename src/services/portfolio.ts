// /portfolio and the App Home's headline: each book's summary (ARR, bands, renewals, late plays) with
// its trailing-twelve-month NRR and GRR, for one CSM, a manager's team one line per CSM, or the whole
// company for an admin. Every book is read in one pass, however many there are.
import type { DataAccess } from "../db/client.ts";
import { bookAccounts, scoresAsOf } from "../db/repositories/digest-book.ts";
import { openPlaysForUsers } from "../db/repositories/plays.ts";
import { accountHolders, type BookHolder, findUserBySlackId, reportsOf } from "../db/repositories/users.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { trailingTwelveMonths } from "../domain/metrics/period.ts";
import {
  type PortfolioAccount,
  type PortfolioSummary,
  summarizePortfolio,
} from "../domain/portfolio/summary.ts";
import type { TeamMember } from "../domain/team.ts";
import { booksMetrics, type ScopedMetrics } from "./metrics.ts";

export interface BookPortfolio {
  holder: BookHolder;
  summary: PortfolioSummary;
  /** The accounts that are still customers. */
  accounts: PortfolioAccount[];
  /** Trailing twelve months to today. */
  metrics: ScopedMetrics;
}

export type PortfolioRequest =
  | { kind: "book"; book: BookPortfolio }
  | {
      kind: "team";
      title: string;
      total: Omit<BookPortfolio, "holder">;
      books: BookPortfolio[];
      /** Everyone whose accounts make up the team's total. */
      ownerIds: string[];
    }
  | { kind: "refused"; message: string };

const dayMs = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What `/portfolio` shows the caller: a manager their team, an admin with no book and no team the whole
 * company by CSM, anyone else their own book. `who` (a Slack id) asks for one person's book instead.
 */
export async function portfolioFor(
  db: DataAccess,
  caller: TeamMember,
  now: Date,
  who?: string,
): Promise<PortfolioRequest> {
  if (who) {
    const person = await findUserBySlackId(db.client, who);
    if (!person || person.role === "viewer")
      return { kind: "refused", message: `<@${who}> is not a CSM on the team, so has no book to show.` };
    const [book] = await bookPortfolios(db, [person], now);
    return { kind: "book", book: book as BookPortfolio };
  }
  const reports = await reportsOf(db.client, caller.id);
  const self: BookHolder = { id: caller.id, slackUserId: caller.slackUserId, name: caller.name };
  if (reports.length > 0) return teamPortfolio(db, "Your team", [self, ...reports], now, true);
  const [own] = await bookPortfolios(db, [self], now);
  if (caller.role === "admin" && own?.summary.accounts === 0)
    return teamPortfolio(db, "Every book", await accountHolders(db.client), now, false);
  return { kind: "book", book: own as BookPortfolio };
}

async function teamPortfolio(
  db: DataAccess,
  title: string,
  holders: BookHolder[],
  now: Date,
  dropEmptySelf: boolean,
): Promise<PortfolioRequest> {
  const everyone: BookHolder = { id: "", slackUserId: "", name: title };
  const [total, ...books] = await bookPortfolios(db, holders, now, everyone);
  // A manager who owns no accounts is not a line of their own team.
  const lines = dropEmptySelf ? books.filter((b, i) => i > 0 || b.summary.accounts > 0) : books;
  return {
    kind: "team",
    title,
    total: total as BookPortfolio,
    books: lines,
    ownerIds: holders.map((h) => h.id),
  };
}

/** Each holder's book; with `total`, first a book of all of them together. */
export async function bookPortfolios(
  db: DataAccess,
  holders: readonly BookHolder[],
  now: Date,
  total?: BookHolder,
): Promise<BookPortfolio[]> {
  const ids = holders.map((h) => h.id);
  const today = utcDay(now);
  const [accounts, plays] = await Promise.all([
    bookAccounts(db.client, ids),
    openPlaysForUsers(db.client, ids),
  ]);
  const [scores, metrics] = await Promise.all([
    scoresAsOf(
      db.client,
      accounts.map((a) => a.id),
      new Date(today.getTime() + dayMs),
    ),
    booksMetrics(
      db,
      [
        ...(total ? [{ label: total.name ?? "", ownerIds: ids }] : []),
        ...holders.map((h) => ({ label: h.slackUserId, ownerIds: [h.id] })),
      ],
      trailingTwelveMonths(iso(today)),
      iso(today),
    ),
  ]);
  const bandOf = new Map(scores.map((s) => [s.accountId, s.band]));
  const rows = accounts.map((a) => ({
    ownerId: a.ownerId,
    account: {
      id: a.id,
      name: a.name,
      arr: a.arr?.toFixed(2) ?? null,
      renewalDate: a.renewalDate,
      renewalCommit: a.renewalCommit,
      band: bandOf.get(a.id) ?? null,
    } satisfies PortfolioAccount,
  }));
  const books = [...(total ? [{ holder: total, ids: new Set(ids) }] : [])].concat(
    holders.map((holder) => ({ holder, ids: new Set([holder.id]) })),
  );
  return books.map(({ holder, ids: owners }, i) => {
    const mine = rows.filter((r) => r.ownerId !== null && owners.has(r.ownerId)).map((r) => r.account);
    const theirPlays = plays
      .filter((p) => (p.ownerId && owners.has(p.ownerId)) || (p.claimedById && owners.has(p.claimedById)))
      .map((p) => ({
        id: p.id,
        kind: p.kind,
        dueAt: p.dueAt,
        accountId: p.accountId,
        accountName: p.accountName,
      }));
    return {
      holder,
      summary: summarizePortfolio(mine, theirPlays, today, now),
      accounts: mine,
      metrics: metrics[i] as ScopedMetrics,
    };
  });
}
