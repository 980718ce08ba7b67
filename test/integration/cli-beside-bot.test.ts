// The CLI while the bot runs, as an operator meets it: the morning import runs against the running bot's
// database (on the embedded one, through the bot's socket), two commands at once both finish, and
// /account keeps answering during an import and shows the new data at once, without a restart.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseTarget, openDatabase } from "../../src/db/client.ts";
import { buildBundles, freePort, startBot, waitForHealth } from "../helpers/bot-process.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { freshTarget, testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

const signingSecret = "beside-bot-signing-secret";

/** A CRM export of `count` accounts named `<prefix> 1`, `<prefix> 2`... */
function book(prefix: string, count: number, arr = 1_000): string {
  const rows = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1},${prefix} ${i + 1},,${arr + i}`);
  return ["Account ID,Account Name,Account Owner,ARR", ...rows].join("\n");
}

describe(`the CLI beside a running bot, on ${testEngine}`, () => {
  let bundles: ReturnType<typeof buildBundles>;
  let slack: FakeSlack;
  let bot: ChildProcess;
  let folder: string;
  let cli: CliSandbox;
  let requests: SlackRequests;
  let drop: () => Promise<void>;
  let target: DatabaseTarget;

  beforeAll(async () => {
    bundles = buildBundles();
    slack = await FakeSlack.start();
    slack.addUser({ id: "UCSM00001", name: "casey", realName: "Casey CSM", tz: "Europe/London" });
    const port = await freePort();
    folder = mkdtempSync(path.join(tmpdir(), "csm-beside-"));
    const fresh = await freshTarget();
    drop = fresh.drop;
    target =
      fresh.target.kind === "postgres"
        ? fresh.target
        : { kind: "pglite", dataDir: path.join(folder, "data") };
    const database: Record<string, string> =
      fresh.target.kind === "postgres"
        ? { DATABASE_URL: fresh.target.url }
        : { DATA_DIR: path.join(folder, "data") };
    bot = startBot(bundles.dir, {
      SLACK_BOT_TOKEN: "xoxb-beside-bot-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      ...database,
    });
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, bot, 90_000);
    cli = await cliSandbox(database);
    // Casey joins the team from the CLI while the bot runs.
    expect((await cli.run("users", "add", "UCSM00001", "--role", "csm")).code).toBe(0);
    requests = new SlackRequests({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret,
      responseUrl: (id) => slack.responseUrl(id),
    });
  }, 120_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot.once("exit", resolve));
      bot.kill("SIGTERM");
      await exited;
    }
    await cli?.destroy();
    await slack?.close();
    rmSync(folder, { recursive: true, force: true });
    bundles?.remove();
    await drop?.();
  });

  const lookup = async (query: string) =>
    (await requests.command("/account", query, { userId: "UCSM00001" })).body;

  it("imports the morning's CRM export while the bot runs, and the next /account shows it", async () => {
    expect(await lookup("Morning 7")).toMatch(/No account matches/);
    const run = await cli.run("import", "accounts", cli.file("morning.csv", book("Morning", 20)));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/20 created/);
    const card = await lookup("Morning 7");
    expect(card).toContain("Morning 7");
    expect(card).toContain("$1,006");
  });

  it("runs two imports at once: both finish, and nothing of either is lost", async () => {
    const [first, second] = await Promise.all([
      cli.run("import", "accounts", cli.file("east.csv", book("East", 300))),
      cli.run("import", "accounts", cli.file("west.csv", book("West", 300))),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stdout).toMatch(/300 created/);
    expect(second.stdout).toMatch(/300 created/);
    expect(await lookup("East 300")).toContain("East 300");
    expect(await lookup("West 1")).toContain("West 1");
  });

  it("keeps answering /account while an import writes, every answer a card", async () => {
    const importing = cli.run("import", "accounts", cli.file("big.csv", book("Bulk", 3_000)));
    let done = false;
    void importing.finally(() => {
      done = true;
    });
    const answers: string[] = [];
    while (!done || answers.length < 5) {
      answers.push(await lookup("Morning 3"));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await importing).code).toBe(0);
    expect(answers.every((answer) => answer.includes("Morning 3") && answer.includes("$1,002"))).toBe(true);
    expect(await lookup("Bulk 2999")).toContain("Bulk 2999");
  });

  it.runIf(testEngine === "pglite")(
    "serves the embedded database on a socket only the bot's OS user can reach, and no TCP port",
    () => {
      const socketDir = path.join(folder, "data", "socket");
      expect(statSync(socketDir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(socketDir, ".s.PGSQL.5432")).mode & 0o777).toBe(0o600);
    },
  );

  it("stops the bot under a running import: the import finishes, or fails with a clear message and writes nothing", async () => {
    const importing = cli.run("import", "accounts", cli.file("late.csv", book("Late", 20_000)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const exited = new Promise((resolve) => bot.once("exit", resolve));
    bot.kill("SIGTERM");
    await exited;
    const run = await importing;
    const db = await openDatabase(target);
    const late = await db.prisma.account.count({ where: { externalId: { startsWith: "Late-" } } });
    await db.close();
    if (run.code === 0) expect(late).toBe(20_000);
    else {
      expect(run.stderr).toMatch(/the connection to the database was lost .* rolled back\. Run it again\./);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(late).toBe(0);
    }
  });
});
