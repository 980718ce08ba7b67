// The card's success plan: the objective with its progress ("2 of 3 goals on track"), each goal against
// its target, and the last QBR's outcomes against the plan with the next review's date.
import type { AccountCardData, ReviewSummary } from "../../domain/call-prep.ts";
import { fitLines, moreLine } from "./fit-lines.ts";
import { formatDay, goalStatusLabel, goalsOnTrack, inertText } from "./wording.ts";

const goalsShown = 6;

const say = {
  noSuccessPlan: "No success plan yet — agree with the customer what success means, in their terms.",
  noGoals: "No goals with KPIs yet.",
};

export function successPlanLines(plan: AccountCardData["successPlan"], review: ReviewSummary | null): string {
  const last = review ? `\n${reviewLine(review)}` : "";
  if (!plan) return `${say.noSuccessPlan}${last}`;
  const objective = `_${inertText(plan.objective, 300)}_`;
  if (plan.goals.length === 0) return `${objective}\n${say.noGoals}${last}`;
  const shown = plan.goals.slice(0, goalsShown).map((goal) => {
    const progress = goal.current
      ? `${inertText(goal.current, 40)} of ${inertText(goal.target, 40)}`
      : `target ${inertText(goal.target, 40)}`;
    const due = goal.dueOn ? ` · due ${formatDay(goal.dueOn)}` : "";
    return `• ${goalStatusLabel(goal.status)} · *${inertText(goal.kpi, 80)}*: ${progress}${due}`;
  });
  const goals = fitLines([...shown, ...moreLine(plan.goals.length - shown.length)], plan.goals.length);
  return `${objective} · ${goalsOnTrack(plan.goals)}\n${goals}${last}`;
}

/** "Last QBR 2026-11-12 · 2 of 3 goals met · value co-authored ✅ · expansion asked · next 2027-02-10". */
export function reviewLine(review: ReviewSummary): string {
  const parts = [`*Last ${review.kind.toUpperCase()}* ${formatDay(review.heldOn)}`];
  const outcomes = review.goalOutcomes;
  if (outcomes.length)
    parts.push(`${outcomes.filter((o) => o.met === "met").length} of ${outcomes.length} goals met`);
  parts.push(review.valueVerified ? "value co-authored ✅" : "value not co-authored");
  parts.push(review.expansionAsked ? "expansion asked" : "⚠️ expansion not asked");
  parts.push(review.nextReviewOn ? `next ${formatDay(review.nextReviewOn)}` : "⚠️ no next review set");
  return parts.join(" · ");
}
