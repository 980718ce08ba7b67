// Recording a QBR or EBR from Slack: the review with its outcomes against the success plan, logged as a
// touch with its attendees, the goals' current values and status moved, the next review's date set, and
// an expansion play opened when the expansion question found an opportunity. One transaction, once per
// submitted view, for the account's CSM, their manager and admins.
import type { DataAccess } from "../db/client.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import { accountForTouch, saveTouch } from "../db/repositories/touches.ts";
import { writeRefusal } from "../domain/account-writers.ts";
import type { TeamMember } from "../domain/team.ts";
import type { GoalStatus } from "../generated/prisma/client.ts";
import { openRecordPlay } from "./record-plays.ts";
import { isUniqueViolation } from "./touches.ts";

export type ExpansionAnswer = "opportunity" | "nothing_now" | "not_asked";

export interface GoalOutcome {
  goalId: string;
  value: string | null;
  met: "met" | "not_yet" | "missed";
}

export interface ReviewForm {
  accountId: string;
  kind: "qbr" | "ebr";
  heldOn: Date;
  attendeeIds: string[];
  goals: GoalOutcome[];
  valueSummary: string;
  coAuthored: boolean;
  expansion: ExpansionAnswer;
  expansionNotes: string | null;
  risks: string | null;
  nextSteps: string | null;
  sentiment: "positive" | "neutral" | "negative" | null;
  nextReviewOn: Date;
}

export type ReviewSaved = { ok: true; again: boolean; playOpened: boolean } | { ok: false; message: string };

const dayMs = 86_400_000;
/** An opportunity found in a QBR is qualified within two weeks. */
const opportunityWithinDays = 14;
const statusOf: Record<GoalOutcome["met"], GoalStatus | null> = {
  met: "achieved",
  not_yet: null,
  missed: "missed",
};

export function reviewRefusal(
  account: Parameters<typeof writeRefusal>[0],
  caller: TeamMember,
): string | null {
  return writeRefusal(account, caller, "record reviews on this account");
}

export async function recordReview(
  db: DataAccess,
  caller: TeamMember,
  form: ReviewForm,
  viewId: string | null,
  now: Date,
): Promise<ReviewSaved> {
  if (viewId && (await db.client.review.findUnique({ where: { viewId }, select: { id: true } })))
    return { ok: true, again: true, playOpened: false };
  const account = await accountForTouch(db.client, form.accountId);
  if (!account)
    return { ok: false, message: "That account no longer exists; an import may have removed it." };
  const refusal = reviewRefusal(account, caller);
  if (refusal) return { ok: false, message: refusal };
  const onMap = new Set(account.stakeholders.map((person) => person.id));
  const plan = await db.client.successPlan.findUnique({
    where: { accountId: account.id },
    select: { id: true, goals: { select: { id: true, kpi: true } } },
  });
  const goals = new Map(plan?.goals.map((goal) => [goal.id, goal.kpi]) ?? []);
  const outcomes = form.goals.filter((goal) => goals.has(goal.goalId));
  // A review held today is logged as now; an earlier one at midday of its day.
  const sameDay = form.heldOn.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  const occurredAt = sameDay ? now : new Date(form.heldOn.getTime() + dayMs / 2);
  const write = db.transaction(async (tx) => {
    const touch = await saveTouch(tx, {
      accountId: account.id,
      authorId: caller.id,
      kind: form.kind,
      occurredAt,
      summary: form.valueSummary,
      nextStep: form.nextSteps,
      nextStepOwnerId: null,
      nextStepDueOn: null,
      sentiment: form.sentiment,
      permalink: null,
      viewId: null,
      stakeholderIds: form.attendeeIds.filter((id) => onMap.has(id)),
      newStakeholder: null,
    });
    for (const outcome of outcomes) {
      const status = statusOf[outcome.met];
      await tx.successGoal.update({
        where: { id: outcome.goalId },
        data: { ...(outcome.value ? { current: outcome.value } : {}), ...(status ? { status } : {}) },
      });
    }
    if (plan) await tx.successPlan.update({ where: { id: plan.id }, data: { reviewedOn: form.heldOn } });
    const review = await tx.review.create({
      data: {
        accountId: account.id,
        kind: form.kind,
        heldOn: form.heldOn,
        leadId: caller.id,
        outcomeSummary: form.valueSummary,
        valueVerified: form.coAuthored,
        expansionAsked: form.expansion !== "not_asked",
        expansionNotes: form.expansionNotes,
        nextReviewOn: form.nextReviewOn,
        risks: form.risks,
        nextSteps: form.nextSteps,
        sentiment: form.sentiment,
        goalOutcomes: outcomes.map((o) => ({
          goalId: o.goalId,
          kpi: goals.get(o.goalId),
          value: o.value,
          met: o.met,
        })),
        touchId: touch.id,
        viewId,
      },
    });
    const played =
      form.expansion === "opportunity"
        ? await openRecordPlay(
            tx,
            {
              accountId: account.id,
              ownerId: account.ownerId,
              kind: "expansion_opportunity",
              reason: `${form.kind.toUpperCase()} on ${form.heldOn.toISOString().slice(0, 10)}: ${(form.expansionNotes ?? "").slice(0, 200)}`,
              trigger: { reviewId: review.id },
              dueAt: new Date(now.getTime() + opportunityWithinDays * dayMs),
            },
            now,
          )
        : null;
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: "review.record",
        entityType: "Review",
        entityId: review.id,
        changes: {
          accountId: account.id,
          kind: form.kind,
          heldOn: form.heldOn.toISOString().slice(0, 10),
          goals: outcomes.map((o) => `${goals.get(o.goalId)}: ${o.value ?? "?"} (${o.met})`),
          expansion: form.expansion,
          nextReviewOn: form.nextReviewOn.toISOString().slice(0, 10),
        },
      },
      ...(played ? [played] : []),
    ]);
    return { ok: true as const, again: false, playOpened: played !== null };
  });
  try {
    return await write;
  } catch (error) {
    // The same view submitted twice at once (a double click, Slack's retry): the first one recorded it.
    if (viewId && isUniqueViolation(error)) return { ok: true, again: true, playOpened: false };
    throw error;
  }
}
