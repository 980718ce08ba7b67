// Sharing a card is deliberate and stays inside the team; plays keep their owners; refusals are audited
// and `csm audit` shows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSharesFullCard } from "../../src/services/share-settings.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { clickAs, type Message, playClicks, slashAs, textOf } from "../helpers/card-clicks.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aPlay, aStakeholder, aTouch, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { botToken, type RunningApp, startRunningApp } from "../helpers/running-app.ts";

describe(`sharing a card on ${testEngine}`, () => {
  let running: RunningApp;
  let accountId: string;

  beforeAll(async () => {
    running = await startRunningApp();
    const prisma = running.db.prisma;
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    await aUser(prisma, { slackUserId: "UOMAR0001", name: "Omar Reyes" });
    const account = await anAccount(prisma, {
      name: "Acme Corporation",
      ownerId: maria.id,
      arr: "120000.50",
    });
    accountId = account.id;
    await aStakeholder(prisma, account.id, { name: "Dana Whitfield", sentiment: "negative" });
    await aTouch(prisma, account.id, { authorId: maria.id, summary: "Invoice 60 days overdue, CFO upset" });
    await prisma.healthScore.create({
      data: {
        accountId,
        date: new Date("2026-11-22T00:00:00Z"),
        score: 34,
        band: "red",
        subScores: {},
        reasons: ["invoice 60 days overdue"],
        missingSignals: [],
      },
    });
    running.slack.addConversation({ id: "CINTERNAL1", kind: "channel" });
    running.slack.addConversation({ id: "CCONNECT1", kind: "channel", extShared: true });
    running.slack.addConversation({
      id: "GMPIMOUT1",
      kind: "mpim",
      members: ["UMARIA001", "UOMAR0001", "UNOTTEAM1"],
    });
    running.slack.addUser({ id: "UNOTTEAM1", realName: "Ann Exec" });
  });
  afterAll(async () => running?.stop());

  const share = (channelId: string, actionId = "account_share") =>
    clickAs(running, "UMARIA001", { actionId, value: accountId, channelId });

  it("shows a private preview first, then posts the redacted card on confirmation", async () => {
    const preview = await share("CINTERNAL1");
    expectWithinSlackLimits(preview, "message");
    expect(preview).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(preview.text).toContain("This is what will be posted");
    expect(running.slack.responses.filter((r) => r.body.response_type === "in_channel")).toEqual([]);

    const sent = await running.requests.blockAction({
      userId: "UMARIA001",
      actionId: "account_share_confirm",
      value: accountId,
      channelId: "CINTERNAL1",
    });
    const posted = (
      await running.slack.waitForResponse(
        (r) => r.id === sent.responseId && r.body.response_type === "in_channel",
      )
    ).body as Message;
    expectWithinSlackLimits(posted, "message");
    const text = textOf(posted);
    expect(text).toContain("$120K");
    expect(text).not.toContain("120,000");
    expect(text).not.toMatch(/🙁|Invoice 60 days overdue|invoice 60 days overdue/);
    expect(text).toContain("details for the team in `/account`");
    expect(text).toContain("Shared by <@UMARIA001>");
    // The preview showed exactly this card.
    expect(textOf(preview)).toContain(JSON.stringify(posted.blocks).slice(1, -1));
  });

  it("refuses a Slack Connect channel, and posts nothing", async () => {
    for (const actionId of ["account_share", "account_share_confirm"]) {
      const answer = await share("CCONNECT1", actionId);
      expect(answer.text).toMatch(/shared with another organisation \(Slack Connect\)/);
    }
    expect(running.slack.responses.filter((r) => r.body.response_type === "in_channel")).toHaveLength(1);
  });

  it("refuses a group message with someone not on the team, and audits it", async () => {
    const answer = await share("GMPIMOUT1");
    expect(answer.text).toMatch(/Someone in this conversation is not on the team/);
    const rows = await running.db.prisma.auditLog.findMany({
      where: { action: "access.refused", entityId: "UMARIA001" },
    });
    expect(rows.map((row) => row.changes)).toContainEqual({
      request: "share GMPIMOUT1",
      reason: "outsider_in_conversation",
    });
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UNOTTEAM1" } })).toBe(0);
  });

  it("posts the full card when an admin chose so, and the choice is audited", async () => {
    await setSharesFullCard(running.db, { userId: null, label: "cli:admin", source: "cli" }, true);
    const preview = await share("CINTERNAL1");
    expect(textOf(preview)).toContain("$120,000.50");
    expect(
      await running.db.prisma.auditLog.findMany({ where: { action: "setting.share_card" } }),
    ).toMatchObject([{ actorLabel: "cli:admin", changes: { fullCard: [false, true] } }]);
    await setSharesFullCard(running.db, { userId: null, label: "cli:admin", source: "cli" }, false);
  });
});

