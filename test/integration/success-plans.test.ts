// Success plans from Slack: the card's button opens the plan modal; the submission is checked whole,
// saved once per view and audited; the card shows the plan as progress.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessagePayload, ModalView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");

type Goal = {
  kpi?: string;
  baseline?: string;
  target?: string;
  current?: string;
  due?: string;
  status?: string;
};

describe(`success plans from Slack on ${testEngine}`, () => {
  let running: RunningApp;
  let acmeId: string;

  beforeAll(async () => {
    running = await startRunningApp({ now });
    const maria = await aUser(running.db.prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    await aUser(running.db.prisma, { slackUserId: "UOMAR0001", name: "Omar Reyes" });
    acmeId = (await anAccount(running.db.prisma, { name: "Acme Corporation", ownerId: maria.id })).id;
  });
  afterAll(async () => running?.stop());

  async function openPlan(userId = "UMARIA001"): Promise<ModalView> {
    running.slack.reset();
    await running.requests.blockAction({ userId, actionId: "plan_edit", value: acmeId });
    const view = (await running.slack.waitFor("views.open")).args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    return view;
  }

  const input = (id: string, value: string | null | undefined) => ({
    [id]: { [id]: { type: "plain_text_input", value: value ?? null } },
  });
  const form = (objective: string, goals: Goal[], milestones = "") => {
    const values: Record<string, Record<string, unknown>> = {
      ...input("plan_objective", objective),
      ...input("plan_milestones", milestones),
    };
    goals.forEach((goal, slot) => {
      Object.assign(
        values,
        input(`goal_kpi_${slot}`, goal.kpi),
        input(`goal_baseline_${slot}`, goal.baseline),
        input(`goal_target_${slot}`, goal.target),
        input(`goal_current_${slot}`, goal.current),
        {
          [`goal_due_${slot}`]: {
            [`goal_due_${slot}`]: { type: "datepicker", selected_date: goal.due ?? null },
          },
        },
        {
          [`goal_status_${slot}`]: {
            [`goal_status_${slot}`]: {
              type: "static_select",
              selected_option: { value: goal.status ?? "on_track" },
            },
          },
        },
      );
    });
    return values;
  };
  const submit = (view: ModalView, values: ReturnType<typeof form>, viewId?: string, userId = "UMARIA001") =>
    running.requests.viewSubmission({
      userId,
      callbackId: "success_plan_save",
      values,
      privateMetadata: view.private_metadata ?? "",
      ...(viewId ? { viewId } : {}),
    });

  it("creates the plan with its goals and milestones, once per view, and the card shows its progress", async () => {
    const view = await openPlan();
    expect(view.title.text).toBe("Success plan");
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ a: acmeId, g: [null, null] });
    const values = form(
      "Cut ticket handling time in half",
      [
        { kpi: "Handling time", baseline: "8 h", target: "4 h", current: "6 h", due: "2027-03-31" },
        { kpi: "Self-serve rate", target: "60%", current: "35%", status: "at_risk" },
      ],
      "2027-01-15 EU team live\n\n2027-02-01 Macros rolled out",
    );
    const reply = await submit(view, values, "VPLAN0001");
    expect(JSON.stringify(reply.json)).toContain("Saved: 1 of 2 goals on track");
    await submit(view, values, "VPLAN0001");
    const plan = await running.db.prisma.successPlan.findUniqueOrThrow({
      where: { accountId: acmeId },
      include: { goals: { orderBy: { kpi: "asc" } } },
    });
    expect(plan.objective).toBe("Cut ticket handling time in half");
    expect(plan.milestones).toEqual(["2027-01-15 EU team live", "2027-02-01 Macros rolled out"]);
    expect(plan.goals.map((g) => [g.kpi, g.baseline, g.target, g.current, g.status])).toEqual([
      ["Handling time", "8 h", "4 h", "6 h", "on_track"],
      ["Self-serve rate", null, "60%", "35%", "at_risk"],
    ]);
    expect(plan.goals[0]?.dueOn?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(await running.db.prisma.auditLog.count({ where: { action: "success_plan.create" } })).toBe(1);
    const card = (await running.requests.command("/account", "acme corporation", { userId: "UMARIA001" }))
      .json as MessagePayload;
    expect(JSON.stringify(card.blocks)).toContain(
      "Cut ticket handling time in half_ · 1 of 2 goals on track",
    );
  });

  it("edits the plan: goals fill their slots, a cleared KPI removes its goal, a new slot adds one", async () => {
    const view = await openPlan();
    const metadata = JSON.parse(view.private_metadata ?? "");
    expect(metadata.g).toHaveLength(4);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Handling time"');
    await submit(
      view,
      form("Cut ticket handling time in half", [
        { kpi: "Handling time", target: "4 h", current: "4.5 h", status: "on_track" },
        { kpi: "", target: "60%" },
        { kpi: "CSAT", target: "4.5", current: "4.6", status: "achieved" },
        {},
      ]),
    );
    const goals = await running.db.prisma.successGoal.findMany({ orderBy: { kpi: "asc" } });
    expect(goals.map((g) => [g.kpi, g.current, g.status])).toEqual([
      ["CSAT", "4.6", "achieved"],
      ["Handling time", "4.5 h", "on_track"],
    ]);
    const audit = await running.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "success_plan.update" },
    });
    expect(audit.changes).toMatchObject({ removedGoals: ["Self-serve rate"] });
  });

  it("sends each problem back to its field and saves nothing", async () => {
    const view = await openPlan();
    const before = await running.db.prisma.successGoal.count();
    const reply = await submit(
      view,
      form("  ", [
        { kpi: "Handling time", target: "" },
        { kpi: "", target: "5" },
        {},
        { kpi: "x".repeat(151), target: "1" },
      ]),
    );
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        plan_objective: "Say what the customer hired the product to do.",
        goal_target_0: 'Give the target, e.g. "4 h" or "60%".',
        goal_kpi_3: "At most 150 characters.",
      },
    });
    const newSlot = await submit(
      view,
      form("Objective", [{ kpi: "A", target: "1" }, { kpi: "B", target: "2" }, { target: "9" }]),
    );
    expect(newSlot.json).toMatchObject({ errors: { goal_kpi_2: "Name the KPI this goal is measured by." } });
    expect(await running.db.prisma.successGoal.count()).toBe(before);
  });

  it("refuses someone who is not the CSM, their manager or an admin", async () => {
    running.slack.reset();
    const click = await running.requests.blockAction({
      userId: "UOMAR0001",
      actionId: "plan_edit",
      value: acmeId,
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === click.responseId))
      .body as unknown as MessagePayload;
    expect(answer.text).toContain(
      "Only Maria Lopez, their manager or an admin can change this account's success plan.",
    );
    const reply = await submit(
      { private_metadata: JSON.stringify({ a: acmeId, g: [null] }) } as ModalView,
      form("Taken over", [{ kpi: "Z", target: "1" }]),
      undefined,
      "UOMAR0001",
    );
    expect(JSON.stringify(reply.json)).toContain("Only Maria Lopez");
    expect(
      (await running.db.prisma.successPlan.findUniqueOrThrow({ where: { accountId: acmeId } })).objective,
    ).toBe("Cut ticket handling time in half");
  });
});
