// The Record renewal and Record churn modals, and the buttons that open them. Record renewal (from the
// card, a renewal reminder or the App Home, once the renewal is inside T-90 or past due) records how the
// renewal ended: renewed at a new ARR and renewal date, both proposed, or churned with its reason and
// kind. Record churn records a customer gone mid-term. Each modal says what recording will do.
// private_metadata carries the account, the renewal date the form is for, and the response_url of the
// card it was opened from, so the submission can draw that card again.
import { daysBetween } from "../../domain/lifecycle.ts";
import { formatArr, formatMoney } from "../../domain/money.ts";
import type { OutcomeForm, RenewalOutcomeForm } from "../../services/renewal-outcome-start.ts";
import {
  type Block,
  type ButtonElement,
  button,
  context,
  inputBlock,
  type ModalView,
  plain,
  section,
} from "./blocks.ts";
import { blockKitLimits } from "./limits.ts";
import { option } from "./stakeholder-options.ts";
import { formatDay, inertText, relativeDays } from "./wording.ts";

export const renewalOutcomeActionId = "renewal_outcome_open";
export const churnActionId = "churn_open";
export const renewalOutcomeCallbackId = "renewal_outcome_save";
export const churnCallbackId = "churn_save";

/** block_id and action_id of each input (the same string). */
export const outcomeInputs = {
  result: "outcome_result",
  arr: "outcome_arr",
  renewalDate: "outcome_renewal_date",
  reason: "churn_reason",
  churnKind: "churn_kind",
} as const;

export const maxChurnReason = 500;
const maxArrText = 30;

export const outcomeChoices = [
  ["renewed", "Renewed"],
  ["churned", "Churned"],
] as const;
export const churnKindChoices = [
  ["voluntary", "Voluntary: the customer chose to leave"],
  ["involuntary", "Involuntary: a failed payment, or not renewed by mistake"],
] as const;

/** Short keys: private_metadata holds at most 3,000 characters. */
export interface OutcomeMetadata {
  a: string;
  /** The renewal date the form records the outcome of (YYYY-MM-DD); absent for a churn. */
  d?: string;
  /** response_url of the card the form was opened from. */
  r?: string;
}

/** The button that opens Record renewal for an account (the card, a reminder, the App Home). */
/** `index` tells apart the buttons of a view that lists several renewals (action ids are unique in one). */
export function renewalOutcomeButton(accountId: string, index?: number): ButtonElement {
  const actionId = index === undefined ? renewalOutcomeActionId : `${renewalOutcomeActionId}_${index}`;
  return button("Record renewal", actionId, accountId);
}

export function churnButton(accountId: string): ButtonElement {
  return button("Record churn", churnActionId, accountId);
}

export function outcomeMetadata(metadata: OutcomeMetadata): string {
  const text = JSON.stringify(metadata);
  // A response_url is ~100 characters; an absurdly long one only costs redrawing the card.
  if (text.length <= blockKitLimits.privateMetadata) return text;
  const { r: _, ...withoutUrl } = metadata;
  return JSON.stringify(withoutUrl);
}

/** "its 2 open renewal plays close" */
function plays(count: number, kind = ""): string {
  if (count === 0) return `no ${kind}play is open to close`;
  return count === 1 ? `its open ${kind}play closes` : `its ${count} open ${kind}plays close`;
}

export type OutcomeChoice = (typeof outcomeChoices)[number][0];

/**
 * Picking Renewed or Churned redraws the modal with that outcome's fields (the pick is dispatched), so
 * every field shown is needed and the text says what this outcome will do.
 */
