// After `csm seed --demo` without an owner, the made-up team holds the book and the first person to open
// the App Home is offered it: one click makes the accounts and their open plays theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/db/repositories/audit.ts";
import { seedDemoBook } from "../../src/demo/book.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { aUser } from "../helpers/factories.ts";
import type { RecordedCall } from "../helpers/fake-slack.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const admin: Actor = { userId: null, label: "cli:newcomer", source: "cli" };
const claimButton = "demo_book_claim";

type HomeView = { type: string; blocks: { accessory?: { action_id?: string } }[] };

describe("taking the demo book over from the App Home", () => {
  let running: RunningApp;
  let openPlays = 0;

  const prisma = () => running.db.prisma;

  /** Opens the Home tab as `userId` and returns the view the bot published for them. */
  async function openHome(userId: string): Promise<HomeView> {
    const before = publishedTo(userId).length;
    await running.requests.event({ type: "app_home_opened", user: userId, tab: "home" });
    await expect.poll(() => publishedTo(userId).length).toBeGreaterThan(before);
    return lastHome(userId);
  }

  async function clickClaim(userId: string): Promise<HomeView> {
    const before = publishedTo(userId).length;
    const click = await running.requests.blockAction({
      userId,
      actionId: claimButton,
      value: "claim",
      view: { id: "VHOME0001", type: "home" },
    });
    expect(click.status).toBe(200);
    await expect.poll(() => publishedTo(userId).length).toBeGreaterThan(before);
    return lastHome(userId);
  }

  const publishedTo = (userId: string): RecordedCall[] =>
    running.slack.callsTo("views.publish").filter((call) => call.args.user_id === userId);

  function lastHome(userId: string): HomeView {
    const view = publishedTo(userId).at(-1)?.args.view as HomeView;
    expectWithinSlackLimits(view, "home");
    return view;
  }

  const offersClaim = (view: HomeView) =>
    view.blocks.some((block) => block.accessory?.action_id === claimButton);

  beforeAll(async () => {
    running = await startRunningApp();
    const seeded = await seedDemoBook(running.db, new Date("2026-11-23T09:00:00Z"), admin);
    if (seeded.ok) openPlays = seeded.openPlays;
    // The person trying the bot out, added to the team by whoever installed it.
    await aUser(running.db.prisma, { slackUserId: "UFIRST0001", name: "Fran First" });
    await aUser(running.db.prisma, { slackUserId: "USECOND001", name: "Sid Second" });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it("offers the demo book on the Home tab while the made-up team owns it", async () => {
    const home = await openHome("UFIRST0001");
    expect(offersClaim(home)).toBe(true);
    expect(JSON.stringify(home)).toContain("36* made-up accounts");
  });

  it("gives the clicker the accounts and their open plays, audited, and draws the Home again", async () => {
    const home = await clickClaim("UFIRST0001");
    expect(offersClaim(home)).toBe(false);
    const text = JSON.stringify(home);
    expect(text).toContain(`The demo book is yours: 36 accounts and ${openPlays} open plays`);
    expect(text).toContain("*36 accounts*");

    const first = await prisma().user.findUniqueOrThrow({ where: { slackUserId: "UFIRST0001" } });
    expect(await prisma().account.count({ where: { ownerId: { not: first.id } } })).toBe(0);
    expect(await prisma().play.count({ where: { status: { not: "closed" }, ownerId: first.id } })).toBe(
      openPlays,
    );
    expect(await prisma().touch.count({ where: { authorId: { not: first.id } } })).toBe(0);
    const audit = await prisma().auditLog.groupBy({
      by: ["action", "actorId", "source"],
      where: { action: { in: ["account.owner", "play.reassign"] } },
      _count: true,
    });
    expect(audit.map((row) => [row.action, row.actorId, row.source, row._count]).sort()).toEqual([
      ["account.owner", first.id, "slack", 36],
      ["play.reassign", first.id, "slack", openPlays],
    ]);
  });

  it("shows the new owner in /account and the plays in /plays", async () => {
    const card = await running.requests.command("/account", "Acme Corporation", { userId: "UFIRST0001" });
    expect(card.body).toContain("<@UFIRST0001>");
    expect(card.body).not.toContain("UDEMO");
    const plays = await running.requests.command("/plays", "", { userId: "UFIRST0001" });
    expect(plays.body).toContain(`Your open plays: ${openPlays} on `);
  });

  it("no longer offers the book, and a late click on an old Home moves nothing", async () => {
    expect(offersClaim(await openHome("USECOND001"))).toBe(false);
    const late = await clickClaim("USECOND001");
    expect(JSON.stringify(late)).toContain("already belong to someone on the team");
    const second = await prisma().user.findUniqueOrThrow({ where: { slackUserId: "USECOND001" } });
    expect(await prisma().account.count({ where: { ownerId: second.id } })).toBe(0);
  });
});

describe("a new installation whose team is only the demo book's made-up people", () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startRunningApp();
    await seedDemoBook(running.db, new Date("2026-11-23T09:00:00Z"), admin);
    running.slack.addUser({ id: "UNEWCOMER1", realName: "Nia Newcomer" });
    running.slack.addUser({ id: "ULATER0001", realName: "Lou Later" });
  });
  afterAll(async () => {
    await running?.stop();
  });

  const homeOf = async (userId: string) => {
    await running.requests.event({ type: "app_home_opened", user: userId, tab: "home" });
    await expect
      .poll(() => running.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId).length)
      .toBeGreaterThan(0);
    return JSON.stringify(
      running.slack
        .callsTo("views.publish")
        .filter((c) => c.args.user_id === userId)
        .at(-1)?.args.view,
    );
  };

  it("lets the first full member in, with the demo book on offer; after that the team decides", async () => {
    expect(await homeOf("UNEWCOMER1")).toContain("demo_book_claim");
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UNEWCOMER1" } })).toBe(1);
    const later = await homeOf("ULATER0001");
    expect(later).not.toContain("demo_book_claim");
    expect(await running.db.prisma.user.count({ where: { slackUserId: "ULATER0001" } })).toBe(0);
  });
});
