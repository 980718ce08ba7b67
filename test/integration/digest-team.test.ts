// A manager's team digest: red ARR, renewals and overdue plays per CSM, the week's band changes, and
// plays unclaimed for more than 48 hours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { runDigests } from "../../src/services/digest-run.ts";
import { renderDigest } from "../../src/slack/surfaces/digest.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-team";
const now = new Date("2026-12-07T09:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`the managers' team digest on ${testEngine}`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;

  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    const nina = await aUser(db.prisma, {
      slackUserId: "UNINA0001",
      role: "manager",
      timeZone: "Europe/London",
    });
    const maria = await aUser(db.prisma, {
      slackUserId: "UMARIA001",
      managerId: nina.id,
      timeZone: "Europe/London",
    });
    const omar = await aUser(db.prisma, {
      slackUserId: "UOMAR0001",
      managerId: nina.id,
      timeZone: "Europe/London",
    });
    const acme = await anAccount(db.prisma, {
      name: "Acme",
      ownerId: maria.id,
      arr: "120000.00",
      renewalDate: day("2027-01-20"),
    });
    await aHealthScore(db.prisma, acme.id, { band: "green", date: day("2026-11-30") });
    await aHealthScore(db.prisma, acme.id, { band: "red", date: day("2026-12-07") });
    const globex = await anAccount(db.prisma, {
      name: "Globex",
      ownerId: omar.id,
      arr: "40000.00",
      renewalDate: day("2027-09-01"),
    });
    await aHealthScore(db.prisma, globex.id, { band: "green", date: day("2026-12-07") });
    // A touch logged three days after the call: late.
    await db.prisma.touch.create({
      data: {
        accountId: acme.id,
        authorId: maria.id,
        kind: "call",
        occurredAt: day("2026-12-02"),
        createdAt: day("2026-12-05"),
        summary: "Renewal call",
      },
    });
    // Opened four days ago and never claimed.
    const stale = await aPlay(db.prisma, acme.id, {
      kind: "save",
      ownerId: maria.id,
      dueAt: day("2026-12-04"),
    });
    await db.prisma.play.update({ where: { id: stale.id }, data: { createdAt: day("2026-12-03") } });
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });

  it("gives the manager red ARR, renewals and overdue plays by CSM, the week's band changes and unclaimed plays", async () => {
    const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
    const deps = { db, notifier: notifierOn(fake, botToken, logger), directory: null, render: renderDigest };
    const results = await runDigests(deps, now, { slackUserIds: ["UNINA0001"] });
    expect(results.map((r) => [r.slackUserId, r.kind, r.status])).toEqual([["UNINA0001", "team", "sent"]]);
    const [post] = fake.callsTo("chat.postMessage");
    expectWithinSlackLimits(post?.args, "message");
    const text = JSON.stringify(post?.args.blocks);
    expect(text).toContain(
      "<@UMARIA001> · $120K red (1) · 1 renewing ($120K) · 1 overdue · 1 touch logged late this week",
    );
    expect(text).toContain("<@UOMAR0001> · $0 red (0) · 0 renewing ($0) · 0 overdue");
    expect(text).toContain("*Acme* green → red · <@UMARIA001>");
    expect(text).toContain("Save play · *Acme* · <@UMARIA001> · 4 days unclaimed");
    // Once for the day, as for a CSM's own digest.
    await runDigests(deps, now, { slackUserIds: ["UNINA0001"] });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("tells an admin which digests and reminders could not be delivered as meant; an admin with nothing to tell gets nothing", async () => {
    const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
    const deps = { db, notifier: notifierOn(fake, botToken, logger), directory: null, render: renderDigest };
    await aUser(db.prisma, { slackUserId: "UADMIN001", role: "admin", timeZone: "Europe/London" });
    const quiet = await runDigests(deps, now, { slackUserIds: ["UADMIN001"] });
    expect(quiet).toEqual([
      expect.objectContaining({ kind: "team", status: "skipped", detail: "nothing to report" }),
    ]);

    const maria = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UMARIA001" } });
    await db.prisma.digest.create({
      data: {
        userId: maria.id,
        localDate: day("2026-12-08"),
        status: "sent",
        channel: "DMARIA001",
        error: "C0GONE001: channel_not_found; sent as a direct message",
        claimedAt: new Date("2026-12-08T08:30:00Z"),
      },
    });
    // A renewal reminder the owner's channel and the owner both refused, out of tries; and one sent.
    const acme = await db.prisma.account.findFirstOrThrow({ where: { name: "Acme" } });
    await db.prisma.renewalStep.createMany({
      data: [
        {
          accountId: acme.id,
          renewalDate: day("2027-01-20"),
          step: "commit_check",
          dueOn: day("2026-11-21"),
          status: "failed",
          attempts: 3,
          error: "UMARIA001: user_disabled",
          claimedAt: new Date("2026-12-08T08:31:00Z"),
        },
        {
          accountId: acme.id,
          renewalDate: day("2027-01-20"),
          step: "renewal_lock",
          dueOn: day("2026-10-22"),
          status: "sent",
          claimedAt: new Date("2026-12-08T08:31:00Z"),
        },
      ],
    });
    const tuesday = new Date("2026-12-08T09:00:00Z");
    await runDigests(deps, tuesday, { slackUserIds: ["UADMIN001"] });
    const post = fake.callsTo("chat.postMessage").find((call) => call.args.channel === "UADMIN001");
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain(
      "<@UMARIA001>'s digest: sent (C0GONE001: channel_not_found; sent as a direct message)",
    );
    expect(blocks).toContain(
      "<@UMARIA001>'s renewal reminder (Renewal commit check (T-60), *Acme*): failed (UMARIA001: user_disabled)",
    );
    expect(blocks).not.toContain("Renewal lock");
  });
});
