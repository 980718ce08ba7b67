import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/domain/csv-records.ts";
import { parseLedgerCsv } from "../../src/domain/ledger-csv.ts";

const problemsOf = (...lines: string[]) =>
  parseLedgerCsv(["external_id,date,type,amount,reason", ...lines].join("\n")).problems.map(formatProblem);

describe("reading an ARR ledger file", () => {
  it("reads each movement with its type, churn kind, reason and amount in cents, dates in any row order", () => {
    const { rows, problems } = parseLedgerCsv(
      [
        "Account ID,Effective Date,Movement Type,ARR Change,Churn Reason",
        'A-1,2026-05-01,Churn (voluntary),"$1,200.50",price',
        "A-1,2026-01-01,New,1200.5,",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.kind, r.churnType, r.cents, r.reason])).toEqual([
      [2, "churn", "voluntary", 120050n, "price"],
      [3, "new", null, 120050n, null],
    ]);
  });

  it("rounds an amount with more than two decimals to the cent, half to even", () => {
    const { rows } = parseLedgerCsv(
      [
        "external_id,date,type,amount",
        "A,2026-01-01,new,0.125",
        "B,2026-01-01,new,0.135",
        "C,2026-01-01,new,0.1251",
      ].join("\n"),
    );
    expect(rows.map((r) => r.cents)).toEqual([12n, 14n, 13n]);
  });

  it("names the line and column of every bad cell", () => {
    expect(
      problemsOf("A,2026-02-30,growth,-5,", "B,,churn,100,", "C,2026-01-01,new,1.5k,", ",2026-01-01,new,0,"),
    ).toEqual([
      "line 2, column date: 2026-02-30 is not a real date",
      'line 2, column type: "growth" is not a movement type; use new, expansion, contraction, churn_voluntary, churn_involuntary or reactivation',
      'line 2, column amount: "-5" is negative; amounts are positive, the type (contraction, churn) gives the direction',
      'line 3, column type: "churn" does not say whether it was voluntary: use churn_voluntary or churn_involuntary',
      "line 3, column date: the date is blank",
      'line 4, column amount: "1.5k" is abbreviated; write the full amount in dollars',
      "line 5, column amount: the amount is 0; a movement changes the ARR",
      "line 5, column external_id: the external id is blank",
    ]);
  });

  it("reports rows that do not make a ledger: a partial churn, a new on top of ARR, a reactivation without churn", () => {
    expect(
      problemsOf(
        "A,2026-01-01,new,1000,",
        "A,2026-02-01,new,500,",
        "A,2026-03-01,churn_involuntary,900,",
        "A,2026-03-02,contraction,1000,",
        "B,2026-01-01,reactivation,10,",
        "C,2026-01-01,expansion,10,",
      ),
    ).toEqual([
      "line 3, column type: the account already has $1,000 ARR on 2026-02-01; use expansion",
      "line 4, column amount: a churn takes the whole ARR, which is $1,000 on 2026-03-01, not $900",
      "line 5, column amount: a contraction of $1,000 leaves nothing of the $1,000 ARR on 2026-03-02; a loss of all of it is a churn",
      "line 6, column type: the account has no churn before 2026-01-01; use new",
      "line 7, column type: the account has no ARR on 2026-01-01; use new or reactivation",
    ]);
  });

  it("says which required column the header lacks", () => {
    expect(parseLedgerCsv("external_id,date,amount\nA,2026-01-01,5").problems.map(formatProblem)).toEqual([
      "line 1, column type: no type column (also read from: Movement Type, Kind); the header has: external_id, date, amount",
    ]);
  });
});
