// The QBR modal's submission: checked whole (errors inline), recorded once per view; the modal then says
// what was recorded.
import { recordReview } from "../../../services/reviews.ts";
import type { AppDeps } from "../../deps.ts";
import { viewSubmissionHandler } from "../../handler.ts";
import { parseReviewForm } from "../../parse/review-form.ts";
import { noticeModal } from "../../views/blocks.ts";

export function reviewSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view }, caller) => {
    const now = deps.clock();
    const form = parseReviewForm(view.state, view.private_metadata, now);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const saved = await recordReview(deps.db, caller.user, form.review, view.id, now);
    if (!saved.ok)
      return {
        reply: { response_action: "update", view: noticeModal("Not saved", `:warning: ${saved.message}`) },
      };
    const lines = [
      ":white_check_mark: Recorded, and logged as a touch.",
      `Next review on ${form.review.nextReviewOn.toISOString().slice(0, 10)}.`,
      ...(saved.playOpened ? ["An expansion play is open to work the opportunity."] : []),
    ];
    return { reply: { response_action: "update", view: noticeModal("Review recorded", lines.join("\n")) } };
  });
}
