// The renewal calendar's reminders as the scheduler sends them: in each owner's morning, each step once,
// to the right people, through the app's real Web API client against the fake Slack, on the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renewalReminders } from "../../src/jobs/renewal-reminders.ts";
import { createLogger } from "../../src/logger.ts";
import { runRenewalReminders } from "../../src/services/renewal-run.ts";
import { renewalReminderMessage } from "../../src/slack/views/renewal-reminder.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-renewals";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Monday 2 November 2026: T-60 of a renewal on 1 January 2027. 07:45 UTC is 08:45 in Paris, 02:45 in New York.
const t60Morning = new Date("2026-11-02T07:45:00Z");

describe(`renewal reminders on ${testEngine}`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let deps: Parameters<typeof runRenewalReminders>[0];
  const posts = () => fake.callsTo("chat.postMessage").filter((call) => call.status === 200);
  const postsTo = (channel: string) => posts().filter((call) => call.args.channel === channel);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
    deps = { db, notifier: notifierOn(fake, botToken, logger), render: renewalReminderMessage };
    const manager = await aUser(db.prisma, {
      slackUserId: "UMANAGER1",
      timeZone: "Europe/Paris",
      role: "manager",
    });
    const paris = await aUser(db.prisma, {
      slackUserId: "UPARIS001",
      timeZone: "Europe/Paris",
      digestChannelId: "C0RENEW01",
      managerId: manager.id,
    });
    const newYork = await aUser(db.prisma, { slackUserId: "UNEWYORK1", timeZone: "America/New_York" });
    const term = { contractStart: day("2026-01-01"), renewalDate: day("2027-01-01") };
    ids.acme = (await anAccount(db.prisma, { name: "Acme Corporation", ownerId: paris.id, ...term })).id;
    ids.globex = (await anAccount(db.prisma, { name: "Globex", ownerId: newYork.id, ...term })).id;
    // Renews in 2027-06: nothing is due in November 2026; its expansion conversation comes on 1 December.
    await anAccount(db.prisma, {
      name: "Initech",
      ownerId: paris.id,
      contractStart: day("2026-06-01"),
      renewalDate: day("2027-06-01"),
    });
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });
  beforeEach(() => fake.reset());

  it("on the T-60 day, in the owner's morning, sends the commit check to their digest channel with a play due at T-30; steps that never fired are recorded skipped", async () => {
    const early = await runRenewalReminders(deps, new Date("2026-11-02T07:00:00Z"));
    expect(early.results).toEqual([]);
    const { results } = await runRenewalReminders(deps, t60Morning);
    expect(
      results.filter((r) => r.status !== "skipped").map((r) => [r.accountName, r.step, r.status]),
    ).toEqual([["Acme Corporation", "commit_check", "sent"]]);
    const [post] = postsTo("C0RENEW01");
    expect(posts()).toHaveLength(1);
    expectWithinSlackLimits(post?.args, "message");
    const text = JSON.stringify(post?.args.blocks);
    expect(text).toContain("Acme Corporation");
    expect(text).toContain("renewal_commit_committed");
    expect(text).toContain("renewal_account_open");
    const steps = await db.prisma.renewalStep.findMany({
      where: { accountId: ids.acme },
      orderBy: { dueOn: "asc" },
    });
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ["expansion_conversation", "skipped"],
      ["renewal_lock", "skipped"],
      ["commit_check", "sent"],
    ]);
    const play = await db.prisma.play.findUniqueOrThrow({ where: { id: steps[2]?.playId as string } });
    expect(play).toMatchObject({ kind: "renewal_commit", status: "open", dueAt: day("2026-12-02") });
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { id: play.ownerId as string } })).slackUserId,
    ).toBe("UPARIS001");
  });

  it("never sends a step twice, however often the scheduler ticks or how many bots tick it", async () => {
    await Promise.all([
      runRenewalReminders(deps, t60Morning),
      runRenewalReminders(deps, new Date("2026-11-02T08:00:00Z")),
      runRenewalReminders(deps, new Date("2026-11-02T09:00:00Z")),
    ]);
    expect(posts()).toHaveLength(0);
    // New York's morning comes later; three schedulers at once send Globex's step once between them.
    const newYorkMorning = new Date("2026-11-02T14:31:00Z");
    const runs = await Promise.all([1, 2, 3].map(() => runRenewalReminders(deps, newYorkMorning)));
    expect(runs.flatMap((run) => run.results).filter((r) => r.status === "sent")).toHaveLength(1);
    expect(postsTo("UNEWYORK1")).toHaveLength(1);
    expect(await db.prisma.renewalStep.count({ where: { accountId: ids.globex, status: "sent" } })).toBe(1);
  });

  it("takes over a step a crashed process claimed and never sent, once its claim has run out, and sends it once", async () => {
    await db.prisma.renewalStep.updateMany({
      where: { accountId: ids.globex, step: "commit_check" },
      data: { status: "sending", claimedAt: new Date("2026-11-03T14:30:00Z"), sentAt: null },
    });
    await runRenewalReminders(deps, new Date("2026-11-03T14:35:00Z"));
    expect(posts()).toHaveLength(0);
    await runRenewalReminders(deps, new Date("2026-11-03T14:41:00Z"));
    expect(postsTo("UNEWYORK1")).toHaveLength(1);
    await runRenewalReminders(deps, new Date("2026-11-03T14:50:00Z"));
    expect(posts()).toHaveLength(1);
  });

  it("a bot that restarts in the middle of the morning reads everyone once more, and sends nothing again", async () => {
    const context = (now: Date) => ({
      db: { ...db },
      notifier: deps.notifier as NonNullable<typeof deps.notifier>,
      directory: null,
      clock: () => now,
      logger: createLogger({ level: "error", secrets: [], write: () => {} }),
    });
    await renewalReminders.run(context(new Date("2026-11-04T08:00:00Z")));
    await renewalReminders.run(context(new Date("2026-11-04T08:01:00Z")));
    expect(posts()).toHaveLength(0);
  });

  it("escalates at T-30 to the manager too when there is no commit, and not when the renewal is committed", async () => {
    const t30 = new Date("2026-12-02T07:45:00Z");
    const { results } = await runRenewalReminders(deps, t30);
    expect(
      results.filter((r) => r.status === "sent").map((r) => [r.accountName, r.step, r.recipient]),
    ).toEqual([
      ["Acme Corporation", "escalation", "UMANAGER1"],
      ["Acme Corporation", "escalation", "UPARIS001"],
      ["Initech", "expansion_conversation", "UPARIS001"],
    ]);
    expect(JSON.stringify(postsTo("UMANAGER1")[0]?.args.blocks)).toContain("manager of <@UPARIS001>");
    await db.prisma.account.update({
      where: { id: ids.globex },
      data: { renewalCommit: "committed", renewalCommitAt: new Date("2026-11-20T10:00:00Z") },
    });
    const committed = await runRenewalReminders(deps, new Date("2026-12-02T14:31:00Z"));
    expect(committed.results.map((r) => [r.accountName, r.step, r.status, r.detail])).toEqual([
      ["Globex", "escalation", "skipped", "the renewal is committed"],
    ]);
    expect(postsTo("UNEWYORK1")).toHaveLength(0);
  });

  it("waits out Slack's rate limit and still sends the step once", async () => {
    fake.rateLimitNext("chat.postMessage", 0);
    const { results } = await runRenewalReminders(deps, new Date("2027-01-01T07:45:00Z"), {
      slackUserIds: ["UPARIS001"],
    });
    expect(results.map((r) => [r.step, r.status])).toEqual([["record_outcome", "sent"]]);
    expect(postsTo("C0RENEW01")).toHaveLength(1);
  });

  it("falls back to a direct message when the channel is archived, and records why", async () => {
    await db.prisma.account.update({ where: { id: ids.acme }, data: { renewalDate: day("2027-01-15") } });
    fake.failNext("chat.postMessage", "is_archived");
    const { results } = await runRenewalReminders(deps, new Date("2027-01-15T07:45:00Z"), {
      slackUserIds: ["UPARIS001"],
    });
    expect(results.filter((r) => r.status !== "skipped")).toEqual([
      expect.objectContaining({ status: "sent", detail: "C0RENEW01: is_archived; sent as a direct message" }),
    ]);
    expect(String(postsTo("UPARIS001")[0]?.args.text)).toMatch(/^I could not post this in <#C0RENEW01>/);
  });

  it("a renewal date that moves starts a new calendar: the old calendar's open plays close, its unfired steps never go out", async () => {
    // The contract renewed: the CRM's date moved a year on, the new term starts at the old date.
    await db.prisma.account.update({
      where: { id: ids.acme },
      data: { renewalDate: day("2028-01-15"), termStart: day("2027-01-15") },
    });
    const { results } = await runRenewalReminders(deps, new Date("2027-01-18T07:45:00Z"), {
      slackUserIds: ["UPARIS001"],
    });
    expect(results).toEqual([]);
    expect(posts()).toHaveLength(0);
    const plays = await db.prisma.play.findMany({
      where: { accountId: ids.acme, kind: { startsWith: "renewal_" } },
    });
    expect(plays.length).toBeGreaterThan(0);
    expect(plays.every((p) => p.status === "closed" && p.outcome === "signal_cleared")).toBe(true);
    expect(
      await db.prisma.renewalStep.count({ where: { accountId: ids.acme, renewalDate: day("2028-01-15") } }),
    ).toBe(0);
  });

  it("tells the manager when the owner cannot be reached (deactivated), and records a failure with no one to tell", async () => {
    await db.prisma.account.update({ where: { id: ids.globex }, data: { renewalDate: day("2027-02-01") } });
    fake.failNext("chat.postMessage", "user_disabled");
    const alone = await runRenewalReminders(deps, new Date("2027-02-01T14:31:00Z"), {
      slackUserIds: ["UNEWYORK1"],
    });
    expect(alone.results.filter((r) => r.status !== "skipped")).toEqual([
      expect.objectContaining({
        step: "record_outcome",
        status: "failed",
        detail: "UNEWYORK1: user_disabled",
      }),
    ]);
    const row = await db.prisma.renewalStep.findFirstOrThrow({
      where: { accountId: ids.globex, renewalDate: day("2027-02-01"), step: "record_outcome" },
    });
    expect(row).toMatchObject({ status: "failed", attempts: 1, error: "UNEWYORK1: user_disabled" });

    const manager = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UMANAGER1" } });
    await db.prisma.user.update({ where: { slackUserId: "UNEWYORK1" }, data: { managerId: manager.id } });
    fake.failNext("chat.postMessage", "user_disabled");
    const retried = await runRenewalReminders(deps, new Date("2027-02-01T14:32:00Z"), {
      slackUserIds: ["UNEWYORK1"],
    });
    expect(retried.results.map((r) => [r.recipient, r.status])).toEqual([
      ["UMANAGER1", "sent"],
      ["UNEWYORK1", "failed"],
    ]);
    expect(String(postsTo("UMANAGER1")[0]?.args.text)).toContain("Globex");
    expect(JSON.stringify(postsTo("UMANAGER1")[0]?.args.blocks)).toContain("I could not reach <@UNEWYORK1>");
    expect(
      await db.prisma.renewalStep.findUniqueOrThrow({
        where: { id: row.id },
        select: { status: true, attempts: true },
      }),
    ).toEqual({ status: "sent", attempts: 2 });
  });

  it("a run over many owners sends each due step once; a renewal months past sends nothing", async () => {
    const owners = [];
    for (let i = 0; i < 23; i++) {
      const owner = await aUser(db.prisma, {
        slackUserId: `UBOOK${String(i).padStart(4, "0")}`,
        timeZone: "UTC",
      });
      owners.push(owner);
      await anAccount(db.prisma, {
        name: `Book Account ${i}`,
        ownerId: owner.id,
        contractStart: day("2026-01-01"),
        renewalDate: day("2027-01-01"),
      });
    }
    // Imported with a renewal four months past: its outcome was to be recorded by the week after.
    const stale = await anAccount(db.prisma, {
      name: "Long Past Ltd",
      ownerId: owners[0]?.id,
      contractStart: day("2025-07-01"),
      renewalDate: day("2026-07-01"),
    });
    const slackUserIds = owners.map((owner) => owner.slackUserId);
    const { results } = await runRenewalReminders(deps, t60Morning, { explicit: true, slackUserIds });
    const sent = results.filter((r) => r.status === "sent");
    expect(sent.map((r) => r.recipient).sort()).toEqual([...slackUserIds].sort());
    expect(sent.every((r) => r.step === "commit_check")).toBe(true);
    expect(posts()).toHaveLength(23);
    expect(results.filter((r) => r.accountId === stale.id).map((r) => [r.step, r.status, r.detail])).toEqual([
      ["commit_check", "skipped", "its done-by day (2026-06-01) passed before it was sent"],
      ["escalation", "skipped", "its done-by day (2026-07-01) passed before it was sent"],
      ["expansion_conversation", "skipped", "its done-by day (2026-04-02) passed before it was sent"],
      ["record_outcome", "skipped", "its done-by day (2026-07-08) passed before it was sent"],
      ["renewal_lock", "skipped", "its done-by day (2026-05-02) passed before it was sent"],
    ]);
    expect(await db.prisma.play.count({ where: { accountId: stale.id } })).toBe(0);

    const again = await runRenewalReminders(deps, t60Morning, { explicit: true, slackUserIds });
    expect(again.results.filter((r) => r.status === "sent")).toEqual([]);
    expect(posts()).toHaveLength(23);
  });
});
