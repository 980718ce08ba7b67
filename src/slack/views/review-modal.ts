// The QBR modal (/qbr, the card's Record QBR button): a review about outcomes, not activity. Each goal of
// the success plan gets the value reached and whether it was met; the expansion question must be
// answered; the next review's date defaults to a quarter on.
import type { PlanGoal } from "../../db/repositories/success-plans.ts";
import type { StakeholderRole } from "../../generated/prisma/client.ts";
import { type Block, context, inputBlock, type ModalView, plain } from "./blocks.ts";
import { option, sentimentOptions } from "./stakeholder-options.ts";
import { inertText, stakeholderRoleLabel } from "./wording.ts";

export const reviewCallbackId = "qbr_save";
export const openReviewActionId = "qbr_open";

export const reviewInputs = {
  kind: "qbr_kind",
  heldOn: "qbr_held_on",
  attendees: "qbr_attendees",
  goalValue: (slot: number) => `qbr_goal_value_${slot}`,
  goalMet: (slot: number) => `qbr_goal_met_${slot}`,
  summary: "qbr_summary",
  coAuthored: "qbr_co_authored",
  expansion: "qbr_expansion",
  expansionNotes: "qbr_expansion_notes",
  risks: "qbr_risks",
  nextSteps: "qbr_next_steps",
  sentiment: "qbr_sentiment",
  nextReview: "qbr_next_review",
} as const;

export const maxReviewText = 3000;
export const maxGoalValue = 150;
export const maxNextSteps = 500;
/** Two inputs a goal: the plan's first eight goals. */
export const maxReviewGoals = 8;
const attendeesShown = 100;
const quarterDays = 91;
export const coAuthoredValue = "co_authored";

export const expansionChoices = [
  ["opportunity", "Yes: an opportunity came up"],
  ["nothing_now", "Yes: nothing for now"],
  ["not_asked", "No, not asked"],
] as const;
export const metChoices = [
  ["met", "✅ Met"],
  ["not_yet", "On the way"],
  ["missed", "❌ Missed"],
] as const;

export interface ReviewMetadata {
  a: string;
  g: string[];
}

export interface ReviewModalOptions {
  account: { id: string; name: string };
  people: { id: string; name: string; role: StakeholderRole }[];
  goals: PlanGoal[];
  today: Date;
}

export function reviewModal({ account, people, goals, today }: ReviewModalOptions): ModalView {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const shownGoals = goals.slice(0, maxReviewGoals);
  const blocks: Block[] = [
    context(`QBR or EBR with *${inertText(account.name, 100)}*: outcomes against the plan, not activity.`),
    inputBlock(reviewInputs.kind, "Kind", {
      type: "static_select",
      options: [option("QBR", "qbr"), option("EBR", "ebr")],
      initial_option: option("QBR", "qbr"),
    }),
    inputBlock(reviewInputs.heldOn, "Held on", { type: "datepicker", initial_date: day(today) }),
  ];
  if (people.length)
    blocks.push(
      inputBlock(
        reviewInputs.attendees,
        "Attendees",
        {
          type: "multi_static_select",
          options: people
            .slice(0, attendeesShown)
            .map((p) => option(`${inertText(p.name, 50)} · ${stakeholderRoleLabel(p.role)}`, p.id)),
        },
        { optional: true },
      ),
    );
  if (shownGoals.length === 0)
    blocks.push(
      context(
        "No success-plan goals yet: agree them with the customer, then record them with *Success plan* on the card.",
      ),
    );
  shownGoals.forEach((goal, slot) => {
    blocks.push(
      inputBlock(
        reviewInputs.goalValue(slot),
        truncateLabel(`${goal.kpi}: value reached (target ${goal.target})`),
        {
          type: "plain_text_input",
          max_length: maxGoalValue,
          ...(goal.current ? { initial_value: goal.current } : {}),
        },
        { optional: true },
      ),
      inputBlock(reviewInputs.goalMet(slot), truncateLabel(`${goal.kpi}: met?`), {
        type: "static_select",
        options: metChoices.map(([value, text]) => option(text, value)),
      }),
    );
  });
  blocks.push(
    inputBlock(reviewInputs.summary, "Value summary", {
      type: "plain_text_input",
      multiline: true,
      max_length: maxReviewText,
    }),
    inputBlock(
      reviewInputs.coAuthored,
      "Co-authored",
      { type: "checkboxes", options: [option("The customer co-authored this summary", coAuthoredValue)] },
      { optional: true },
    ),
    inputBlock(reviewInputs.expansion, "Did you ask where else the product could help?", {
      type: "static_select",
      options: expansionChoices.map(([value, text]) => option(text, value)),
    }),
    inputBlock(
      reviewInputs.expansionNotes,
      "Their answer",
      { type: "plain_text_input", multiline: true, max_length: maxReviewText },
      { optional: true, hint: plain("An opportunity opens a play to work it.") },
    ),
    inputBlock(
      reviewInputs.risks,
      "Risks",
      { type: "plain_text_input", multiline: true, max_length: maxReviewText },
      { optional: true },
    ),
    inputBlock(
      reviewInputs.nextSteps,
      "Next steps",
      { type: "plain_text_input", max_length: maxNextSteps },
      { optional: true },
    ),
    inputBlock(
      reviewInputs.sentiment,
      "Customer sentiment",
      { type: "static_select", options: sentimentOptions() },
      { optional: true },
    ),
    inputBlock(reviewInputs.nextReview, "Next review on", {
      type: "datepicker",
      initial_date: day(new Date(today.getTime() + quarterDays * 86_400_000)),
    }),
  );
  const metadata: ReviewMetadata = { a: account.id, g: shownGoals.map((goal) => goal.id) };
  return {
    type: "modal",
    callback_id: reviewCallbackId,
    title: plain("Record a QBR"),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** Input labels hold 2,000 characters; a long KPI is cut well before. */
function truncateLabel(text: string): string {
  return text.length <= 150 ? text : `${text.slice(0, 149)}…`;
}