describe(`plays keep their owners, on ${testEngine}`, () => {
  let running: RunningApp;
  let card: Message;
  let playId: string;

  beforeAll(async () => {
    running = await startRunningApp();
    const prisma = running.db.prisma;
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    await aUser(prisma, { slackUserId: "UALEX0001", name: "Alex Kim" });
    const account = await anAccount(prisma, { name: "Acme Corporation", ownerId: maria.id });
    playId = (await aPlay(prisma, account.id, { ownerId: maria.id })).id;
    card = await slashAs(running, "/account", "Acme Corporation", "UALEX0001");
  });
  afterAll(async () => running?.stop());

  it("a claimer cannot reassign the play, not even to themselves", async () => {
    const clicks = playClicks(card, "UALEX0001");
    await clickAs(running, "UALEX0001", clicks.claim);
    const answer = await clickAs(running, "UALEX0001", clicks.reassign);
    expect(answer.text).toBe(
      "Only Maria Lopez (<@UMARIA001>), their manager or an admin can reassign this play; claiming it is not enough.",
    );
    expect(await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } })).toMatchObject({
      status: "claimed",
    });
  });

  it("the owner cannot hand it to an id Slack does not know", async () => {
    const answer = await clickAs(running, "UMARIA001", playClicks(card, "UGHOST0001").reassign);
    expect(answer.text).toBe(
      "Slack does not know <@UGHOST0001>: the play stays where it is. Pick someone on the team.",
    );
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UGHOST0001" } })).toBe(0);
  });

  it("nor to a full member not on the team; each refusal is audited", async () => {
    running.slack.addUser({ id: "UNOTTEAM1", realName: "Ann Exec" });
    const answer = await clickAs(running, "UMARIA001", playClicks(card, "UNOTTEAM1").reassign);
    expect(answer.text).toMatch(/^Ann Exec \(<@UNOTTEAM1>\) is not on the team/);
    const rows = await running.db.prisma.auditLog.findMany({
      where: { action: "access.refused", entityId: { in: ["UALEX0001", "UMARIA001"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((row) => [row.actorLabel, (row.changes as { request: string }).request])).toEqual([
      ["UALEX0001", `play.reassign ${playId}`],
      ["UMARIA001", `play.reassign ${playId}`],
      ["UMARIA001", `play.reassign ${playId}`],
    ]);
  });
});

describe(`adding people and reading the audit log from the CLI, on ${testEngine}`, () => {
  let slack: FakeSlack;
  let cli: CliSandbox;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({ id: "UNEWCSM01", realName: "Nora New" });
    slack.addUser({ id: "UGUEST0001", isRestricted: true });
    slack.addUser({
      id: "UPARTNER1",
      realName: "Pat Partner",
      email: "pat@partner.example",
      teamId: "T0PARTNER",
    });
    cli = await cliSandbox({ SLACK_BOT_TOKEN: botToken, SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await cli?.destroy();
    await slack?.close();
  });

  it("adds a full member with a role, refuses a guest and an unknown id, and audits the addition", async () => {
    const added = await cli.run("users", "add", "UNEWCSM01", "--role", "csm");
    expect(added).toMatchObject({ code: 0, stdout: "Nora New (UNEWCSM01) is on the team, as csm.\n" });
    const guest = await cli.run("users", "add", "UGUEST0001");
    expect(guest).toMatchObject({
      code: 1,
      stderr: "csm: UGUEST0001 is a guest of the workspace; guests never get access to the bot\n",
    });
    expect((await cli.run("users", "add", "UGHOST0001")).stderr).toBe(
      "csm: Slack knows no user UGHOST0001\n",
    );

    const audit = await cli.run("audit", "--user", "UNEWCSM01", "--since", "2020-01-01");
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(
      /^WHEN\tWHO\tFROM\tACTION\tON\tCHANGES\n.*\tcli:.*\tcli\tuser\.add\tUser \S+\t\{"role":\[null,"csm"\]\}\n$/,
    );
    expect((await cli.run("audit", "--since", "yesterday")).code).toBe(2);
  });

  it("refuses someone from another organisation (Slack Connect), by id or by email, and writes nothing", async () => {
    const byId = await cli.run("users", "add", "UPARTNER1", "--role", "csm");
    expect(byId).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "csm: UPARTNER1 belongs to another organisation's Slack workspace (T0PARTNER), as people in Slack Connect channels do; people from outside never get access to the bot\n",
    });
    const byEmail = await cli.run("users", "add", "pat@partner.example");
    expect(byEmail.code).toBe(1);
    expect(byEmail.stderr).toMatch(
      /^csm: pat@partner\.example belongs to another organisation's Slack workspace \(T0PARTNER\)/,
    );
    // The workspace is asked of Slack with the bot token, once per command.
    const asked = slack.callsTo("auth.test");
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((call) => call.token === botToken)).toBe(true);
    await cli.inspect(async (db) => {
      expect(await db.prisma.user.count({ where: { slackUserId: "UPARTNER1" } })).toBe(0);
      // Only the addition of the first test.
      expect(await db.prisma.auditLog.count({ where: { action: "user.add" } })).toBe(1);
    });
  });

  it("adds nobody when Slack does not say which workspace the bot token belongs to", async () => {
    slack.addUser({ id: "UNEWCSM02", realName: "Nico New" });
    slack.failNext("auth.test", "invalid_auth");
    const failed = await cli.run("users", "add", "UNEWCSM02");
    expect(failed).toMatchObject({
      code: 1,
      stderr:
        "csm: Slack did not say which workspace the bot token belongs to (auth.test: invalid_auth), so UNEWCSM02 cannot be checked; nobody was added\n",
    });
    await cli.inspect(async (db) => {
      expect(await db.prisma.user.count({ where: { slackUserId: "UNEWCSM02" } })).toBe(0);
    });
  });
});
