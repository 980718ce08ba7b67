import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHealthConfig } from "../../src/domain/health/config.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";

const accounts = [
  "external_id,name,owner,contract_start,renewal_date",
  "ACC-1,Acme Corporation,UMARIA001,2026-01-10,2027-01-10",
  "ACC-2,Globex,UMARIA001,2026-03-01,2027-03-01",
].join("\n");

const today = new Date().toISOString().slice(0, 10);

describe("csm import signals and health config", () => {
  let cli: CliSandbox;
  beforeAll(async () => {
    cli = await cliSandbox();
    expect((await cli.run("import", "accounts", cli.file("accounts.csv", accounts))).code).toBe(0);
  });
  afterAll(async () => cli?.destroy());

  it("rejects a signal file with bad rows whole, naming line and CSV column", async () => {
    const file = cli.file(
      "bad.csv",
      `external_id,date,features_used,features_in_plan,tickets_30d\nACC-1,${today},30,25,2\nACC-9,${today},,,\nACC-2,2026-13-01,1,2,x\nACC-2,${today},1,2,3\nACC-2,${today},2,2,3\n`,
    );
    const run = await cli.run("import", "signals", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 2, column features_used: /m);
    expect(run.stderr).toMatch(/^line 3, column external_id: no account has the external id "ACC-9"/m);
    expect(run.stderr).toMatch(/^line 4, column date: /m);
    expect(run.stderr).toMatch(/^line 4, column tickets_30d: /m);
    expect(run.stderr).toMatch(/^line 6, column date: same account and date as line 5$/m);
    expect(run.stderr).not.toMatch(/^line 5/m);
    expect(run.stderr).toMatch(/nothing was imported/);
    expect(await cli.inspect(({ prisma }) => prisma.healthSignal.count())).toBe(0);
  });

  it("names the line and column of a NUL and of an implausible year, as the HTTP ingest does", async () => {
    const file = cli.file("nul.csv", `external_id,date\nACC-1\u0000,${today}\nACC-1,9999-12-31\n`);
    const run = await cli.run("import", "signals", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 2, column external_id: contains a NUL character \(U\+0000\)/m);
    expect(run.stderr).toMatch(/^line 3, column date: 9999 is not a plausible year \(1900 to 2200\)/m);
    expect(run.stderr).not.toMatch(/prisma|\n\s+at /i);
  });

  it("names an unknown column in the header", async () => {
    const run = await cli.run(
      "import",
      "signals",
      cli.file("odd.csv", `external_id,date,logins\nACC-1,${today},3\n`),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 1: unknown column logins/m);
  });

  it("imports CSV and JSON signals, treating absent values as unknown, and re-scores", async () => {
    const csv = cli.file(
      "signals.csv",
      `external_id,date,adoption_pct,invoice_days_overdue\nACC-1,${today},25,45\n`,
    );
    const run = await cli.run("import", "signals", csv);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/Imported 1 signal snapshot for 1 account; re-scored 1/);
    const json = cli.file(
      "signals.json",
      JSON.stringify({ signals: [{ externalId: "ACC-2", date: today, adoptionPct: 90 }] }),
    );
    expect((await cli.run("import", "signals", json)).code).toBe(0);
    await cli.inspect(async ({ prisma }) => {
      const signal = await prisma.healthSignal.findFirstOrThrow({
        where: { account: { externalId: "ACC-1" } },
      });
      expect(signal.tickets30d).toBeNull();
      const plays = await prisma.play.findMany({ where: { account: { externalId: "ACC-1" } } });
      // Two signals known: not enough for a band, so no save play; each red signal still has its play.
      expect(plays.map((p) => p.kind).sort()).toEqual([
        "adoption_workshop",
        "billing_check",
        "second_sponsor",
      ]);
    });
  });

  it("shows the plays' working deadlines with their defaults, and takes a team's own", async () => {
    const shown = JSON.parse((await cli.run("health", "config", "show")).stdout);
    expect(shown.plays).toEqual(defaultHealthConfig.plays);
    expect(shown.plays.claimDeadlineDays).toMatchObject({ save: 7, billing_check: 3 });
    expect(shown.plays).toMatchObject({ defaultClaimDeadlineDays: 7, wakeDueHours: 24 });
    const bad = cli.file("bad-plays.json", JSON.stringify({ plays: { claimDeadlineDays: { save: 0 } } }));
    const refused = await cli.run("health", "config", "set", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /plays\.claimDeadlineDays\.save: must be a whole number of days, 1 or more/,
    );
  });

  it("refuses an invalid health configuration and keeps the old one", async () => {
    const bad = cli.file(
      "bad-health.json",
      JSON.stringify({ thresholds: { adoption: { redBelowPct: 80, greenFromPct: 70 } } }),
    );
    const run = await cli.run("health", "config", "set", bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/thresholds\.adoption\.redBelowPct: must be below greenFromPct/);
    const shown = (await cli.run("health", "config", "show")).stdout;
    expect(shown).toMatch(/"redBelowPct": 40/);
    // Every window and threshold, with its default: staleness, the fresh-signal minimum, the plays'.
    expect(JSON.parse(shown)).toMatchObject({
      freshness: { staleAfterDays: { adoption: 7, payment: 7 }, minimumFreshSignals: 3 },
      thresholds: {
        payment: { playAfterDaysOverdue: 15 },
        nps: { detractorAtOrBelow: 6, dropAtLeast: 30 },
        support: { bySegment: { enterprise: { p1P2RedAt: 4 } } },
      },
    });
  });

  it("saves a new configuration and re-scores every account with it", async () => {
    const lenient = cli.file(
      "health.json",
      JSON.stringify({ thresholds: { adoption: { redBelowPct: 20, greenFromPct: 30 } } }),
    );
    const run = await cli.run("health", "config", "set", lenient);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/re-scored 2 accounts/);
    expect((await cli.run("health", "config", "show")).stdout).toMatch(/"redBelowPct": 20/);
    await cli.inspect(async ({ prisma }) => {
      const workshop = await prisma.play.findFirstOrThrow({ where: { kind: "adoption_workshop" } });
      expect(workshop).toMatchObject({ status: "closed", outcome: "signal_cleared" });
      expect(await prisma.auditLog.count({ where: { action: "settings.health" } })).toBe(1);
    });
  });
});
