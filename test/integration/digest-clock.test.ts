// The morning digest's job driven by a clock the test moves: each CSM's 08:30 in their own zone, on both
// sides of the date line, across a daylight-saving change and a weekend; then two bots, each with its own
// connections to one PostgreSQL, ticking the same minute. Real database, fake Slack at its HTTP boundary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { dailyDigest } from "../../src/jobs/daily-digest.ts";
import { renewalReminders } from "../../src/jobs/renewal-reminders.ts";
import type { JobContext } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import {
  createTestDatabase,
  skipUnlessPostgres,
  type TestDatabase,
  testEngine,
} from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-digest-clock";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`the digest job on a moving clock on ${testEngine}`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
  const contextOn = (database: Database, now: Date): JobContext => ({
    db: database,
    notifier: notifierOn(fake, botToken, logger),
    directory: null,
    clock: () => now,
    logger,
  });
  const posted = () =>
    fake
      .callsTo("chat.postMessage")
      .filter((call) => call.status === 200)
      .map((call) => ({ channel: String(call.args.channel), text: String(call.args.text) }));

  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    // Direct messages, so the channel names the person. Paris moves to summer time on Sunday
    // 28 March 2027; Auckland (UTC+13) is a day ahead of UTC, Honolulu (UTC-10) behind it.
    for (const [slackUserId, timeZone] of [
      ["UPARIS001", "Europe/Paris"],
      ["UAUCKLAND", "Pacific/Auckland"],
      ["UHONOLULU", "Pacific/Honolulu"],
    ] as const) {
      const user = await aUser(db.prisma, { slackUserId, timeZone });
      await anAccount(db.prisma, { name: `${slackUserId} Account`, ownerId: user.id });
    }
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });

  it("sends each digest at 08:30 local on working days only, across the date line and a daylight-saving change", async () => {
    // [the instant the scheduler ticks, whose digest goes out then]
    const ticks: [string, string[]][] = [
      // The bot's first tick: Thursday's digests that came due earlier in the day go out now.
      ["2027-03-25T19:00:00Z", ["UHONOLULU", "UPARIS001"]],
      ["2027-03-25T19:29:00Z", []],
      ["2027-03-25T19:30:00Z", ["UAUCKLAND"]], // Friday 08:30 in Auckland, Thursday in UTC
      ["2027-03-26T07:29:00Z", []],
      ["2027-03-26T07:30:00Z", ["UPARIS001"]], // Friday 08:30 in Paris, winter time (UTC+1)
      ["2027-03-26T07:31:00Z", []],
      ["2027-03-26T18:30:00Z", ["UHONOLULU"]], // Friday 08:30 in Honolulu
      ["2027-03-26T19:30:00Z", []], // Saturday in Auckland
      ["2027-03-27T07:30:00Z", []], // Saturday in Paris
      ["2027-03-27T18:30:00Z", []], // Saturday in Honolulu
      ["2027-03-28T06:30:00Z", []], // Sunday in Paris, summer time now
      ["2027-03-28T19:29:00Z", []],
      ["2027-03-28T19:30:00Z", ["UAUCKLAND"]], // Monday 08:30 in Auckland, a Sunday in UTC
      ["2027-03-29T06:29:00Z", []],
      ["2027-03-29T06:30:00Z", ["UPARIS001"]], // Monday 08:30 in Paris, summer time (UTC+2)
      ["2027-03-29T07:30:00Z", []],
      ["2027-03-29T18:30:00Z", ["UHONOLULU"]],
    ];
    const seen: [string, string[]][] = [];
    for (const [instant] of ticks) {
      fake.reset();
      await dailyDigest.run(contextOn(db, new Date(instant)));
      seen.push([
        instant,
        posted()
          .map((post) => post.channel)
          .sort(),
      ]);
    }
    expect(seen).toEqual(ticks);
    const auckland = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UAUCKLAND" } });
    const rows = await db.prisma.digest.findMany({
      where: { userId: auckland.id },
      orderBy: { localDate: "asc" },
    });
    expect(rows.map((row) => row.localDate)).toEqual([day("2027-03-26"), day("2027-03-29")]);
    // Thursday 25 March in Auckland had passed when the clock started: no digest for it.
  });

  it("two bots with their own connections to one PostgreSQL send each digest and each reminder once between them", async (context) => {
    skipUnlessPostgres(context);
    const paris = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UPARIS001" } });
    // Its commit check (T-60) falls due on Tuesday 30 March 2027.
    await anAccount(db.prisma, {
      name: "Renews In May",
      ownerId: paris.id,
      contractStart: day("2026-05-29"),
      renewalDate: day("2027-05-29"),
    });
    const other = await openDatabase(db.target);
    try {
      fake.reset();
      // 19:30 UTC on Tuesday: 21:30 in Paris, 09:30 in Honolulu, Wednesday 08:30 in Auckland.
      const now = new Date("2027-03-30T19:30:00Z");
      await Promise.all(
        [db, other, db, other].flatMap((database) => [
          dailyDigest.run(contextOn(database, now)),
          renewalReminders.run(contextOn(database, now)),
        ]),
      );
      const posts = posted();
      const reminders = posts.filter((post) => post.text.includes("Renews In May"));
      expect(reminders).toEqual([{ channel: "UPARIS001", text: expect.stringContaining("commit") }]);
      const digests = posts.filter((post) => !post.text.includes("Renews In May"));
      expect(digests.map((post) => post.channel).sort()).toEqual(["UAUCKLAND", "UHONOLULU", "UPARIS001"]);
    } finally {
      await other.close();
    }
  });
});
