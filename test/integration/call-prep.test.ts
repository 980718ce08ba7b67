// /prep and the card's Prep button: one screen with the touches, the people who matter, the support load
// the feeds sent, open plays with expansion first, the renewal with its commit, and the success plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessagePayload } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aStakeholder, aTouch, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2026, 11, 7 + offset));

describe(`call prep on ${testEngine}`, () => {
  let running: RunningApp;
  let acmeId: string;

  beforeAll(async () => {
    running = await startRunningApp({ now });
    const prisma = running.db.prisma;
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    const acme = await anAccount(prisma, {
      name: "Acme Corporation",
      ownerId: maria.id,
      arr: "120000",
      contractStart: day(-300),
      renewalDate: day(40),
      renewalCommit: "at_risk",
    });
    acmeId = acme.id;
    await aHealthScore(prisma, acme.id, {
      date: day(0),
      score: 55,
      band: "yellow",
      reasons: ["support load 14 tickets in 30 days (above 10)", "adoption 45% of plan features"],
    });
    const dana = await aStakeholder(prisma, acme.id, {
      name: "Dana Whitfield",
      role: "champion",
      lastContactOn: day(-4),
    });
    await aStakeholder(prisma, acme.id, { name: "Raj Iyer", title: "COO", role: "executive_sponsor" });
    await aStakeholder(prisma, acme.id, { name: "Pat Power", role: "power_user" });
    for (let i = 1; i <= 8; i++)
      await aTouch(prisma, acme.id, {
        occurredAt: day(-i * 3),
        summary: `Touch number ${i}`,
        ...(i === 1
          ? { nextStep: "Send the rollout plan", stakeholders: { connect: [{ id: dana.id }] } }
          : {}),
      });
    await prisma.healthSignal.create({
      data: { accountId: acme.id, date: day(-10), tickets30d: 9, p1P2Tickets30d: 1 },
    });
    await prisma.healthSignal.create({ data: { accountId: acme.id, date: day(-2), tickets30d: 14 } });
    await prisma.healthSignal.create({ data: { accountId: acme.id, date: day(-1), featuresUsed: 9 } });
    await aPlay(prisma, acme.id, {
      kind: "support_escalation",
      reason: "14 tickets in 30 days",
      dueAt: day(2),
    });
    await aPlay(prisma, acme.id, {
      kind: "renewal_expansion",
      reason: "Month 7: open the expansion talk",
      dueAt: day(9),
    });
    await prisma.successPlan.create({
      data: {
        accountId: acme.id,
        objective: "Cut ticket handling time in half",
        goals: {
          create: [
            { kpi: "Handling time", target: "4 h", current: "6 h", status: "on_track" },
            { kpi: "Self-serve rate", target: "60%", current: "35%", status: "at_risk" },
          ],
        },
      },
    });
    await anAccount(prisma, { name: "Globex", ownerId: maria.id, renewalDate: null });
  });
  afterAll(async () => running?.stop());

  const text = (message: MessagePayload) => JSON.stringify(message.blocks);

  it("/prep answers with one screen: standing, reasons, people, six touches, support, plays, plan", async () => {
    const reply = await running.requests.command("/prep", "acme corp", { userId: "UMARIA001" });
    const prep = reply.json as MessagePayload;
    expectWithinSlackLimits(prep, "message");
    const page = text(prep);
    expect(page).toContain("Prep · Acme Corporation");
    expect(page).toContain("Owner <@UMARIA001> · $120K ARR · 🟡 55");
    expect(page).toContain("(in 40 days) · commit: at risk ⚠️");
    expect(page).toContain("*Why it is yellow*");
    expect(page).toContain("support load 14 tickets in 30 days");
    expect(page).toContain("Champion: 🙂 Dana Whitfield, VP Operations · last contact");
    expect(page).toContain("Executive sponsor: 🙂 Raj Iyer, COO · no contact logged");
    expect(page).not.toContain("Pat Power");
    expect(page).toContain("no economic buyer");
    // The six newest touches, newest first, with the next step.
    expect(page).toContain("Touch number 1 → _Send the rollout plan_");
    expect(page).toContain("Touch number 6");
    expect(page).not.toContain("Touch number 7");
    expect(page.indexOf("Touch number 1")).toBeLessThan(page.indexOf("Touch number 2"));
    // Each count at its latest known value: 14 tickets (two days ago) and the P1/P2 count sent before it.
    expect(page).toContain("14 tickets in 30 days, 1 P1/P2 · as of");
    expect(page.indexOf("Open the expansion conversation")).toBeLessThan(
      page.indexOf("Support escalation review"),
    );
    expect(page).toContain("1 of 2 goals on track");
    expect(page).toContain("Self-serve rate: 35% of 60%");
    // About one screen: a header, a line of standing, six short sections and the buttons.
    expect(prep.blocks.length).toBeLessThanOrEqual(9);
  });

  it("the card's Prep button answers with the same page", async () => {
    const sent = await running.requests.blockAction({
      userId: "UMARIA001",
      actionId: "prep_open",
      value: acmeId,
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === sent.responseId))
      .body as unknown as MessagePayload;
    expect(text(answer)).toContain("Prep · Acme Corporation");
    expect(text(answer)).toContain("14 tickets in 30 days");
  });

  it("says what is missing on an account with no data, and asks for an account when none is named", async () => {
    const bare = (await running.requests.command("/prep", "globex", { userId: "UMARIA001" }))
      .json as MessagePayload;
    const page = text(bare);
    expect(page).toContain("No support data in the last 30 days.");
    expect(page).toContain("No touches logged yet.");
    expect(page).toContain("No success plan");
    expect(page).toContain("no renewal date");
    const empty = (await running.requests.command("/prep", "", { userId: "UMARIA001" }))
      .json as MessagePayload;
    expect(text(empty)).not.toContain("Prep ·");
  });
});
