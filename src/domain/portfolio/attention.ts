// Which accounts of a book need the CSM first (the App Home's list): a renewal past due with no outcome,
// then red, late plays, a renewal inside the window with no commit, yellow; the most ARR first among
// equals. Each account says why it is there, in the words a CSM scans.
import { daysBetween, renewalWindowDays } from "../lifecycle.ts";
import { centsOf } from "../money.ts";
import { bandOf, type PortfolioAccount } from "./summary.ts";

export interface AttentionAccount extends PortfolioAccount {
  overduePlays: number;
}

export interface AttentionLine<A extends AttentionAccount = AttentionAccount> {
  account: A;
  /** Most pressing first: "renewal 12 days past due", "red", "2 plays overdue". */
  reasons: string[];
}

const arrCents = (account: PortfolioAccount) => (account.arr === null ? 0n : centsOf(account.arr));

/** The accounts with at least one reason, most pressing first; accounts with none are left out. */
export function byAttention<A extends AttentionAccount>(
  accounts: readonly A[],
  today: Date,
): AttentionLine<A>[] {
  const ranked = accounts.flatMap((account) => {
    const days = account.renewalDate ? daysBetween(today, account.renewalDate) : null;
    const band = bandOf(account);
    const pastDue = days !== null && days < 0;
    const uncommitted =
      days !== null && days >= 0 && days <= renewalWindowDays && account.renewalCommit !== "committed";
    const reasons = [
      ...(pastDue ? [`renewal ${-(days as number)} days past due`] : []),
      ...(band === "red" ? ["red"] : []),
      ...(account.overduePlays
        ? [`${account.overduePlays} ${account.overduePlays === 1 ? "play" : "plays"} overdue`]
        : []),
      ...(uncommitted
        ? [`renews in ${days} days, ${account.renewalCommit === "at_risk" ? "at risk" : "no commit"}`]
        : []),
      ...(band === "yellow" ? ["yellow"] : []),
    ];
    if (reasons.length === 0) return [];
    const weight =
      (pastDue ? 16 : 0) +
      (band === "red" ? 8 : 0) +
      (account.overduePlays ? 4 : 0) +
      (uncommitted ? 2 : 0) +
      (band === "yellow" ? 1 : 0);
    return [{ line: { account, reasons }, weight }];
  });
  ranked.sort((a, b) => {
    if (a.weight !== b.weight) return b.weight - a.weight;
    const [x, y] = [arrCents(a.line.account), arrCents(b.line.account)];
    return x === y ? a.line.account.name.localeCompare(b.line.account.name) : x > y ? -1 : 1;
  });
  return ranked.map((r) => r.line);
}

/**
 * Weekly points of a score history, oldest first: the latest score on or before each of the `weeks`
 * week ends up to `today`; null where there was none yet.
 */
export function weeklyScores(
  history: readonly { date: Date; score: number }[],
  today: Date,
  weeks: number,
): (number | null)[] {
  const sorted = [...history].sort((a, b) => a.date.getTime() - b.date.getTime());
  return Array.from({ length: weeks }, (_, i) => {
    const end = today.getTime() - (weeks - 1 - i) * 7 * 86_400_000;
    let latest: number | null = null;
    for (const point of sorted) if (point.date.getTime() <= end) latest = point.score;
    return latest;
  });
}
