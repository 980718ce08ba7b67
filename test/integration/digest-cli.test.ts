// `csm digest` and `csm users digest` as an operator runs them, against the fake Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

describe(`csm digest on ${testEngine}`, () => {
  let cli: CliSandbox;
  let slack: FakeSlack;
  const posts = () => slack.callsTo("chat.postMessage").filter((call) => call.status === 200);

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({ id: "UMARIA001", tz: "Europe/Paris", realName: "Maria Lopez" });
    cli = await cliSandbox({ SLACK_BOT_TOKEN: "xoxb-test-0000-cli", SLACK_API_URL: slack.apiUrl });
    await cli.run("db", "migrate");
    await cli.inspect(async ({ prisma }) => {
      const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
      const acme = await anAccount(prisma, { name: "Acme Corporation", ownerId: maria.id });
      await aHealthScore(prisma, acme.id, { band: "red", score: 28, date: new Date() });
      await aPlay(prisma, acme.id, { kind: "save", ownerId: maria.id, reason: "Health red (28)" });
    });
  });
  afterAll(async () => {
    await cli?.destroy();
    await slack?.close();
  });

  it("refuses a wrong command line with exit 2 and the reason", async () => {
    for (const [argv, reason] of [
      [["digest"], /expected: digest --now/],
      [
        ["digest", "--now", "--date", "2026-02-30"],
        /--date takes a real date as YYYY-MM-DD, not "2026-02-30"/,
      ],
      [["digest", "--now", "--user", "maria"], /--user takes a Slack user id/],
      [["digest", "--now", "--loud"], /unexpected "--loud"/],
      [["users", "digest", "UMARIA001", "--time", "25:00"], /--time: "25:00" is no time of day/],
      [["users", "digest", "UMARIA001", "--channel", "#cs-team"], /--channel: "#cs-team" is no channel id/],
      [["users", "digest", "UMARIA001", "--tz", "Paris"], /--tz: "Paris" is no time zone/],
    ] as const) {
      const run = await cli.run(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toMatch(reason);
    }
  });

  it("shows and changes a person's digest settings, with an audit row", async () => {
    const shown = await cli.run("users", "digest", "UMARIA001");
    expect(shown.stdout).toBe(
      "Maria Lopez (UMARIA001): digest at 08:30 (Europe/Berlin, from Slack) on Mon, Tue, Wed, Thu, Fri, as a direct message.\n",
    );
    const changed = await cli.run(
      ...["users", "digest", "UMARIA001", "--time", "7:15", "--days", "sun-thu", "--tz", "Asia/Dubai"],
      ...["--channel", "C0DIGEST1", "--pause-until", "2026-12-24"],
    );
    expect(changed.stdout).toBe(
      "Maria Lopez (UMARIA001): digest at 07:15 (Asia/Dubai, set by hand) on Mon, Tue, Wed, Thu, Sun, in <#C0DIGEST1> (C0DIGEST1); paused until 2026-12-24.\n",
    );
    const back = await cli.run(
      "users",
      "digest",
      "UMARIA001",
      "--channel",
      "dm",
      "--tz",
      "slack",
      "--pause-until",
      "off",
      "--json",
    );
    expect(JSON.parse(back.stdout)).toMatchObject({
      user: "UMARIA001",
      channelId: null,
      timeZoneSetByHand: false,
      pausedUntil: null,
    });
    await cli.inspect(async ({ prisma }) => {
      expect(await prisma.auditLog.count({ where: { action: "user.digest_settings" } })).toBe(2);
    });
  });

  it("prints a dry run as readable text, or as Block Kit with --json, and writes and posts nothing", async () => {
    const dry = await cli.run("digest", "--now", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("UMARIA001");
    expect(dry.stdout).toContain("Acme Corporation");
    expect(dry.stdout).toMatch(/Dry run: 1 digest built, nothing written or posted\./);
    const json = await cli.run("digest", "--now", "--dry-run", "--json");
    const [first] = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      user: "UMARIA001",
      blocks: expect.arrayContaining([expect.objectContaining({ type: "header" })]),
    });
    expect(posts()).toHaveLength(0);
    await cli.inspect(async ({ prisma }) => expect(await prisma.digest.count()).toBe(0));
  });

  it("posts now, whatever the day, once for a date unless --force, and counts what happened", async () => {
    const sent = await cli.run("digest", "--now", "--date", "2026-12-13");
    expect(sent.stderr).toBe("");
    expect(sent.stdout).toMatch(/UMARIA001 2026-12-13: sent in DMARIA001/);
    expect(sent.stdout).toMatch(/Digests: 1 sent, 0 skipped, 0 failed\./);
    const again = await cli.run("digest", "--now", "--date", "2026-12-13");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/skipped \(already sent for this date\)/);
    expect((await cli.run("digest", "--now", "--date", "2026-12-13", "--force")).stdout).toMatch(/1 sent/);
    expect(posts()).toHaveLength(2);
  });

  it("exits 1 when a digest could not go out, and the log says why", async () => {
    await cli.run("users", "digest", "UMARIA001", "--channel", "C0GONE001");
    slack.failNext("chat.postMessage", "channel_not_found");
    slack.failNext("chat.postMessage", "user_not_found");
    const failed = await cli.run("digest", "--now", "--date", "2026-12-14", "--user", "UMARIA001");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/Digests: 0 sent, 0 skipped, 1 failed\./);
    const log = await cli.run("digest", "log", "--date", "2026-12-14");
    expect(log.stdout).toBe(
      "UMARIA001 (Maria Lopez) csm: failed in UMARIA001: C0GONE001: channel_not_found; direct message: user_not_found\n",
    );
  });
});
