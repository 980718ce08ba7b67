// `csm reminders --now`: the renewal calendar's reminders on demand, a dry run that writes nothing, Block
// Kit with --json, and exit codes that say whether every message went out; `csm reminders log`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = new Date().toISOString().slice(0, 10);

describe("csm reminders", () => {
  let cli: CliSandbox;
  let fake: FakeSlack;
  const posts = () => fake.callsTo("chat.postMessage").filter((call) => call.status === 200);

  beforeAll(async () => {
    fake = await FakeSlack.start();
    cli = await cliSandbox({ SLACK_BOT_TOKEN: "xoxb-reminders-cli", SLACK_API_URL: fake.apiUrl });
    expect((await cli.run("db", "migrate")).code).toBe(0);
    await cli.inspect(async ({ prisma }) => {
      const maria = await aUser(prisma, {
        slackUserId: "UMARIA001",
        timeZone: "UTC",
        digestChannelId: "C0RENEW01",
      });
      await anAccount(prisma, {
        name: "Acme Corporation",
        ownerId: maria.id,
        contractStart: day("2026-01-01"),
        renewalDate: day("2027-01-01"),
      });
    });
  });
  afterAll(async () => {
    await cli?.destroy();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it("refuses a wrong command line with exit 2", async () => {
    for (const argv of [
      ["reminders"],
      ["reminders", "--now", "--date", "2026-02-30"],
      ["reminders", "--now", "--soon"],
      ["reminders", "log", "--since", "2026-11-02"],
      ["reminders", "log", "--date", "yesterday"],
    ]) {
      const run = await cli.run(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
    }
    expect((await cli.run("reminders", "--now", "--date", "2026-02-30")).stderr).toContain(
      '--date takes a real date as YYYY-MM-DD, not "2026-02-30"',
    );
  });

  it("--dry-run prints each reminder as text naming the account, and writes and posts nothing", async () => {
    const run = await cli.run("reminders", "--now", "--date", "2026-11-02", "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Acme Corporation commit_check (renewal 2027-01-01) for UMARIA001: built in C0RENEW01",
    );
    expect(run.stdout).toContain("Renewal commit check (T-60): Acme Corporation");
    expect(run.stdout).toMatch(/Dry run: 1 reminder built, nothing written or posted\.$/m);
    expect(posts()).toHaveLength(0);
    expect(await cli.inspect(({ prisma }) => prisma.renewalStep.count())).toBe(0);
  });

  it("--dry-run --json prints the Block Kit", async () => {
    const run = await cli.run("reminders", "--now", "--date", "2026-11-02", "--dry-run", "--json");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      built: number;
      reminders: { account: string; text: string; blocks: unknown[] }[];
    };
    expect(printed.built).toBe(1);
    expect(printed.reminders[0]?.account).toBe("Acme Corporation");
    const [reminder] = printed.reminders;
    expectWithinSlackLimits({ text: reminder?.text, blocks: reminder?.blocks }, "message");
  });

  it("posts the due reminders, counts sent, skipped and failed, and sends nothing twice", async () => {
    const run = await cli.run("reminders", "--now", "--date", "2026-11-02");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Reminders: 1 sent, 2 skipped, 0 failed\.$/m);
    expect(posts().map((call) => call.args.channel)).toEqual(["C0RENEW01"]);
    const again = await cli.run("reminders", "--now", "--date", "2026-11-02", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ sent: 0, skipped: 0, failed: 0 });
    expect(posts()).toHaveLength(1);
  });

  it("exits 1 when a reminder could not go out, saying why", async () => {
    fake.failNext("chat.postMessage", "channel_not_found");
    fake.failNext("chat.postMessage", "user_not_found");
    const run = await cli.run("reminders", "--now", "--date", "2026-12-02");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Acme Corporation escalation (renewal 2027-01-01) for UMARIA001: failed in UMARIA001 (C0RENEW01: channel_not_found; direct message: user_not_found)",
    );
    expect(run.stdout).toMatch(/^Reminders: 0 sent, 0 skipped, 1 failed\.$/m);
    expect(run.stderr).toContain("1 reminder did not go out");
    // The next run tries it again.
    const retry = await cli.run("reminders", "--now", "--date", "2026-12-02");
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(/^Reminders: 1 sent, 0 skipped, 0 failed\.$/m);
  });

  it("reminders log lists the day's reminders, where they went, after how many tries, and how many steps were skipped", async () => {
    const run = await cli.run("reminders", "log");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Acme Corporation commit_check (renewal 2027-01-01, owner UMARIA001): sent in C0RENEW01\n",
    );
    expect(run.stdout).toContain(
      "Acme Corporation escalation (renewal 2027-01-01, owner UMARIA001): sent in C0RENEW01, 2 tries\n",
    );
    expect(run.stdout).toContain("2 earlier steps recorded skipped that day.");
    const none = await cli.run("reminders", "log", "--date", "2020-01-01");
    expect(none.stdout.trim()).toBe("No reminders sent on 2020-01-01.");
  });

  it("without --date runs each owner's local today", async () => {
    await cli.inspect(async ({ prisma }) => {
      const maria = await prisma.user.findUniqueOrThrow({ where: { slackUserId: "UMARIA001" } });
      await anAccount(prisma, { name: "Due Today Ltd", ownerId: maria.id, renewalDate: day(today) });
    });
    const run = await cli.run("reminders", "--now", "--json");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      reminders: { account: string; step: string; status: string }[];
    };
    expect(printed.reminders.filter((r) => r.status === "sent" && r.account === "Due Today Ltd")).toEqual([
      expect.objectContaining({ account: "Due Today Ltd", step: "record_outcome" }),
    ]);
  });
});
