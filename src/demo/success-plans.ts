// The success plan of one demo account: an objective and two or three goals whose progress fits the story.
import { randomUUID } from "node:crypto";
import type { GoalStatus, Prisma } from "../generated/prisma/client.ts";
import { type StoryScript, successPlanScripts } from "./data.ts";
import { addMonths } from "./dates.ts";
import type { AccountDraft, Build } from "./draft.ts";
import type { Random } from "./random.ts";

export interface PlanDraft {
  row: Prisma.SuccessPlanCreateManyInput;
  goals: { kpi: string; baseline: string; current: string; target: string }[];
}

export function addSuccessPlan({ rng, rows, today }: Build, draft: AccountDraft): PlanDraft {
  const script = rng.pick(successPlanScripts);
  const row: Prisma.SuccessPlanCreateManyInput = {
    id: randomUUID(),
    accountId: draft.id,
    objective: script.objective,
  };
  rows.successPlans.push(row);
  const goals = script.goals.slice(0, rng.int(2, 3)).map((goal, index) => {
    const dueOn = addMonths(draft.contractStart, 4 * (index + 1));
    const status = goalStatus(rng, draft.script.mood, dueOn < today);
    const current = status === "achieved" ? goal.target : status === "on_track" ? goal.midway : goal.stalled;
    const { kpi, baseline, target } = goal;
    rows.successGoals.push({
      id: randomUUID(),
      planId: row.id!,
      kpi,
      baseline,
      target,
      current,
      dueOn,
      status,
    });
    return { kpi, baseline, current, target };
  });
  return { row, goals };
}

function goalStatus(rng: Random, mood: StoryScript["mood"], due: boolean): GoalStatus {
  if (mood === "good") return due ? "achieved" : rng.chance(0.8) ? "on_track" : "at_risk";
  if (mood === "mixed")
    return due ? rng.pick(["achieved", "missed"] as const) : rng.pick(["on_track", "at_risk"] as const);
  return due ? "missed" : "at_risk";
}
