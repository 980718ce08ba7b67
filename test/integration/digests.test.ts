// The morning digests as the scheduler sends them: at each CSM's local time, once, to the right place,
// through the app's real Web API client against the fake Slack, on the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { runDigests } from "../../src/services/digest-run.ts";
import { renderDigest } from "../../src/slack/surfaces/digest.ts";
import { slackDirectory } from "../../src/slack/web/directory.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aStakeholder, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn, webClientOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-digests";
// Monday 7 December 2026, 07:45 UTC: 08:45 in Paris, 02:45 in New York, 20:45 in Auckland.
const monday = new Date("2026-12-07T07:45:00Z");
const today = new Date("2026-12-07T00:00:00Z");

describe(`morning digests on ${testEngine}`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let deps: Parameters<typeof runDigests>[0];
  const posts = () => fake.callsTo("chat.postMessage").filter((call) => call.status === 200);
  const postsTo = (channel: string) => posts().filter((call) => call.args.channel === channel);

  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
    deps = {
      db,
      notifier: notifierOn(fake, botToken, logger),
      directory: slackDirectory(webClientOn(fake, botToken, logger)),
      render: renderDigest,
    };
    const people = [
      { id: "UPARIS001", tz: "Europe/Paris", channel: "C0SHARED1" },
      { id: "ULYON0001", tz: "Europe/Paris", channel: "C0SHARED1" },
      { id: "UNEWYORK1", tz: "America/New_York", channel: null },
      { id: "UAUCKLAND", tz: "Pacific/Auckland", channel: null },
    ];
    for (const person of people) {
      fake.addUser({ id: person.id, tz: person.tz, realName: person.id });
      const user = await aUser(db.prisma, { slackUserId: person.id, digestChannelId: person.channel });
      const account = await anAccount(db.prisma, { name: `${person.id} Red Account`, ownerId: user.id });
      await aHealthScore(db.prisma, account.id, { band: "red", score: 30, date: today });
      await aPlay(db.prisma, account.id, { kind: "save", ownerId: user.id, reason: "Health red (30)" });
      const green = await anAccount(db.prisma, { name: `${person.id} Green Account`, ownerId: user.id });
      await aStakeholder(db.prisma, green.id, {
        name: `${person.id} Champion`,
        role: "champion",
        leftOn: today,
      });
    }
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
  });
  beforeEach(() => fake.reset());

  it("sends each CSM whose 08:30 has come their own digest, in their channel, naming only their accounts", async () => {
    const results = await runDigests(deps, monday);
    expect(results.map((r) => [r.slackUserId, r.status])).toEqual([
      ["UAUCKLAND", "sent"],
      ["ULYON0001", "sent"],
      ["UPARIS001", "sent"],
    ]);
    const shared = postsTo("C0SHARED1").map((call) => JSON.stringify(call.args.blocks));
    expect(shared).toHaveLength(2);
    const parisDigest = shared.find((text) => text.includes("UPARIS001 Red Account")) as string;
    expect(parisDigest).toContain("For <@UPARIS001>");
    expect(parisDigest).not.toContain("ULYON0001");
    // The champion who left is the map's warning of the morning.
    expect(parisDigest).toContain("*UPARIS001 Green Account* · UPARIS001 Champion (champion) left");
    // Auckland has no digest channel: a direct message.
    expect(postsTo("UAUCKLAND")).toHaveLength(1);
    expect(postsTo("UNEWYORK1")).toHaveLength(0);
  });

  it("never sends a digest twice for a day, however often the scheduler ticks or how many bots tick it", async () => {
    await Promise.all([runDigests(deps, monday), runDigests(deps, monday), runDigests(deps, monday)]);
    expect(posts()).toHaveLength(0);
    // New York's 08:30 comes later; two schedulers at once send it once between them.
    const newYorkMorning = new Date("2026-12-07T13:31:00Z");
    await Promise.all([runDigests(deps, newYorkMorning), runDigests(deps, newYorkMorning)]);
    expect(postsTo("UNEWYORK1")).toHaveLength(1);
    expect(await db.prisma.digest.count({ where: { localDate: today } })).toBe(4);
  });

  it("takes over a digest a crashed process claimed but never sent, once its claim has run out", async () => {
    const tuesday = new Date("2026-12-08T07:45:00Z");
    const paris = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UPARIS001" } });
    // A bot claimed Paris's Tuesday digest at 07:40 and died before posting it.
    await db.prisma.digest.create({
      data: {
        userId: paris.id,
        localDate: new Date("2026-12-08T00:00:00Z"),
        claimedAt: new Date("2026-12-08T07:40:00Z"),
      },
    });
    await runDigests(deps, tuesday);
    expect(postsTo("C0SHARED1").filter((c) => JSON.stringify(c.args).includes("UPARIS001"))).toHaveLength(0);
    await runDigests(deps, new Date("2026-12-08T07:51:00Z"));
    expect(postsTo("C0SHARED1").filter((c) => JSON.stringify(c.args).includes("UPARIS001 Red"))).toHaveLength(
      1,
    );
  });

  it("waits out Slack's rate limit and still sends each digest once", async () => {
    const wednesday = new Date("2026-12-09T07:45:00Z");
    fake.rateLimitNext("chat.postMessage", 0);
    const results = await runDigests(deps, wednesday);
    expect(results.every((r) => r.status === "sent")).toBe(true);
    expect(posts()).toHaveLength(3);
  });

  it("falls back to a direct message when the digest channel is archived, and records why", async () => {
    const thursday = new Date("2026-12-10T07:45:00Z");
    fake.failNext("chat.postMessage", "is_archived");
    const results = await runDigests(deps, thursday, { slackUserIds: ["UPARIS001"] });
    expect(results).toEqual([
      expect.objectContaining({ status: "sent", detail: "C0SHARED1: is_archived; sent as a direct message" }),
    ]);
    const dm = postsTo("UPARIS001")[0];
    expect(String(dm?.args.text)).toMatch(
      /^I could not post this in <#C0SHARED1> \(Slack said is_archived\)/,
    );
    const row = await db.prisma.digest.findFirstOrThrow({
      where: { user: { slackUserId: "UPARIS001" }, localDate: new Date("2026-12-10T00:00:00Z") },
    });
    expect(row).toMatchObject({ status: "sent", error: "C0SHARED1: is_archived; sent as a direct message" });
  });

  it("skips a person deactivated in Slack, and says so", async () => {
    fake.addUser({ id: "UAUCKLAND", tz: "Pacific/Auckland", deleted: true });
    // A day later, so the profile is read again.
    const results = await runDigests(deps, new Date("2026-12-10T20:00:00Z"), { slackUserIds: ["UAUCKLAND"] });
    expect(results).toEqual([expect.objectContaining({ status: "skipped", detail: "deactivated in Slack" })]);
    expect(postsTo("UAUCKLAND")).toHaveLength(0);
  });

  it("on an explicit run sends now whatever the day, never twice for a date unless forced, and a dry run writes nothing", async () => {
    const sunday = new Date("2026-12-13T03:00:00Z");
    const before = await db.prisma.digest.count();
    const dry = await runDigests(deps, sunday, { explicit: true, dryRun: true, slackUserIds: ["UNEWYORK1"] });
    expect(dry).toEqual([
      expect.objectContaining({
        status: "built",
        message: expect.objectContaining({ text: expect.any(String) }),
      }),
    ]);
    expect(await db.prisma.digest.count()).toBe(before);
    expect(posts()).toHaveLength(0);

    const first = await runDigests(deps, sunday, { explicit: true, slackUserIds: ["UNEWYORK1"] });
    expect(first.map((r) => r.status)).toEqual(["sent"]);
    const again = await runDigests(deps, sunday, { explicit: true, slackUserIds: ["UNEWYORK1"] });
    expect(again).toEqual([
      expect.objectContaining({ status: "skipped", detail: "already sent for this date" }),
    ]);
    const forced = await runDigests(deps, sunday, {
      explicit: true,
      force: true,
      slackUserIds: ["UNEWYORK1"],
    });
    expect(forced.map((r) => r.status)).toEqual(["sent"]);
    expect(postsTo("UNEWYORK1")).toHaveLength(2);
  });
});
