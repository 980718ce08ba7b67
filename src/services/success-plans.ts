// Success plans from Slack: the plan modal's save (for the account's CSM, their manager and admins),
// once per submitted view, audited with what changed.
import type { DataAccess } from "../db/client.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import {
  type AccountPlan,
  accountPlan,
  type GoalFields,
  writePlan,
} from "../db/repositories/success-plans.ts";
import { writeRefusal } from "../domain/account-writers.ts";
import type { TeamMember } from "../domain/team.ts";

export interface PlanForm {
  objective: string;
  milestones: string[];
  /** Each filled goal slot, with the id of the goal it shows (null for a new one). */
  goals: (GoalFields & { id: string | null })[];
}

export type PlanSaved = { ok: true; again: boolean } | { ok: false; message: string };

const gone = "That account no longer exists; an import may have removed it.";

/** Why the caller may not change the account's success plan, or null. */
export function planRefusal(
  account: Pick<AccountPlan, "ownerId" | "owner">,
  caller: TeamMember,
): string | null {
  return writeRefusal(account, caller, "change this account's success plan");
}

export async function saveSuccessPlan(
  db: DataAccess,
  caller: TeamMember,
  target: { accountId: string; viewId: string | null },
  form: PlanForm,
): Promise<PlanSaved> {
  const account = await accountPlan(db.client, target.accountId);
  if (!account) return { ok: false, message: gone };
  const refusal = planRefusal(account, caller);
  if (refusal) return { ok: false, message: refusal };
  const before = account.successPlan;
  if (target.viewId && before?.savedByViewId === target.viewId) return { ok: true, again: true };
  // A goal removed meanwhile by someone else comes back as a new goal rather than being lost.
  const known = new Set(before?.goals.map((goal) => goal.id) ?? []);
  const goals = form.goals.map((goal) => ({ ...goal, id: goal.id && known.has(goal.id) ? goal.id : null }));
  await db.transaction(async (tx) => {
    const planId = await writePlan(tx, account.id, { ...form, goals, viewId: target.viewId });
    const removed = (before?.goals ?? []).filter((goal) => !goals.some((g) => g.id === goal.id));
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: before ? "success_plan.update" : "success_plan.create",
        entityType: "SuccessPlan",
        entityId: planId,
        changes: {
          accountId: account.id,
          objective:
            before?.objective === form.objective ? undefined : [before?.objective ?? null, form.objective],
          goals: goals.map(
            (goal) => `${goal.kpi}: ${goal.current ?? "?"} of ${goal.target} (${goal.status})`,
          ),
          removedGoals: removed.map((goal) => goal.kpi),
          milestones: form.milestones,
        },
      },
    ]);
  });
  return { ok: true, again: false };
}
