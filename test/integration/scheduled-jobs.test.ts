import cron, { type ScheduledTask } from "node-cron";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { searchKey } from "../../src/domain/search-text.ts";
import { dailyRescore } from "../../src/jobs/daily-rescore.ts";
import { scheduledJobs } from "../../src/jobs/index.ts";
import { maintenance } from "../../src/jobs/maintenance.ts";
import { type Job, type JobContext, type Scheduler, startScheduler } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-jobs";
const now = new Date("2026-11-23T02:10:00Z");
const today = new Date("2026-11-23T00:00:00Z");
/** Never fires while a test runs: the tests tick the jobs through node-cron's task.execute(). */
const onNewYear = "0 0 1 1 *";

function aJob(name: string, run: Job["run"]): Job {
  return { name, cron: onNewYear, timezone: "UTC", run };
}

/** The node-cron task the scheduler made for a job, found through node-cron's own registry. */
function taskOf(name: string): ScheduledTask {
  const task = [...cron.getTasks().values()].find((candidate) => candidate.name === name);
  if (!task) throw new Error(`node-cron has no task named ${name}`);
  return task;
}

describe(`scheduled jobs on ${testEngine}`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let context: JobContext;
  let scheduler: Scheduler | undefined;
  const logLines: string[] = [];

  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    const logger = createLogger({ level: "info", secrets: [botToken], write: (line) => logLines.push(line) });
    context = { db, notifier: notifierOn(fake, botToken, logger), directory: null, clock: () => now, logger };
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });
  beforeEach(() => {
    logLines.length = 0;
    fake.reset();
  });
  afterEach(() => {
    scheduler?.stop();
    scheduler = undefined;
  });

  it("every job has a cron expression node-cron accepts, a time zone, and a name of its own", () => {
    for (const job of scheduledJobs) {
      expect(cron.validate(job.cron), `${job.name}: ${job.cron}`).toBe(true);
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: job.timezone })).not.toThrow();
    }
    const names = scheduledJobs.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("ticks the daily re-score at 02:10 UTC and the maintenance after it, at 02:40 UTC", () => {
    scheduler = startScheduler(scheduledJobs, context);
    expect(taskOf("daily-rescore").match(new Date("2026-11-23T02:10:00Z"))).toBe(true);
    expect(taskOf("maintenance").match(new Date("2026-11-23T02:10:00Z"))).toBe(false);
    expect(taskOf("maintenance").match(new Date("2026-11-23T02:40:00Z"))).toBe(true);
  });

  it("runs a job with its collaborators when node-cron ticks it: here, a message through the notifier", async () => {
    const hello = aJob("hello", async ({ notifier, clock }) => {
      await notifier.postMessage({ channel: "C0JOBS001", text: `tick at ${clock().toISOString()}` });
    });
    scheduler = startScheduler([hello], context);
    await taskOf("hello").execute();
    const [call] = fake.callsTo("chat.postMessage");
    expect(call?.token).toBe(botToken);
    expect(call?.args).toMatchObject({ channel: "C0JOBS001", text: "tick at 2026-11-23T02:10:00.000Z" });
  });

  it("logs a failing job with its name, and the other jobs and its own next tick still run", async () => {
    let counted = 0;
    const failing = aJob("failing", async () => {
      throw new Error("the CRM export is not there");
    });
    const counting = aJob("counting", async () => {
      counted += 1;
    });
    scheduler = startScheduler([failing, counting], context);
    await taskOf("failing").execute();
    await taskOf("counting").execute();
    await taskOf("failing").execute();
    expect(counted).toBe(1);
    const failures = logLines.filter(
      (line) => line.includes("ERROR") && line.includes("scheduled job failing failed"),
    );
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain("the CRM export is not there");
    expect(taskOf("failing").getStatus()).toBe("idle");
  });

  it("refuses a job whose cron expression is not one, naming the job", () => {
    const broken = { ...aJob("broken", async () => {}), cron: "61 * * * *" };
    expect(() => startScheduler([broken], context)).toThrow('job broken: "61 * * * *" is no cron expression');
  });

  it("takes its jobs off node-cron's schedule when stopped", () => {
    const stopping = startScheduler([aJob("short-lived", async () => {})], context);
    expect(taskOf("short-lived").getStatus()).toBe("idle");
    stopping.stop();
    expect([...cron.getTasks().values()].map((task) => task.name)).not.toContain("short-lived");
  });

  it("the daily re-score scores every account and says how many in the log", async () => {
    await Promise.all([anAccount(db.prisma), anAccount(db.prisma), anAccount(db.prisma)]);
    await dailyRescore.run(context);
    expect(await db.prisma.healthScore.count({ where: { date: today } })).toBe(3);
    expect(logLines.join("\n")).toMatch(/daily re-score: 3 accounts, \d+ plays opened, 0 self-closed/);
  });

  it("the daily re-score tells the admins once when a whole feed goes quiet, and once when it is back", async () => {
    await aUser(db.prisma, { slackUserId: "UADMIN001", role: "admin" });
    const account = await anAccount(db.prisma);
    const billing = (date: string) =>
      db.prisma.healthSignal.create({
        data: { accountId: account.id, date: new Date(`${date}T00:00:00Z`), invoiceDaysOverdue: 0 },
      });
    await billing("2026-11-13");
    await dailyRescore.run(context);
    const notices = () =>
      fake.callsTo("chat.postMessage").filter((call) => call.args.channel === "UADMIN001");
    expect(notices().map((call) => call.args.text)).toEqual([
      expect.stringMatching(
        /^:warning: No billing data has arrived for any account for 10 days \(last on 2026-11-13\)/,
      ),
    ]);
    await dailyRescore.run(context);
    expect(notices()).toHaveLength(1);
    await billing("2026-11-23");
    await dailyRescore.run(context);
    expect(notices().at(-1)?.args.text).toBe(":white_check_mark: Billing data is arriving again.");
  });

  it("the maintenance forgets the search words of a renamed account, and vacuums the embedded database", async () => {
    const account = await anAccount(db.prisma, { name: "Xylophone Partners" });
    await db.prisma.account.update({
      where: { id: account.id },
      data: { name: "Marimba Partners", searchName: searchKey("Marimba Partners") },
    });
    await maintenance.run(context);
    expect(await db.prisma.searchWord.count({ where: { word: "xylophone" } })).toBe(0);
    expect(await db.prisma.searchWord.count({ where: { word: "marimba" } })).toBe(1);
    const summary = logLines.find((line) => line.includes("maintenance:"));
    expect(summary).toMatch(/maintenance: [1-9]\d* search words forgotten/);
    expect(summary?.includes("database vacuumed")).toBe(testEngine === "pglite");
  });
});
