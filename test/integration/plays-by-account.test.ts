// /plays and the account card as a CSM with several red accounts sees them: by account, the save play
// carrying its checklist, paged beyond one message, with deadlines that follow the work.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { wakeSnoozedPlays } from "../../src/db/repositories/plays.ts";
import type { User } from "../../src/generated/prisma/client.ts";
import { saveHealthConfig } from "../../src/services/health-settings.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";
import { slashPlays as slashPlaysAs } from "../helpers/slash-plays.ts";
import { redAccountKinds } from "../helpers/snapshots.ts";

type Element = { action_id?: string; value?: string; options?: { value: string }[] };
type Message = {
  replace_original?: boolean;
  text?: string;
  blocks?: { type: string; elements?: Element[] }[];
};

const start = new Date("2026-11-23T09:00:00Z");
const hours = (count: number, from = start) => new Date(from.getTime() + count * 3_600_000);
const unix = (date: Date) => Math.floor(date.getTime() / 1000);
const textOf = (message: Message) => JSON.stringify(message.blocks ?? []);
const elements = (message: Message) =>
  (message.blocks ?? []).flatMap((block) => (block.type === "actions" ? (block.elements ?? []) : []));

/** The element of `playId` whose action id starts with `prefix` ("play_claim_"). */
function playElement(message: Message, prefix: string, playId: string): Element & { action_id: string } {
  const found = elements(message).find(
    (e) =>
      e.action_id?.startsWith(prefix) && JSON.parse(e.value ?? e.options?.[0]?.value ?? "{}").p === playId,
  );
  if (!found?.action_id) throw new Error(`no ${prefix} for ${playId} in ${textOf(message)}`);
  return found as Element & { action_id: string };
}

