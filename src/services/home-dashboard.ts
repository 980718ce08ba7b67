// The App Home as a dashboard: the headline numbers of the book shown, its accounts by attention with
// their health trend, its renewals up or past due, and (on a person's own book) their open plays by
// account. A manager sees the team first and can switch to each CSM; an admin can switch to any book.
import type { DataAccess } from "../db/client.ts";
import { scoreHistories } from "../db/repositories/digest-book.ts";
import { accountHolders, type BookHolder, reportsOf } from "../db/repositories/users.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { type AttentionLine, byAttention, weeklyScores } from "../domain/portfolio/attention.ts";
import type { PortfolioAccount, RenewalLine } from "../domain/portfolio/summary.ts";
import type { TeamMember } from "../domain/team.ts";
import { type AccountPlaysListing, listAccountPlaysFor } from "./play-listing.ts";
import { type BookPortfolio, bookPortfolios } from "./portfolio.ts";

/** Which book the Home shows: the person's own, their team, or one CSM's (by Slack id). */
export type HomeSelection = "own" | "team" | { csm: string };

export interface HomeAccount extends PortfolioAccount {
  overduePlays: number;
  ownerSlackId: string;
  /** Weekly health scores, oldest first, for the sparkline. */
  trend: (number | null)[];
}

export interface HomeDashboard {
  /** What is shown, resolved: a selection the person may no longer make falls back to their default. */
  selection: HomeSelection;
  holder: BookHolder | null;
  book: Omit<BookPortfolio, "holder">;
  /** Team and company views: one book per CSM. */
  members: BookPortfolio[];
  /** The books the person may switch to; empty when they have only their own. */
  choices: BookHolder[];
  attention: AttentionLine<HomeAccount>[];
  renewals: (RenewalLine & { ownerSlackId: string })[];
  /** The person's own plays, on their own book only. */
  plays: AccountPlaysListing[];
}

export const homeLimits = { attention: 10, renewals: 8, trendWeeks: 8 };
const dayMs = 86_400_000;

export async function homeDashboard(
  db: DataAccess,
  user: TeamMember,
  asked: HomeSelection | undefined,
  now: Date,
): Promise<HomeDashboard> {
  const self: BookHolder = { id: user.id, slackUserId: user.slackUserId, name: user.name };
  const reports = await reportsOf(db.client, user.id);
  const choices = user.role === "admin" ? await accountHolders(db.client) : reports;
  const teamView = reports.length > 0 || (user.role === "admin" && choices.length > 0);
  const csm = typeof asked === "object" ? choices.find((c) => c.slackUserId === asked.csm) : undefined;
  const selection: HomeSelection = csm
    ? { csm: csm.slackUserId }
    : asked === "own" || !teamView
      ? "own"
      : "team";
  const team = reports.length > 0 ? [self, ...reports] : choices;
  const holders = selection === "team" ? team : [csm ?? self];
  const total: BookHolder = { id: "", slackUserId: "", name: "team" };
  const books = await bookPortfolios(db, holders, now, selection === "team" ? total : undefined);
  const [book, ...rest] = books as [BookPortfolio, ...BookPortfolio[]];
  const members = selection === "team" ? rest.filter((b, i) => i > 0 || b.summary.accounts > 0) : [];
  const ownerOf = new Map(
    (selection === "team" ? rest : [book]).flatMap((b) =>
      b.accounts.map((a) => [a.id, b.holder.slackUserId]),
    ),
  );
  const today = utcDay(now);
  const overdue = new Map<string, number>();
  for (const play of book.summary.overduePlays)
    overdue.set(play.accountId, (overdue.get(play.accountId) ?? 0) + 1);
  const ranked = byAttention(
    book.accounts.map((a) => ({ ...a, overduePlays: overdue.get(a.id) ?? 0 })),
    today,
  ).slice(0, homeLimits.attention);
  const since = new Date(today.getTime() - homeLimits.trendWeeks * 7 * dayMs);
  const [history, plays] = await Promise.all([
    scoreHistories(
      db.client,
      ranked.map((r) => r.account.id),
      since,
    ),
    selection === "own" ? listAccountPlaysFor(db.client, user, now) : Promise.resolve([]),
  ]);
  const attention = ranked.map(({ account, reasons }) => ({
    reasons,
    account: {
      ...account,
      ownerSlackId: ownerOf.get(account.id) ?? "",
      trend: weeklyScores(
        history.filter((h) => h.accountId === account.id),
        today,
        homeLimits.trendWeeks,
      ),
    },
  }));
  const renewals = [...book.summary.renewalsPastDue, ...book.summary.renewalsSoon]
    .slice(0, homeLimits.renewals)
    .map((r) => ({ ...r, ownerSlackId: ownerOf.get(r.id) ?? "" }));
  return {
    selection,
    holder: selection === "team" ? null : (csm ?? self),
    book,
    members,
    choices: teamView ? choices : [],
    attention,
    renewals,
    plays,
  };
}
