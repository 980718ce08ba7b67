// The success plan modal (the card's Success plan button): the job the customer hired the product to do,
// its goals (KPI, baseline, target, current value, due date, status) and milestones. Each goal has a
// slot; the plan's goals fill the first ones and two stay free for new goals. Clearing a goal's KPI
// removes it.
import type { AccountPlan } from "../../db/repositories/success-plans.ts";
import type { GoalStatus } from "../../generated/prisma/client.ts";
import { type Block, context, inputBlock, type ModalView, plain } from "./blocks.ts";
import { option } from "./stakeholder-options.ts";
import { goalStatusLabel, inertText } from "./wording.ts";

export const successPlanCallbackId = "success_plan_save";
export const editPlanActionId = "plan_edit";

export const planInputs = {
  objective: "plan_objective",
  milestones: "plan_milestones",
  goal: (slot: number) => ({
    kpi: `goal_kpi_${slot}`,
    baseline: `goal_baseline_${slot}`,
    target: `goal_target_${slot}`,
    current: `goal_current_${slot}`,
    due: `goal_due_${slot}`,
    status: `goal_status_${slot}`,
  }),
} as const;

export const maxObjectiveLength = 500;
export const maxGoalTextLength = 150;
export const maxMilestonesLength = 2000;
/** Six inputs a goal: eight goals keep the modal well inside Slack's 100 blocks. */
export const maxGoals = 8;
const freeSlots = 2;
export const goalStatuses: GoalStatus[] = ["on_track", "at_risk", "achieved", "missed"];

/** What the modal carries (private_metadata): the account, and the goal each slot shows. */
export interface PlanMetadata {
  a: string;
  g: (string | null)[];
}

export function successPlanModal(account: Pick<AccountPlan, "id" | "name" | "successPlan">): ModalView {
  const plan = account.successPlan;
  const goals = plan?.goals.slice(0, maxGoals) ?? [];
  const slots = Math.min(maxGoals, goals.length + freeSlots);
  const text = (value: string | null | undefined) => (value ? { initial_value: value } : {});
  const blocks: Block[] = [
    context(`Success plan of *${inertText(account.name, 100)}*`),
    inputBlock(
      planInputs.objective,
      "The job they hired us to do",
      { type: "plain_text_input", multiline: true, max_length: maxObjectiveLength, ...text(plan?.objective) },
      { hint: plain("In the customer's words: the outcome they bought the product for.") },
    ),
  ];
  for (let slot = 0; slot < slots; slot++) {
    const goal = goals[slot];
    const ids = planInputs.goal(slot);
    const optional = { optional: true };
    const status = goal?.status ?? "on_track";
    blocks.push(
      context(goal ? `*Goal ${slot + 1}*` : `*Goal ${slot + 1}* · new (leave the KPI empty to skip)`),
      inputBlock(
        ids.kpi,
        "KPI",
        { type: "plain_text_input", max_length: maxGoalTextLength, ...text(goal?.kpi) },
        optional,
      ),
      inputBlock(
        ids.baseline,
        "Baseline",
        { type: "plain_text_input", max_length: maxGoalTextLength, ...text(goal?.baseline) },
        optional,
      ),
      inputBlock(
        ids.target,
        "Target",
        { type: "plain_text_input", max_length: maxGoalTextLength, ...text(goal?.target) },
        optional,
      ),
      inputBlock(
        ids.current,
        "Current value",
        { type: "plain_text_input", max_length: maxGoalTextLength, ...text(goal?.current) },
        optional,
      ),
      inputBlock(
        ids.due,
        "Due",
        {
          type: "datepicker",
          ...(goal?.dueOn ? { initial_date: goal.dueOn.toISOString().slice(0, 10) } : {}),
        },
        optional,
      ),
      inputBlock(
        ids.status,
        "Status",
        {
          type: "static_select",
          options: goalStatuses.map((s) => option(goalStatusLabel(s), s)),
          initial_option: option(goalStatusLabel(status), status),
        },
        optional,
      ),
    );
  }
  blocks.push(
    inputBlock(
      planInputs.milestones,
      "Milestones",
      {
        type: "plain_text_input",
        multiline: true,
        max_length: maxMilestonesLength,
        ...text(plan?.milestones.join("\n")),
      },
      { optional: true, hint: plain('One a line, e.g. "2027-01-15 EU team live".') },
    ),
  );
  const metadata: PlanMetadata = {
    a: account.id,
    g: Array.from({ length: slots }, (_, slot) => goals[slot]?.id ?? null),
  };
  return {
    type: "modal",
    callback_id: successPlanCallbackId,
    title: plain("Success plan"),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