describe("plays by account", () => {
  let running: RunningApp;
  const prisma = () => running.db.prisma;

  beforeAll(async () => {
    running = await startRunningApp({ now: start });
  });
  afterAll(async () => running?.stop());
  beforeEach(() => {
    running.slack.reset();
    running.setNow(start);
  });

  const slashPlays = (user: User) => slashPlaysAs<Message>(running, user);

  async function click(user: User, element: { action_id: string; value?: string }, option?: string) {
    const sent = await running.requests.blockAction({
      userId: user.slackUserId,
      actionId: element.action_id,
      ...(option === undefined ? { value: element.value as string } : { selectedOption: option }),
    });
    expect(sent.status).toBe(200);
    const response = await running.slack.waitForResponse((r) => r.id === sent.responseId);
    const message = response.body as Message;
    expectWithinSlackLimits(message, "message");
    return message;
  }

  /** A red account owned by `csm`, scored red, with those seven plays, all due in a day. */
  async function aRedAccount(csm: User, name: string, arr = "120000.00") {
    const account = await anAccount(prisma(), { name, arr, ownerId: csm.id });
    await aHealthScore(prisma(), account.id, { band: "red", score: 31 });
    const plays = [];
    for (const kind of redAccountKinds)
      plays.push(await aPlay(prisma(), account.id, { kind, ownerId: csm.id, reason: `${kind} fired` }));
    return { account, plays };
  }

  it("shows every one of three red accounts with seven plays each, each save play with its checklist", async () => {
    const csm = await aUser(prisma(), { name: "Maria Lopez" });
    for (const name of ["Acme Corporation", "Globex", "Initech"]) await aRedAccount(csm, name);

    const list = await slashPlays(csm);

    const text = textOf(list);
    expect(text).toContain("Your open plays: 21 on 3 accounts");
    for (const name of ["Acme Corporation", "Globex", "Initech"])
      expect(text).toContain(`🔴 red · *${name}* · $120K ARR at stake · 7 plays`);
    expect(text.match(/Save plan checklist: 6 steps below, due with this play/g)).toHaveLength(3);
    expect(text).toContain("↳ *Billing check* — billing_check fired · owner");
    // One deadline per account, the save play's; every play keeps its buttons.
    expect(text.match(/due <!date/g)).toHaveLength(3);
    expect(elements(list).filter((e) => e.action_id?.startsWith("play_close_"))).toHaveLength(21);
  });

  it("shows the account card's plays grouped the same way, and a step can be claimed from it", async () => {
    const csm = await aUser(prisma(), { name: "Card Owner" });
    const { plays } = await aRedAccount(csm, "Umbrella Card Ltd");
    const reply = await running.requests.command("/account", "Umbrella Card Ltd", {
      userId: csm.slackUserId,
    });
    const card = JSON.parse(reply.body) as Message;
    expectWithinSlackLimits(card, "message");
    expect(textOf(card)).toContain("Save plan checklist: 6 steps below");
    const billing = plays.find((play) => play.kind === "billing_check");

    const updated = await click(csm, playElement(card, "play_claim_", billing?.id as string));

    expect(textOf(updated)).toContain(
      `↳ *Billing check* — billing_check fired · claimed by <@${csm.slackUserId}>`,
    );
  });

  it("pages beyond one message, and a click on the second page redraws the second page", async () => {
    const csm = await aUser(prisma(), { name: "Busy CSM" });
    const names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"];
    const accounts = [];
    for (const [i, name] of names.entries()) accounts.push(await aRedAccount(csm, name, `${900 - i}000.00`));

    const first = await slashPlays(csm);
    expect(textOf(first)).toContain("Accounts 1–3 of 5. 2 more accounts with 14 plays after these.");
    expect(textOf(first)).not.toContain("*Delta*");
    const next = elements(first).find((e) => e.action_id === "plays_page_next");
    const second = await click(csm, next as { action_id: string; value: string });
    expect(second.replace_original).toBe(true);
    expect(textOf(second)).toContain("*Delta*");
    expect(textOf(second)).toContain("*Echo*");
    expect(textOf(second)).not.toContain("*Alpha*");

    const save = accounts[4]?.plays[0];
    const claimed = await click(csm, playElement(second, "play_claim_", save?.id as string));
    expect(textOf(claimed)).toContain("Accounts 4–5 of 5.");
    expect(textOf(claimed)).toContain(`Claimed by <@${csm.slackUserId}>`);

    const back = elements(claimed).find((e) => e.action_id === "plays_page_first");
    expect(textOf(await click(csm, back as { action_id: string; value: string }))).toContain("*Alpha*");
  });

  it("orders accounts by their most urgent play: overdue, then due soonest, then ARR at stake", async () => {
    const csm = await aUser(prisma(), { name: "Order CSM" });
    const account = async (name: string, arr: string, dueAt: Date) => {
      const created = await anAccount(prisma(), { name, arr, ownerId: csm.id });
      await aPlay(prisma(), created.id, { kind: "billing_check", ownerId: csm.id, dueAt });
    };
    await account("Big Later", "900000.00", hours(30));
    await account("Small Soon", "1000.00", hours(5));
    await account("Late", "500.00", hours(-3));
    await account("Big Soon", "800000.00", hours(5));

    const text = textOf(await slashPlays(csm));

    const order = ["Late", "Big Soon", "Small Soon", "Big Later"].map((name) => text.indexOf(`*${name}*`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("claiming sets the kind's working deadline, and the play is not overdue inside it", async () => {
    const csm = await aUser(prisma(), { name: "Claim CSM" });
    const acme = await anAccount(prisma(), { name: "Late Invoice Inc", ownerId: csm.id });
    const billing = await aPlay(prisma(), acme.id, {
      kind: "billing_check",
      ownerId: csm.id,
      dueAt: hours(-5),
    });
    const list = await slashPlays(csm);
    expect(textOf(list)).toContain("⚠️ overdue");

    const claimed = await click(csm, playElement(list, "play_claim_", billing.id));

    const threeDays = hours(72);
    expect((await prisma().play.findUniqueOrThrow({ where: { id: billing.id } })).dueAt).toEqual(threeDays);
    expect(textOf(claimed)).toContain(`Claimed by <@${csm.slackUserId}> · due <!date^${unix(threeDays)}^`);
    expect(textOf(claimed)).not.toContain("⚠️ overdue");
    running.setNow(hours(71));
    expect(textOf(await slashPlays(csm))).not.toContain("⚠️ overdue");
    running.setNow(hours(73));
    expect(textOf(await slashPlays(csm))).toContain("⚠️ overdue");
  });

  it("follows the team's claim deadlines from the health configuration", async () => {
    const csm = await aUser(prisma(), { name: "Config CSM" });
    const actor = { userId: null, label: "test", source: "cli" } as const;
    const saved = await saveHealthConfig(running.db, { plays: { claimDeadlineDays: { save: 2 } } }, actor);
    expect(saved.ok).toBe(true);
    try {
      const account = await anAccount(prisma(), { name: "Configured Co", ownerId: csm.id });
      const save = await aPlay(prisma(), account.id, { ownerId: csm.id });
      await click(csm, playElement(await slashPlays(csm), "play_claim_", save.id));
      expect((await prisma().play.findUniqueOrThrow({ where: { id: save.id } })).dueAt).toEqual(hours(48));
    } finally {
      await saveHealthConfig(running.db, {}, actor);
    }
  });

  it("a snoozed play wakes due 24 hours later, before and after the re-score writes the wake", async () => {
    const csm = await aUser(prisma(), { name: "Snooze CSM" });
    const account = await anAccount(prisma(), { name: "Sleepy Co", ownerId: csm.id });
    const play = await aPlay(prisma(), account.id, { kind: "adoption_workshop", ownerId: csm.id });
    const list = await slashPlays(csm);
    const snooze = playElement(list, "play_snooze_", play.id);
    const oneDay = snooze.options?.find((option) => JSON.parse(option.value).d === 1)?.value as string;

    const snoozed = await click(csm, snooze, oneDay);

    const wakes = hours(24);
    const due = hours(48);
    expect(textOf(snoozed)).toContain(`Snoozed until <!date^${unix(wakes)}^`);
    expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
      snoozedUntil: wakes,
      dueAt: due,
    });
    // Awake, before any re-score: due a day after waking, not overdue.
    running.setNow(hours(25));
    const awake = textOf(await slashPlays(csm));
    expect(awake).not.toContain("Snoozed until");
    expect(awake).toContain(`Unclaimed · owner <@${csm.slackUserId}> · due <!date^${unix(due)}^`);
    expect(awake).not.toContain("⚠️ overdue");
    // The re-score's wake keeps that due time.
    await wakeSnoozedPlays(prisma(), hours(25));
    expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
      status: "open",
      dueAt: due,
    });
    running.setNow(hours(49));
    expect(textOf(await slashPlays(csm))).toContain("⚠️ overdue");
  });
});
