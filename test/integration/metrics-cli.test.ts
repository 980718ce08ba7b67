// `csm import arr` and `csm metrics` over the fixture book: the ledger file replaces what the account
// imports derived, and the metrics come out as worked out by hand in test/unit/metrics.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { aUser } from "../helpers/factories.ts";
import {
  accountsCsv,
  fixtureReport,
  handoverCsv,
  ledgerCsv,
  people,
  period,
  renewalOutcomes,
  surveyReadings,
} from "../helpers/metrics-book.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const anas = ["M-1", "M-2", "M-5", "M-6", "M-8"];
const bens = ["M-3", "M-4", "M-7", "M-9", "M-10"];

describe("csm metrics over the fixture book", () => {
  let cli: CliSandbox;
  const metrics = async (...args: string[]) => {
    const run = await cli.run("metrics", "--from", period.from, "--to", period.to, ...args, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    cli = await cliSandbox();
    const imported = await cli.run("import", "accounts", cli.file("accounts.csv", accountsCsv));
    expect(imported.stderr).toBe("");
    // M-8 moves from Ana to Ben today, after the period.
    expect((await cli.run("import", "accounts", cli.file("handover.csv", handoverCsv))).code).toBe(0);
    await cli.inspect(async ({ prisma }) => {
      const mia = await aUser(prisma, { slackUserId: people.mia, role: "manager" });
      await prisma.user.update({ where: { slackUserId: people.ben }, data: { managerId: mia.id } });
    });
  });
  afterAll(async () => cli?.destroy());

  it("imports the ledger over the account imports' movements, and the same file again changes nothing", async () => {
    const file = cli.file("ledger.csv", ledgerCsv);
    const first = await cli.run("import", "arr", file, "--json");
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toMatchObject({
      rows: 18,
      accounts: 9,
      replaced: 9,
      unchanged: 0,
      mismatches: [],
    });
    const again = await cli.run("import", "arr", file);
    expect(again.stdout).toContain("18 movements for 9 accounts: 0 ledgers replaced, 9 unchanged");
    await cli.inspect(async ({ prisma }) => {
      expect(await prisma.arrMovement.count({ where: { source: "accounts_import" } })).toBe(0);
      const leaver = await prisma.account.findUniqueOrThrow({ where: { externalId: "M-3" } });
      expect(leaver.churnedAt).toEqual(day("2026-04-30"));
      const ids = new Map((await prisma.account.findMany()).map((a) => [a.externalId, a.id]));
      for (const o of renewalOutcomes)
        await prisma.renewalOutcome.create({
          data: {
            accountId: ids.get(o.externalId) as string,
            renewalDate: day(o.renewalDate),
            result: o.result,
            arrBefore: o.arrBefore,
            arrAfter: o.arrAfter,
          },
        });
      for (const r of surveyReadings)
        await prisma.healthSignal.create({
          data: { accountId: ids.get(r.externalId) as string, date: day(r.date), nps: r.nps, csat: r.csat },
        });
    });
  });

  it("prints the company's figures as worked out by hand, in JSON", async () => {
    const company = await metrics();
    expect(company).toEqual({ scope: "company", ...fixtureReport(undefined, 1) });
    expect(company).toMatchObject({
      from: "2025-12-31",
      to: "2026-06-30",
      cohortAccounts: 6,
      retainedAccounts: 4,
      startingArr: 240000.5,
      expansion: 20000.02,
      contraction: 15000,
      churn: 50000.5,
      newArr: 82000,
      nrr: 81.2,
      grr: 72.9,
      churnRate: 20.8,
      expansionRate: 8.3,
      logoRetention: 66.7,
      renewalRateCount: 40,
      renewalRateArr: 70,
      nps: 10.2,
      csat: 4.12,
      unknownArrAccounts: 1,
    });
  });

  it("counts an account in the book of its owner at the end of the period, and a manager's team", async () => {
    // M-8 is Ben's today but was Ana's on 2026-06-30.
    expect(await metrics("--user", people.ana)).toEqual({ scope: people.ana, ...fixtureReport(anas) });
    expect(await metrics("--user", people.ben)).toEqual({ scope: people.ben, ...fixtureReport(bens, 1) });
    expect(await metrics("--team", people.mia)).toEqual({
      scope: `team of ${people.mia}`,
      ...fixtureReport(bens, 1),
    });
    expect(await metrics("--user", people.ana, people.ben)).toMatchObject({ cohortAccounts: 6, nrr: 81.2 });
    expect(await metrics("--segment", "smb")).toMatchObject({ startingArr: 20000.5, nrr: 50, newArr: 12000 });
  });

  it("prints a table, with n/a where a period has no starting ARR", async () => {
    const table = await cli.run("metrics", "--from", period.from, "--to", period.to);
    expect(table.stdout).toMatch(/^NRR\s+81\.2%/m);
    expect(table.stdout).toMatch(/^Renewal rate \(ARR\)\s+70\.0%\s+\$140,000 of \$200,000 up for renewal$/m);
    expect(table.stdout).toContain("1 account with unknown ARR, left out of the money metrics.");
    const empty = await cli.run("metrics", "--from", "2020-01-01", "--to", "2020-12-31");
    expect(empty.stdout).toMatch(/^NRR\s+n\/a/m);
    const json = JSON.parse(
      (await cli.run("metrics", "--from", "2020-01-01", "--to", "2020-12-31", "--json")).stdout,
    );
    expect(json).toMatchObject({ cohortAccounts: 0, nrr: null, grr: null, logoRetention: null });
  });

  it("refuses a wrong command line and a scope that names nobody", async () => {
    const backwards = await cli.run("metrics", "--from", "2026-06-30", "--to", "2026-01-01");
    expect([backwards.code, backwards.stderr]).toEqual([2, expect.stringContaining("is not before --to")]);
    const both = await cli.run("metrics", "--segment", "smb", "--team", people.mia);
    expect(both.code).toBe(2);
    const nobody = await cli.run("metrics", "--user", "UNOBODY01");
    expect([nobody.code, nobody.stderr.trim()]).toEqual([
      1,
      expect.stringMatching(/UNOBODY01 is not on the team/),
    ]);
  });

  it("rejects a ledger with a bad row whole, naming line and column, and warns of ledgers that miss the ARR", async () => {
    const bad = await cli.run(
      "import",
      "arr",
      cli.file(
        "bad.csv",
        ["external_id,date,type,amount", "M-1,2026-01-01,expansion,5", "X-404,2026-01-01,new,5"].join("\n"),
      ),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'line 3, column external_id: no account has the id "X-404"; import the accounts first',
    );
    const short = await cli.run(
      "import",
      "arr",
      cli.file("short.csv", ["external_id,date,type,amount", "M-7,2026-01-01,new,11000"].join("\n")),
    );
    expect(short.code).toBe(0);
    expect(short.stderr).toContain(
      "warning: M-7 (Fresh Start): its ledger sums to $11,000 but its ARR is $12,000",
    );
  });
});
