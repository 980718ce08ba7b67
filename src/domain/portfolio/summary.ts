// A book at a glance (/portfolio, the App Home): what it is worth, how healthy it is, which renewals are
// up or past due with no outcome, and how many plays are late. Pure: the book as read now in, the
// summary out; the view decides how much of each list fits.
import { daysBetween, renewalWindowDays } from "../lifecycle.ts";
import { centsOf, fromCents } from "../money.ts";
import { isOverdue } from "../plays/urgency.ts";

export type PortfolioBand = "red" | "yellow" | "green" | "unknown";
export const portfolioBands: readonly PortfolioBand[] = ["red", "yellow", "green", "unknown"];

export interface PortfolioAccount {
  id: string;
  name: string;
  /** Decimal string; null when unknown. */
  arr: string | null;
  renewalDate: Date | null;
  renewalCommit: "committed" | "at_risk" | "unknown" | null;
  /** The latest score's band; null when the account has never been scored. */
  band: string | null;
}

export interface PortfolioPlay {
  id: string;
  kind: string;
  dueAt: Date;
  accountId: string;
  accountName: string;
}

export interface RenewalLine {
  id: string;
  name: string;
  arr: string | null;
  renewalDate: Date;
  /** Days to the renewal date; negative once it has passed. */
  daysLeft: number;
  commit: PortfolioAccount["renewalCommit"];
}

export interface PortfolioSummary {
  accounts: number;
  /** The sum of the known ARR, decimal string. */
  arr: string;
  unknownArrAccounts: number;
  bands: { band: PortfolioBand; accounts: number; arr: string }[];
  /** Renewal dates from today to the end of the renewal window, soonest first. */
  renewalsSoon: RenewalLine[];
  /** Renewal dates that have passed with no outcome recorded (an outcome rolls the date forward). */
  renewalsPastDue: RenewalLine[];
  overduePlays: PortfolioPlay[];
}

export function bandOf(account: Pick<PortfolioAccount, "band">): PortfolioBand {
  const band = account.band;
  return band === "red" || band === "yellow" || band === "green" ? band : "unknown";
}

/** The known ARR of these accounts or renewals, summed to the cent; unknown counts as nothing. */
export const sumArr = (items: readonly { arr: string | null }[]) =>
  fromCents(items.reduce((sum, a) => sum + (a.arr === null ? 0n : centsOf(a.arr)), 0n));

export function summarizePortfolio(
  accounts: readonly PortfolioAccount[],
  plays: readonly PortfolioPlay[],
  today: Date,
  now: Date,
): PortfolioSummary {
  const renewals = accounts.flatMap((account) =>
    account.renewalDate
      ? [
          {
            id: account.id,
            name: account.name,
            arr: account.arr,
            renewalDate: account.renewalDate,
            daysLeft: daysBetween(today, account.renewalDate),
            commit: account.renewalCommit,
          },
        ]
      : [],
  );
  renewals.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name));
  return {
    accounts: accounts.length,
    arr: sumArr(accounts),
    unknownArrAccounts: accounts.filter((a) => a.arr === null).length,
    bands: portfolioBands.map((band) => {
      const inBand = accounts.filter((a) => bandOf(a) === band);
      return { band, accounts: inBand.length, arr: sumArr(inBand) };
    }),
    renewalsSoon: renewals.filter((r) => r.daysLeft >= 0 && r.daysLeft <= renewalWindowDays),
    renewalsPastDue: renewals.filter((r) => r.daysLeft < 0),
    overduePlays: plays
      .filter((play) => isOverdue(play.dueAt, now))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
  };
}
