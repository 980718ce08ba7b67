// The demo book belongs to whoever tries the bot: `csm seed --demo --owner` names them (by Slack id, or
// by email through Slack), and /account and /plays in Slack then show them their accounts and plays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { startRunningApp } from "../helpers/running-app.ts";

type Message = { text?: string; blocks?: unknown[] };

/** The app on the sandbox's database, for one Slack user's /account and /plays. */
async function inSlack(db: Database, slackUserId: string, account: string) {
  const running = await startRunningApp({ database: db });
  try {
    const card = JSON.parse(
      (await running.requests.command("/account", account, { userId: slackUserId })).body,
    ) as Message;
    const plays = JSON.parse(
      (await running.requests.command("/plays", "", { userId: slackUserId })).body,
    ) as Message;
    expectWithinSlackLimits(card, "message");
    expectWithinSlackLimits(plays, "message");
    return { card: JSON.stringify(card), plays: JSON.stringify(plays) };
  } finally {
    await running.stop();
  }
}

describe(`csm seed --demo --owner <Slack id>, on ${testEngine}`, () => {
  let cli: CliSandbox;

  beforeAll(async () => {
    cli = await cliSandbox();
  });
  afterAll(async () => {
    await cli?.destroy();
  });

  it("refuses a command line it cannot read, with exit code 2", async () => {
    for (const argv of [
      ["seed", "--owner", "UOWNER0001"],
      ["seed", "--demo", "--owner"],
      ["seed", "--demo", "x"],
    ]) {
      const run = await cli.run(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain("seed --demo [--owner <slack-id|email>]");
    }
  });

  it("refuses an email without SLACK_BOT_TOKEN, adding no one to the team", async () => {
    const run = await cli.run("seed", "--demo", "--owner", "ana@company.example");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("csm: --owner ana@company.example: ");
    expect(run.stderr).toContain("without SLACK_BOT_TOKEN");
    expect(await cli.inspect((db) => db.prisma.user.count())).toBe(0);
  });

  it("gives the whole book to the one owner: /account shows them as owner and /plays lists the plays", async () => {
    const run = await cli.run("seed", "--demo", "--owner", "UOWNER0001");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/36 accounts and \d+ open plays owned by UOWNER0001/);
    const openPlays = Number(/and (\d+) open plays/.exec(run.stdout)?.[1]);
    await cli.inspect(async (db) => {
      const users = await db.prisma.user.findMany({ include: { _count: { select: { accounts: true } } } });
      expect(users.map((user) => [user.slackUserId, user.role, user._count.accounts])).toEqual([
        ["UOWNER0001", "csm", 36],
      ]);
      const slack = await inSlack(db, "UOWNER0001", "Acme Corporation");
      expect(slack.card).toContain("<@UOWNER0001>");
      expect(slack.card).not.toContain("UDEMO");
      expect(slack.plays).toContain(`Your open plays: ${openPlays} on `);
    });
  });
});

describe(`csm seed --demo --owner <email> --owner <email>, on ${testEngine}`, () => {
  let slack: FakeSlack;
  let cli: CliSandbox;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({
      id: "ULEAD00001",
      realName: "Lee Lead",
      email: "lee@company.example",
      tz: "Europe/Paris",
    });
    slack.addUser({ id: "UCSM000001", realName: "Cam Csm", email: "cam@company.example", tz: "Asia/Tokyo" });
    cli = await cliSandbox({ SLACK_BOT_TOKEN: "xoxb-cli-test", SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await cli?.destroy();
    await slack?.close();
  });

  it("says which email Slack does not know, and seeds nothing", async () => {
    const run = await cli.run(
      "seed",
      "--demo",
      "--owner",
      "lee@company.example",
      "--owner",
      "nobody@company.example",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("csm: --owner nobody@company.example: no Slack user has the email");
    expect(await cli.inspect((db) => db.prisma.account.count())).toBe(0);
  });

  it("shares the book out, the first owner leading the team, each seeing their own plays", async () => {
    const run = await cli.run(
      "seed",
      "--demo",
      "--owner",
      "lee@company.example",
      "--owner=cam@company.example",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "owned by Lee Lead (ULEAD00001) and Cam Csm (UCSM000001); Lee Lead (ULEAD00001) leads",
    );
    expect(slack.callsTo("users.lookupByEmail").map((call) => call.args.email)).toContain(
      "cam@company.example",
    );
    await cli.inspect(async (db) => {
      const team = await db.prisma.user.findMany({
        orderBy: { slackUserId: "asc" },
        include: { manager: true, _count: { select: { accounts: true, ownedPlays: true } } },
      });
      expect(
        team.map((user) => [user.slackUserId, user.name, user.role, user.manager?.slackUserId ?? null]),
      ).toEqual([
        ["UCSM000001", "Cam Csm", "csm", "ULEAD00001"],
        ["ULEAD00001", "Lee Lead", "manager", null],
      ]);
      for (const user of team) {
        expect(user._count.accounts, user.slackUserId).toBe(18);
        expect(user._count.ownedPlays, user.slackUserId).toBeGreaterThan(0);
      }
      const audited = await db.prisma.auditLog.findMany({ where: { entityType: "User" } });
      expect(audited.map((entry) => entry.action).sort()).toEqual(["user.manager", "user.role"]);
      // Acme Corporation is the book's second account, so it went to the second owner.
      const cam = await inSlack(db, "UCSM000001", "Acme Corporation");
      expect(cam.card).toContain("<@UCSM000001>");
      expect(cam.plays).toContain(`Your open plays: ${team[0]?._count.ownedPlays} on `);
      const lee = await inSlack(db, "ULEAD00001", "Acme Corporation");
      expect(lee.plays).toContain(`Your open plays: ${team[1]?._count.ownedPlays} on `);
    });
  });
});
