// What the person who recorded a renewal outcome or a churn reads in the modal afterwards: what was
// written (the ARR change and its kind, the next renewal, the plays closed), what was already recorded
// when the form came twice, or why nothing was.
import { centsOf, formatMoney, fromCents } from "../../domain/money.ts";
import type { RecordedOutcome } from "../../services/outcome-account.ts";
import { type ModalView, noticeModal } from "./blocks.ts";
import { formatDay, inertText } from "./wording.ts";

/** What the form said beyond the figures: the next renewal date, or why and how the customer left. */
export type OutcomeDetail =
  | { kind: "renewed"; nextRenewalDate: Date }
  | { kind: "churned"; voluntary: boolean; reason: string };

/** Why no amount moved from the ARR before: unknown, or $0; null when there was one. */
function noArrBefore(arrBefore: string | null): string | null {
  if (arrBefore === null) return "the ARR before was unknown";
  return centsOf(arrBefore) === 0n ? "the ARR before was $0" : null;
}

function arrChange(recorded: RecordedOutcome): string {
  const after = formatMoney(recorded.arrAfter);
  const none = noArrBefore(recorded.arrBefore);
  if (none || recorded.arrBefore === null) return `at ${after} ARR, recorded as new ARR (${none})`;
  const before = formatMoney(recorded.arrBefore);
  const change = centsOf(recorded.arrAfter) - centsOf(recorded.arrBefore);
  const difference = formatMoney(fromCents(change < 0n ? -change : change));
  if (recorded.result === "upsold")
    return `with an upsell: ${before} → ${after} ARR, an expansion of ${difference}`;
  if (recorded.result === "downsold")
    return `with a downsell: ${before} → ${after} ARR, a contraction of ${difference}`;
  return `at ${after} ARR, unchanged`;
}

const closed = (count: number, kind: string) =>
  count === 0 ? `No ${kind}plays were open.` : `${count} open ${kind}play${count === 1 ? "" : "s"} closed.`;

export function outcomeRecordedModal(
  recorded: RecordedOutcome & { again: boolean },
  detail: OutcomeDetail,
): ModalView {
  const name = `*${inertText(recorded.accountName, 100)}*`;
  const day = formatDay(recorded.effectiveOn);
  if (recorded.again) return alreadyRecordedModal(recorded, name, day);
  if (detail.kind === "renewed")
    return noticeModal(
      "Renewal recorded",
      [
        `:white_check_mark: ${name} renewed ${arrChange(recorded)}.`,
        `The next renewal is on ${formatDay(detail.nextRenewalDate)}; the new term started on ${day}.`,
        closed(recorded.closedPlays, "renewal "),
      ].join("\n"),
    );
  const kind = detail.voluntary ? "voluntary" : "involuntary";
  const none = noArrBefore(recorded.arrBefore);
  const amount =
    none || recorded.arrBefore === null
      ? `No ARR is recorded as churn (${none}); the account is marked churned on ${day}.`
      : `${formatMoney(recorded.arrBefore)} ARR recorded as churn on ${day}; the account is marked churned.`;
  return noticeModal(
    "Churn recorded",
    [
      `:white_check_mark: ${name} churned (${kind}): ${inertText(detail.reason, 300)}`,
      amount,
      closed(recorded.closedPlays, ""),
    ].join("\n"),
  );
}

function alreadyRecordedModal(recorded: RecordedOutcome, name: string, day: string): ModalView {
  const what =
    recorded.result === "churned"
      ? `${name} churned on ${day}.`
      : `the renewal of ${name} on ${day}: renewed ${arrChange(recorded)}.`;
  return noticeModal(
    "Already recorded",
    `:information_source: Already recorded: ${what} Nothing was recorded twice.`,
  );
}

/** Why nothing was recorded (not allowed, already churned, the renewal moved): the modal says so. */
export function outcomeRefusedModal(message: string): ModalView {
  return noticeModal("Not recorded", `:warning: ${message}`);
}
