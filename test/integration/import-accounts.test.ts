import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

const book = [
  "Account ID,Account Name,Account Owner,Annual Recurring Revenue,Contract Start Date,Renewal Date,Segment,Digest Channel",
  'ACC-001,Acme Corporation,UMARIA001,"$120,000.50",2026-01-10,2027-01-10,Enterprise,C0DIGEST1',
  "ACC-002,Globex Industries,UMARIA001,48000,2026-06-01,2027-06-01,mid-market,C0DIGEST1",
  "ACC-003,Initech,jo@example.com,9600.00,2026-10-01,2027-10-01,smb,",
].join("\r\n");

describe("csm import accounts", () => {
  let slack: FakeSlack;
  let cli: CliSandbox;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({
      id: "UMARIA001",
      name: "maria",
      realName: "Maria Lopez",
      tz: "Europe/Madrid",
      email: "maria@example.com",
    });
    slack.addUser({
      id: "UJO000001",
      name: "jo",
      realName: "Jo Park",
      tz: "Asia/Seoul",
      email: "jo@example.com",
    });
    cli = await cliSandbox({ SLACK_BOT_TOKEN: "xoxb-cli-test", SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await cli?.destroy();
    await slack?.close();
  });

  it("loads a Salesforce-style export with a BOM and CRLF, resolving owners by id and email", async () => {
    const file = cli.file("book.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(book)]));
    const run = await cli.run("import", "accounts", file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 created, 0 updated, 0 unchanged/);
    expect(slack.callsTo("users.lookupByEmail")[0]?.args.email).toBe("jo@example.com");

    await cli.inspect(async ({ prisma }) => {
      const acme = await prisma.account.findUniqueOrThrow({
        where: { externalId: "ACC-001" },
        include: { owner: true },
      });
      expect(acme.arr?.toFixed(2)).toBe("120000.50");
      expect(acme.segment).toBe("enterprise");
      expect(acme.owner).toMatchObject({
        slackUserId: "UMARIA001",
        name: "Maria Lopez",
        timeZone: "Europe/Madrid",
        role: "csm",
      });
      expect(acme.owner?.digestChannelId).toBe("C0DIGEST1");
      const initech = await prisma.account.findUniqueOrThrow({
        where: { externalId: "ACC-003" },
        include: { owner: true },
      });
      expect(initech.owner).toMatchObject({ slackUserId: "UJO000001", digestChannelId: null });
      const opening = await prisma.arrMovement.findMany({ where: { accountId: acme.id } });
      expect(opening).toHaveLength(1);
      expect(opening[0]).toMatchObject({ kind: "new", source: "accounts_import" });
      expect(opening[0]?.amount.toFixed(2)).toBe("120000.50");
      expect(opening[0]?.effectiveDate.toISOString().slice(0, 10)).toBe("2026-01-10");
      // Vacuumed and analyzed after the import (PGlite has no autovacuum): the planner knows the rows.
      const [stats] = await prisma.$queryRaw<{ reltuples: number }[]>`
        SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'Account'`;
      expect(stats?.reltuples).toBe(3);
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await cli.inspect(async ({ prisma }) => ({
      audit: await prisma.auditLog.count(),
      movements: await prisma.arrMovement.count(),
      updatedAt: (await prisma.account.findUniqueOrThrow({ where: { externalId: "ACC-001" } })).updatedAt,
    }));
    const run = await cli.run("import", "accounts", cli.file("again.csv", book));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 created, 0 updated, 3 unchanged/);
    const after = await cli.inspect(async ({ prisma }) => ({
      audit: await prisma.auditLog.count(),
      movements: await prisma.arrMovement.count(),
      updatedAt: (await prisma.account.findUniqueOrThrow({ where: { externalId: "ACC-001" } })).updatedAt,
    }));
    expect(after).toEqual(before);
  });

  it("records a changed ARR as an expansion or contraction dated the import day", async () => {
    const changed = book.replace('"$120,000.50"', "150000").replace(",48000,", ",40000,");
    const run = await cli.run("import", "accounts", cli.file("changed.csv", changed));
    expect(run.stdout).toMatch(/0 created, 2 updated, 1 unchanged/);
    await cli.inspect(async ({ prisma }) => {
      const movements = await prisma.arrMovement.findMany({
        where: { kind: { in: ["expansion", "contraction"] } },
        include: { account: true },
        orderBy: { kind: "asc" },
      });
      expect(
        movements.map((m) => [m.account.externalId, m.kind, m.amount.toFixed(2), m.arrAfter.toFixed(2)]),
      ).toEqual([
        ["ACC-001", "expansion", "29999.50", "150000.00"],
        ["ACC-002", "contraction", "8000.00", "40000.00"],
      ]);
      const today = new Date().toISOString().slice(0, 10);
      expect(movements.every((m) => m.effectiveDate.toISOString().slice(0, 10) === today)).toBe(true);
      const audit = await prisma.auditLog.findMany({ where: { action: "account.update" } });
      expect(audit).toHaveLength(2);
      expect(audit[0]?.actorLabel).toMatch(/^cli:/);
    });
  });

  it("rejects a file with bad rows whole, naming each line and column, and writes nothing", async () => {
    const bad = [
      "external_id,name,owner,arr,renewal_date,segment",
      "ACC-001,Acme Renamed,UMARIA001,1000,2027-01-10,enterprise",
      "ACC-010,,UMARIA001,abc,2027-02-30,galactic",
      "ACC-011,Nobody Inc,nobody@example.com,100,2027-01-01,smb",
    ].join("\n");
    const before = await cli.inspect(({ prisma }) => prisma.auditLog.count());
    const run = await cli.run("import", "accounts", cli.file("bad.csv", bad));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 3, column name: /m);
    expect(run.stderr).toMatch(/^line 3, column arr: /m);
    expect(run.stderr).toMatch(/^line 3, column renewal_date: /m);
    expect(run.stderr).toMatch(/^line 3, column segment: /m);
    expect(run.stderr).toMatch(/nothing was imported/);
    await cli.inspect(async ({ prisma }) => {
      expect(await prisma.account.findUnique({ where: { externalId: "ACC-010" } })).toBeNull();
      expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "ACC-001" } })).name).toBe(
        "Acme Corporation",
      );
      expect(await prisma.auditLog.count()).toBe(before);
    });
  });

  it("names the line and column of a NUL in a cell, and writes nothing", async () => {
    const file = cli.file("nul.csv", "external_id,name,owner\nACC-030,Nul\u0000 Corp,UMARIA001\n");
    const run = await cli.run("import", "accounts", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^line 2, column name: contains a NUL character \(U\+0000\) at character 4; remove it$/m,
    );
    expect(run.stderr).not.toMatch(/prisma|\n\s+at /i);
    expect(
      await cli.inspect(({ prisma }) => prisma.account.count({ where: { externalId: "ACC-030" } })),
    ).toBe(0);
  });

  it("reports an owner email no Slack user has, as a row problem", async () => {
    const file = cli.file("ghost.csv", "external_id,name,owner\nACC-020,Ghost Co,ghost@example.com\n");
    const run = await cli.run("import", "accounts", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 2, column owner: no Slack user has the email ghost@example.com/m);
  });

  it("says clearly when the file cannot be read", async () => {
    const run = await cli.run("import", "accounts", "/no/such/file.csv");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("csm: no such file: /no/such/file.csv\n");
  });

  it("manages roles and managers, by Slack id or email, with an audit trail", async () => {
    expect((await cli.run("users", "set-role", "maria@example.com", "manager")).code).toBe(0);
    const refused = await cli.run("users", "set-role", "UMARIA001", "overlord");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/role must be one of viewer, csm, manager, admin/);
    const link = await cli.run("users", "set-manager", "UJO000001", "UMARIA001");
    expect(link.code).toBe(0);
    expect(link.stdout).toMatch(/Jo Park .* now reports to Maria Lopez/);
    const list = await cli.run("users", "list");
    expect(list.stdout).toMatch(/UJO000001\tJo Park\tjo@example.com\tcsm\tMaria Lopez\t1/);
    expect(list.stdout).toMatch(/UMARIA001\tMaria Lopez\t.*\tmanager\t-\t2/);
    await cli.inspect(async ({ prisma }) => {
      expect(await prisma.auditLog.count({ where: { action: { in: ["user.role", "user.manager"] } } })).toBe(
        2,
      );
    });
  });

  it("lists a Slack name with a tab and a newline as one escaped row, and a formula-like one as text", async () => {
    slack.addUser({ id: "UEVE00001", name: "eve", realName: "Eve\tUFORGED01\tadmin\nMallory", tz: "UTC" });
    slack.addUser({ id: "UFORMULA1", name: "f", realName: '=HYPERLINK("http://x.example","hi")', tz: "UTC" });
    const file = cli.file(
      "odd-names.csv",
      "external_id,name,owner\nACC-040,Tab Co,UEVE00001\nACC-041,Formula Co,UFORMULA1\n",
    );
    expect((await cli.run("import", "accounts", file)).code).toBe(0);
    const list = await cli.run("users", "list");
    const rows = list.stdout.trimEnd().split("\n");
    expect(rows.filter((row) => row.includes("UFORGED01"))).toEqual([
      "UEVE00001\tEve\\tUFORGED01\\tadmin\\nMallory\t-\tcsm\t-\t1",
    ]);
    expect(rows.some((row) => row.startsWith("Mallory"))).toBe(false);
    expect(rows).toContain(`UFORMULA1\t'=HYPERLINK("http://x.example","hi")\t-\tcsm\t-\t1`);
    expect(rows.every((row) => row.split("\t").length === 6)).toBe(true);
  });

  it("reports the migration state with db migrate", async () => {
    const run = await cli.run("db", "migrate");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Database is up to date \(\d+ migrations applied\)/);
  });

  it("prints usage and exits 2 for an unknown command", async () => {
    const run = await cli.run("frobnicate");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: csm/);
  });

  it.runIf(testEngine === "pglite")(
    "waits while the bot starts up on the embedded database, then goes on",
    async () => {
      // A bot that holds the data directory but serves no socket yet, as while it starts.
      const lock = cli.file(
        "data/csm.lock",
        JSON.stringify({ pid: process.pid, role: "bot", command: "csm bot", since: "2026-11-23T08:00:00Z" }),
      );
      const { rmSync } = await import("node:fs");
      const running = cli.run("users", "list");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      rmSync(lock, { force: true });
      const run = await running;
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/waiting: the bot \(pid \d+.*\) holds the embedded database/);
    },
  );

  it("imports a book larger than one write chunk whole, and a re-import of it writes nothing", async () => {
    const lines = Array.from(
      { length: 4_500 },
      (_, i) => `BIG-${String(i).padStart(5, "0")},Big Book ${i},UJO000001,${1_000 + i}`,
    );
    const large = ["Account ID,Account Name,Account Owner,ARR", ...lines].join("\n");
    const first = await cli.run("import", "accounts", cli.file("large.csv", large));
    expect(first.stdout).toMatch(/4500 created, 0 updated, 0 unchanged; .* 4,500 ARR movements/);
    const counts = () =>
      cli.inspect(async ({ prisma }) => ({
        accounts: await prisma.account.count({ where: { externalId: { startsWith: "BIG-" } } }),
        movements: await prisma.arrMovement.count({
          where: { account: { externalId: { startsWith: "BIG-" } } },
        }),
        audit: await prisma.auditLog.count(),
      }));
    const before = await counts();
    expect(before).toMatchObject({ accounts: 4_500, movements: 4_500 });
    const again = await cli.run("import", "accounts", cli.file("large-again.csv", large));
    expect(again.stdout).toMatch(/0 created, 0 updated, 4500 unchanged/);
    expect(await counts()).toEqual(before);
  });
});
