// QBRs from Slack: /qbr and the card's button open the review modal; the submission is checked whole
// (the expansion question must be answered), recorded once per view, logged as a touch, moves the goals
// and opens an expansion play when an opportunity came up; the card shows the outcomes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessagePayload, ModalView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");

describe(`QBRs from Slack on ${testEngine}`, () => {
  let running: RunningApp;
  let acmeId: string;
  let danaId: string;
  let goalIds: string[];

  beforeAll(async () => {
    running = await startRunningApp({ now });
    const prisma = running.db.prisma;
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    await aUser(prisma, { slackUserId: "UOMAR0001", name: "Omar Reyes" });
    acmeId = (await anAccount(prisma, { name: "Acme Corporation", ownerId: maria.id })).id;
    danaId = (await aStakeholder(prisma, acmeId, { name: "Dana Whitfield", role: "champion" })).id;
    await aStakeholder(prisma, acmeId, { name: "Raj Iyer", role: "executive_sponsor" });
    const plan = await prisma.successPlan.create({
      data: {
        accountId: acmeId,
        objective: "Cut ticket handling time in half",
        goals: {
          create: [
            { kpi: "Handling time", target: "4 h", current: "6 h", dueOn: new Date("2027-01-31") },
            { kpi: "Self-serve rate", target: "60%", current: "35%", dueOn: new Date("2027-03-31") },
          ],
        },
      },
      include: { goals: { orderBy: { dueOn: "asc" } } },
    });
    goalIds = plan.goals.map((goal) => goal.id);
  });
  afterAll(async () => running?.stop());

  const select = (id: string, value: string | null) => ({
    [id]: { [id]: { type: "static_select", selected_option: value ? { value } : null } },
  });
  const textInput = (id: string, value: string | null) => ({
    [id]: { [id]: { type: "plain_text_input", value } },
  });
  const date = (id: string, value: string | null) => ({
    [id]: { [id]: { type: "datepicker", selected_date: value } },
  });
  const form = (f: {
    heldOn?: string;
    met?: (string | null)[];
    values?: (string | null)[];
    summary?: string;
    coAuthored?: boolean;
    expansion?: string | null;
    notes?: string | null;
    next?: string | null;
  }) => ({
    ...select("qbr_kind", "qbr"),
    ...date("qbr_held_on", f.heldOn ?? "2026-12-07"),
    qbr_attendees: {
      qbr_attendees: { type: "multi_static_select", selected_options: [{ value: danaId }] },
    },
    ...textInput("qbr_goal_value_0", f.values?.[0] ?? "3.8 h"),
    ...select("qbr_goal_met_0", f.met?.[0] === undefined ? "met" : f.met[0]),
    ...textInput("qbr_goal_value_1", f.values?.[1] ?? "41%"),
    ...select("qbr_goal_met_1", f.met?.[1] === undefined ? "not_yet" : f.met[1]),
    ...textInput(
      "qbr_summary",
      f.summary ?? "Handling time is down 37%; the support team handles twice the volume.",
    ),
    qbr_co_authored: {
      qbr_co_authored: {
        type: "checkboxes",
        selected_options: f.coAuthored === false ? [] : [{ value: "co_authored" }],
      },
    },
    ...select("qbr_expansion", f.expansion === undefined ? "opportunity" : f.expansion),
    ...textInput(
      "qbr_expansion_notes",
      f.notes === undefined ? "The EU support team (40 seats) wants in." : f.notes,
    ),
    ...textInput("qbr_risks", "Budget review in Q2"),
    ...textInput("qbr_next_steps", "Send the EU proposal"),
    ...select("qbr_sentiment", "positive"),
    ...date("qbr_next_review", f.next === undefined ? "2027-03-08" : f.next),
  });
  const metadata = () => JSON.stringify({ a: acmeId, g: goalIds });
  const submit = (values: ReturnType<typeof form>, viewId?: string, userId = "UMARIA001") =>
    running.requests.viewSubmission({
      userId,
      callbackId: "qbr_save",
      values,
      privateMetadata: metadata(),
      ...(viewId ? { viewId } : {}),
    });

  it("/qbr opens the modal with the map's people, each goal against its target, and the next review a quarter on", async () => {
    running.slack.reset();
    await running.requests.command("/qbr", "acme corp", { userId: "UMARIA001" });
    const view = (await running.slack.waitFor("views.open")).args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    const blocks = JSON.stringify(view.blocks);
    expect(view.callback_id).toBe("qbr_save");
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ a: acmeId, g: goalIds });
    expect(blocks).toContain("Dana Whitfield · Champion");
    expect(blocks).toContain("Handling time: value reached (target 4 h)");
    expect(blocks).toContain('"initial_value":"6 h"');
    expect(blocks).toContain('"initial_date":"2027-03-08"');
  });

  it("the card's Record QBR button opens it too; someone else is refused", async () => {
    running.slack.reset();
    await running.requests.blockAction({ userId: "UMARIA001", actionId: "qbr_open", value: acmeId });
    expect(((await running.slack.waitFor("views.open")).args.view as ModalView).callback_id).toBe("qbr_save");
    const click = await running.requests.blockAction({
      userId: "UOMAR0001",
      actionId: "qbr_open",
      value: acmeId,
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === click.responseId))
      .body as unknown as MessagePayload;
    expect(answer.text).toContain(
      "Only Maria Lopez, their manager or an admin can record reviews on this account.",
    );
    const reply = await submit(form({}), undefined, "UOMAR0001");
    expect(JSON.stringify(reply.json)).toContain("Only Maria Lopez");
    expect(await running.db.prisma.review.count()).toBe(0);
  });

  it("does not save without the expansion question, and sends every other problem to its field", async () => {
    const reply = await submit(
      form({ heldOn: "2026-12-09", met: [null, "met"], summary: " ", expansion: null, next: "2026-12-01" }),
    );
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        qbr_held_on: "A review is recorded once it has happened: today or earlier.",
        qbr_goal_met_0: "Say whether this goal was met.",
        qbr_summary: "Sum up the value the customer got, in their terms.",
        qbr_expansion:
          "Say whether you asked where else the product could help: the review is not saved without it.",
        qbr_next_review: "Pick the next review's date, after this one.",
      },
    });
    const noNotes = await submit(form({ notes: null }));
    expect(noNotes.json).toMatchObject({
      errors: { qbr_expansion_notes: "Say what the opportunity is: it opens a play." },
    });
    expect(await running.db.prisma.review.count()).toBe(0);
    expect(await running.db.prisma.touch.count()).toBe(0);
  });

  it("records the review once: a touch with its attendees, the goals moved, the next date, an expansion play", async () => {
    const reply = await submit(form({}), "VQBR00001");
    expect(JSON.stringify(reply.json)).toContain("An expansion play is open to work the opportunity.");
    await submit(form({}), "VQBR00001");
    const reviews = await running.db.prisma.review.findMany();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      kind: "qbr",
      valueVerified: true,
      expansionAsked: true,
      expansionNotes: "The EU support team (40 seats) wants in.",
      risks: "Budget review in Q2",
      nextSteps: "Send the EU proposal",
      sentiment: "positive",
    });
    expect(reviews[0]?.nextReviewOn?.toISOString().slice(0, 10)).toBe("2027-03-08");
    const touch = await running.db.prisma.touch.findUniqueOrThrow({
      where: { id: reviews[0]?.touchId as string },
      include: { stakeholders: true },
    });
    expect(touch).toMatchObject({ kind: "qbr", nextStep: "Send the EU proposal" });
    expect(touch.stakeholders.map((s) => s.name)).toEqual(["Dana Whitfield"]);
    const dana = await running.db.prisma.stakeholder.findUniqueOrThrow({ where: { id: danaId } });
    expect(dana.lastContactOn?.toISOString().slice(0, 10)).toBe("2026-12-07");
    const goals = await running.db.prisma.successGoal.findMany({ orderBy: { dueOn: "asc" } });
    expect(goals.map((g) => [g.kpi, g.current, g.status])).toEqual([
      ["Handling time", "3.8 h", "achieved"],
      ["Self-serve rate", "41%", "on_track"],
    ]);
    const plays = await running.db.prisma.play.findMany({ where: { kind: "expansion_opportunity" } });
    expect(plays).toHaveLength(1);
    expect(plays[0]?.reason).toBe("QBR on 2026-12-07: The EU support team (40 seats) wants in.");
    expect(await running.db.prisma.auditLog.count({ where: { action: "review.record" } })).toBe(1);

    const card = (await running.requests.command("/account", "acme corporation", { userId: "UMARIA001" }))
      .json as MessagePayload;
    const text = JSON.stringify(card.blocks);
    expect(text).toContain(
      "*Last QBR* 2026-12-07 · 1 of 2 goals met · value co-authored ✅ · expansion asked · next 2027-03-08",
    );
    expect(text).toContain("Work the expansion opportunity");
  });

  it("a review without an opportunity opens no play, and says when the expansion question was skipped", async () => {
    await submit(
      form({ heldOn: "2026-12-01", expansion: "not_asked", notes: null, coAuthored: false }),
      "VQBR00002",
    );
    expect(await running.db.prisma.play.count({ where: { kind: "expansion_opportunity" } })).toBe(1);
    const review = await running.db.prisma.review.findUniqueOrThrow({ where: { viewId: "VQBR00002" } });
    expect(review).toMatchObject({ expansionAsked: false, valueVerified: false });
  });
});
