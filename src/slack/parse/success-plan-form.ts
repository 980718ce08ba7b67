// The success plan modal's state, checked with zod on submission: every problem goes back to its field,
// and nothing is saved until the whole plan is valid.
import { z } from "zod";
import type { GoalStatus } from "../../generated/prisma/client.ts";
import type { PlanForm } from "../../services/success-plans.ts";
import {
  goalStatuses,
  maxGoals,
  maxGoalTextLength,
  maxMilestonesLength,
  maxObjectiveLength,
  planInputs,
} from "../views/success-plan-modal.ts";
import { metadataJson, modalState, outOfDate } from "./modal-state.ts";

const metadataSchema = z.object({
  a: z.string().min(1).max(64),
  g: z.array(z.string().max(64).nullable()).max(maxGoals),
});

export type PlanFormResult =
  | { ok: true; accountId: string; plan: PlanForm }
  | { ok: false; errors: Record<string, string> };

export function parseSuccessPlanForm(state: unknown, privateMetadata: string): PlanFormResult {
  const read = modalState(state);
  const metadata = metadataSchema.safeParse(metadataJson(privateMetadata));
  if (!read || !metadata.success) return { ok: false, errors: { [planInputs.objective]: outOfDate } };
  const errors: Record<string, string> = {};
  const text = (id: string) => (read(id).value ?? "").trim();
  const objective = text(planInputs.objective);
  if (!objective) errors[planInputs.objective] = "Say what the customer hired the product to do.";
  else if (objective.length > maxObjectiveLength)
    errors[planInputs.objective] = `At most ${maxObjectiveLength} characters.`;
  const goals: PlanForm["goals"] = [];
  metadata.data.g.forEach((goalId, slot) => {
    const ids = planInputs.goal(slot);
    const kpi = text(ids.kpi);
    const target = text(ids.target);
    const fields = [ids.kpi, ids.baseline, ids.target, ids.current].map(text);
    if (!kpi) {
      // An empty KPI skips a new slot, or removes the goal it showed; anything else typed is a mistake.
      if (!goalId && fields.some(Boolean)) errors[ids.kpi] = "Name the KPI this goal is measured by.";
      return;
    }
    for (const id of [ids.kpi, ids.baseline, ids.target, ids.current])
      if (text(id).length > maxGoalTextLength) errors[id] = `At most ${maxGoalTextLength} characters.`;
    if (!target) errors[ids.target] = 'Give the target, e.g. "4 h" or "60%".';
    const due = read(ids.due).selected_date ?? null;
    const dueOn = due ? new Date(`${due}T00:00:00Z`) : null;
    if (dueOn && Number.isNaN(dueOn.getTime())) errors[ids.due] = "Pick a date.";
    const status = read(ids.status).selected_option?.value ?? "on_track";
    if (!(goalStatuses as string[]).includes(status)) errors[ids.status] = "Pick a status.";
    goals.push({
      id: goalId,
      kpi,
      baseline: text(ids.baseline) || null,
      target,
      current: text(ids.current) || null,
      dueOn,
      status: status as GoalStatus,
    });
  });
  const milestonesText = read(planInputs.milestones).value ?? "";
  if (milestonesText.length > maxMilestonesLength)
    errors[planInputs.milestones] = `At most ${maxMilestonesLength} characters.`;
  const milestones = milestonesText
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, accountId: metadata.data.a, plan: { objective, milestones, goals } };
}
