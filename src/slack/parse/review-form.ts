// The QBR modal's state, checked with zod on submission: every problem goes back to its field, nothing
// is saved until the whole review is valid, and the expansion question must be answered.
import { z } from "zod";
import type { ExpansionAnswer, GoalOutcome, ReviewForm } from "../../services/reviews.ts";
import {
  coAuthoredValue,
  expansionChoices,
  maxGoalValue,
  maxNextSteps,
  maxReviewGoals,
  maxReviewText,
  metChoices,
  reviewInputs,
} from "../views/review-modal.ts";
import { metadataJson, modalState, outOfDate } from "./modal-state.ts";

const metadataSchema = z.object({
  a: z.string().min(1).max(64),
  g: z.array(z.string().max(64)).max(maxReviewGoals),
});
const sentiments = ["positive", "neutral", "negative"] as const;
const day = (text: string | null | undefined) => (text ? new Date(`${text}T00:00:00Z`) : null);

export type ReviewFormResult =
  | { ok: true; review: ReviewForm }
  | { ok: false; errors: Record<string, string> };

export function parseReviewForm(state: unknown, privateMetadata: string, today: Date): ReviewFormResult {
  const read = modalState(state);
  const metadata = metadataSchema.safeParse(metadataJson(privateMetadata));
  if (!read || !metadata.success) return { ok: false, errors: { [reviewInputs.summary]: outOfDate } };
  const errors: Record<string, string> = {};
  const text = (id: string) => (read(id).value ?? "").trim();
  const long = (id: string, max: number) => {
    const value = text(id);
    if (value.length > max) errors[id] = `At most ${max} characters.`;
    return value || null;
  };
  const kind = read(reviewInputs.kind).selected_option?.value === "ebr" ? "ebr" : "qbr";
  const heldOn = day(read(reviewInputs.heldOn).selected_date) ?? today;
  if (Number.isNaN(heldOn.getTime()) || heldOn.getTime() > today.getTime())
    errors[reviewInputs.heldOn] = "A review is recorded once it has happened: today or earlier.";
  const goals: GoalOutcome[] = metadata.data.g.map((goalId, slot) => {
    const met = read(reviewInputs.goalMet(slot)).selected_option?.value;
    if (!metChoices.some(([value]) => value === met))
      errors[reviewInputs.goalMet(slot)] = "Say whether this goal was met.";
    return {
      goalId,
      value: long(reviewInputs.goalValue(slot), maxGoalValue),
      met: (met ?? "not_yet") as GoalOutcome["met"],
    };
  });
  const summary = long(reviewInputs.summary, maxReviewText);
  if (!summary) errors[reviewInputs.summary] = "Sum up the value the customer got, in their terms.";
  const expansion = read(reviewInputs.expansion).selected_option?.value;
  if (!expansionChoices.some(([value]) => value === expansion))
    errors[reviewInputs.expansion] =
      "Say whether you asked where else the product could help: the review is not saved without it.";
  const expansionNotes = long(reviewInputs.expansionNotes, maxReviewText);
  if (expansion === "opportunity" && !expansionNotes)
    errors[reviewInputs.expansionNotes] = "Say what the opportunity is: it opens a play.";
  const nextReviewOn = day(read(reviewInputs.nextReview).selected_date);
  if (!nextReviewOn || Number.isNaN(nextReviewOn.getTime()) || nextReviewOn.getTime() <= heldOn.getTime())
    errors[reviewInputs.nextReview] = "Pick the next review's date, after this one.";
  const sentiment = read(reviewInputs.sentiment).selected_option?.value ?? null;
  const review = {
    accountId: metadata.data.a,
    kind,
    heldOn,
    attendeeIds: (read(reviewInputs.attendees).selected_options ?? []).map((o) => o.value),
    goals,
    valueSummary: summary ?? "",
    coAuthored: (read(reviewInputs.coAuthored).selected_options ?? []).some(
      (o) => o.value === coAuthoredValue,
    ),
    expansion: (expansion ?? "not_asked") as ExpansionAnswer,
    expansionNotes,
    risks: long(reviewInputs.risks, maxReviewText),
    nextSteps: long(reviewInputs.nextSteps, maxNextSteps),
    sentiment: sentiments.find((s) => s === sentiment) ?? null,
    nextReviewOn: nextReviewOn ?? today,
  } satisfies ReviewForm;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, review };
}