export function renewalOutcomeModal(
  form: RenewalOutcomeForm,
  today: Date,
  origin: { responseUrl: string | null; choice: OutcomeChoice },
): ModalView {
  const renewal = formatDay(form.renewalDate);
  const when = relativeDays(daysBetween(today, form.renewalDate));
  const arr = form.arr === null ? null : formatMoney(form.arr);
  const choice = outcomeChoices.find(([value]) => value === origin.choice) ?? outcomeChoices[0];
  const blocks: Block[] = [
    section(
      `*${inertText(form.accountName, 100)}* · renewal on ${renewal} (${when}) · ARR ${formatArr(form.arr)}`,
    ),
    inputBlock(
      outcomeInputs.result,
      "How did the renewal end?",
      {
        type: "radio_buttons",
        options: outcomeChoices.map(([value, text]) => option(text, value)),
        initial_option: option(choice[1], choice[0]),
      },
      { dispatch_action: true },
    ),
    ...(choice[0] === "renewed" ? renewedBlocks(form, renewal, arr) : churnedBlocks(form, renewal, arr)),
  ];
  return {
    type: "modal",
    callback_id: renewalOutcomeCallbackId,
    title: plain("Record renewal"),
    submit: plain(choice[0] === "renewed" ? "Record renewal" : "Record churn"),
    close: plain("Cancel"),
    private_metadata: outcomeMetadata({
      a: form.accountId,
      d: renewal,
      ...(origin.responseUrl ? { r: origin.responseUrl } : {}),
    }),
    blocks,
  };
}

function renewedBlocks(form: RenewalOutcomeForm, renewal: string, arr: string | null): Block[] {
  return [
    context(
      `The renewal date moves to the date below, a new term starts on ${renewal}, and ${plays(form.openRenewalPlays, "renewal ")}.`,
    ),
    inputBlock(
      outcomeInputs.arr,
      "New ARR (USD)",
      { type: "plain_text_input", max_length: maxArrText, ...(arr ? { initial_value: arr } : {}) },
      {
        hint: plain(
          arr
            ? `Above ${arr} is recorded as an upsell (expansion), below it as a downsell (contraction).`
            : "The ARR before is unknown: the new ARR is recorded as new ARR.",
        ),
      },
    ),
    inputBlock(
      outcomeInputs.renewalDate,
      "Next renewal date",
      { type: "datepicker", initial_date: formatDay(form.nextRenewalDate) },
      { hint: plain(`Proposed: ${renewal} rolled forward by the contract term.`) },
    ),
  ];
}

function churnedBlocks(form: OutcomeForm, renewal: string, arr: string | null): Block[] {
  return [
    context(
      `${arr ? `The ${arr} ARR is recorded as churn` : "The churn is recorded"} on ${renewal}, the account is marked churned, and ${plays(form.openPlays)}.`,
    ),
    ...churnInputs(),
  ];
}

/** A churn outside a renewal, dated the day it is recorded. */
export function churnModal(form: OutcomeForm, today: Date, responseUrl: string | null): ModalView {
  const arr = form.arr === null ? null : formatMoney(form.arr);
  const blocks: Block[] = [
    section(`*${inertText(form.accountName, 100)}* · ARR ${formatArr(form.arr)}`),
    context(
      `For a customer leaving mid-term: ${arr ? `the ${arr} ARR is recorded as churn` : "the churn is recorded"} today (${formatDay(today)}), the account is marked churned, and ${plays(form.openPlays)}. A renewal that ended in churn is recorded with Record renewal instead, on its renewal date.`,
    ),
    ...churnInputs(),
  ];
  return {
    type: "modal",
    callback_id: churnCallbackId,
    title: plain("Record churn"),
    submit: plain("Record churn"),
    close: plain("Cancel"),
    private_metadata: outcomeMetadata({ a: form.accountId, ...(responseUrl ? { r: responseUrl } : {}) }),
    blocks,
  };
}

/** Why the customer left, and whether they chose to. */
function churnInputs(): Block[] {
  return [
    inputBlock(
      outcomeInputs.reason,
      "Why did the customer churn?",
      { type: "plain_text_input", multiline: true, max_length: maxChurnReason },
      { hint: plain("In a few words: churn reasons are reported, so name the real one.") },
    ),
    inputBlock(outcomeInputs.churnKind, "Voluntary or involuntary?", {
      type: "radio_buttons",
      options: churnKindChoices.map(([value, text]) => option(text, value)),
    }),
  ];
}
