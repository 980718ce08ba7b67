// Three years of ARR ledger for the book of book-csv.ts: each account lands three years ago, then moves
// every quarter (an expansion, then a contraction of the same size, in turn), one in twenty churns and
// comes back a quarter later, and a last contraction brings it to the book's ARR, so that the ledger
// sums to it. About 14 movements an account.
import { bookArr } from "./book-csv.ts";

const dayMs = 86_400_000;

export function ledgerCsv(accounts: number, today: Date): { csv: string; rows: number } {
  const lines = ["external_id,date,type,amount,reason"];
  const threeYearsAgo = today.getTime() - 3 * 365 * dayMs;
  for (let i = 0; i < accounts; i++) {
    const id = `ACC-${String(i).padStart(6, "0")}`;
    const arr = bookArr(i);
    const day = (quarter: number) =>
      new Date(threeYearsAgo + (i % 28) * dayMs + quarter * 91 * dayMs).toISOString().slice(0, 10);
    const row = (quarter: number, type: string, amount: number, reason = "") =>
      lines.push(`${id},${day(quarter)},${type},${amount}.00,${reason}`);
    row(0, "new", arr + 3_000);
    for (let quarter = 1; quarter <= 10; quarter++) {
      if (i % 20 === 0 && quarter === 5) row(quarter, "churn_voluntary", arr + 3_000, "budget");
      else if (i % 20 === 0 && quarter === 6) row(quarter, "reactivation", arr + 3_000);
      else row(quarter, quarter % 2 ? "expansion" : "contraction", 1_000);
    }
    row(11, "contraction", 3_000);
  }
  return { csv: lines.join("\n"), rows: lines.length - 1 };
}
