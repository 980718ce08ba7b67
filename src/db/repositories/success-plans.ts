// Success plans: an account's plan with its goals, as the plan and QBR modals read and write them.
import type { GoalStatus } from "../../generated/prisma/client.ts";
import { ownedAccountSelect } from "./account-owner.ts";
import type { Db } from "./types.ts";

/** The account with its owner, its plan and the plan's goals (soonest due first). */
export function accountPlan(db: Db, accountId: string) {
  return db.account.findUnique({
    where: { id: accountId },
    select: {
      ...ownedAccountSelect,
      successPlan: {
        select: {
          id: true,
          objective: true,
          milestones: true,
          savedByViewId: true,
          goals: {
            select: {
              id: true,
              kpi: true,
              baseline: true,
              target: true,
              current: true,
              dueOn: true,
              status: true,
            },
            orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
          },
        },
      },
    },
  });
}

export type AccountPlan = NonNullable<Awaited<ReturnType<typeof accountPlan>>>;
export type PlanGoal = NonNullable<AccountPlan["successPlan"]>["goals"][number];

export interface GoalFields {
  kpi: string;
  baseline: string | null;
  target: string;
  current: string | null;
  dueOn: Date | null;
  status: GoalStatus;
}

export interface PlanChange {
  objective: string;
  milestones: string[];
  /** Goals to keep (with their id) or add (id null); goals of the plan not listed are removed. */
  goals: (GoalFields & { id: string | null })[];
  viewId: string | null;
}

/** Writes the plan and its goals as the change says; returns the plan's id. */
export async function writePlan(db: Db, accountId: string, change: PlanChange): Promise<string> {
  const plan = await db.successPlan.upsert({
    where: { accountId },
    create: {
      accountId,
      objective: change.objective,
      milestones: change.milestones,
      savedByViewId: change.viewId,
    },
    update: { objective: change.objective, milestones: change.milestones, savedByViewId: change.viewId },
    select: { id: true },
  });
  const kept = change.goals.flatMap((goal) => (goal.id ? [goal.id] : []));
  await db.successGoal.deleteMany({ where: { planId: plan.id, id: { notIn: kept } } });
  for (const { id, ...fields } of change.goals) {
    if (id) await db.successGoal.updateMany({ where: { id, planId: plan.id }, data: fields });
    else await db.successGoal.create({ data: { planId: plan.id, ...fields } });
  }
  return plan.id;
}
