// The Record renewal and Record churn modals' submissions: private_metadata (the account, the renewal the
// form is for, the card to draw again) and the form state, checked whole. Every problem goes back to its
// field; only the fields of the chosen outcome are read.
import { z } from "zod";
import { isoDayToDate, utcDay } from "../../domain/lifecycle.ts";
import { centsOf, parseMoney } from "../../domain/money.ts";
import type { RenewalOutcomeInput } from "../../domain/renewals/outcome.ts";
import { churnKindChoices, maxChurnReason, outcomeInputs } from "../views/renewal-outcome-modal.ts";
import { type InputValue, metadataJson, modalState } from "./modal-state.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const metadataSchema = z.object({
  a: z.string().min(1).max(64),
  d: isoDay.optional(),
  r: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export interface OutcomeOrigin {
  accountId: string;
  /** The renewal date the form records the outcome of; null for a churn form. */
  renewalDate: Date | null;
  /** Where to draw the card again; null when the form was not opened from a card. */
  responseUrl: string | null;
}

export function parseOutcomeMetadata(privateMetadata: string): OutcomeOrigin | null {
  const parsed = metadataSchema.safeParse(metadataJson(privateMetadata));
  if (!parsed.success) return null;
  const { a, d, r } = parsed.data;
  return { accountId: a, renewalDate: d ? isoDayToDate(d) : null, responseUrl: r ?? null };
}

export interface ChurnInput {
  voluntary: boolean;
  reason: string;
}

type Errors = Record<string, string>;
export type FormResult<T> = { ok: true; input: T } | { ok: false; errors: Errors };

const say = {
  result: "Pick whether the customer renewed or churned.",
  noArr: "Write the new ARR in dollars, like 60,000.",
  badArr: (reason: string) =>
    `${reason[0]?.toUpperCase()}${reason.slice(1)}: write the new ARR in dollars, like 60,000.`,
  zeroArr: "A renewal needs a new ARR above $0: if the customer left, pick Churned.",
  noDate: "Pick the next renewal date.",
  notAfter: (day: string) => `Pick a date after the renewal being recorded, ${day}.`,
  past: "Pick a date after today: the next renewal cannot be over already.",
  noReason: "Say why the customer churned: churn reasons are reported.",
  longReason: `Keep the reason to ${maxChurnReason} characters.`,
  churnKind: "Say whether the customer chose to leave (voluntary) or not (involuntary).",
};

/** Record renewal: renewed with the new ARR and renewal date, or churned with its reason and kind. */
export function parseRenewalOutcomeForm(
  state: unknown,
  renewalDate: Date,
  now: Date,
): FormResult<RenewalOutcomeInput> {
  const read = modalState(state);
  if (!read) return { ok: false, errors: { [outcomeInputs.result]: say.result } };
  const result = read(outcomeInputs.result).selected_option?.value;
  if (result === "churned") {
    const churn = readChurn(read);
    return churn.ok ? { ok: true, input: { kind: "churned", ...churn.input } } : churn;
  }
  if (result !== "renewed") return { ok: false, errors: { [outcomeInputs.result]: say.result } };
  const errors: Errors = {};
  const newArrCents = readArr(read(outcomeInputs.arr).value, errors);
  const newRenewalDate = readNextRenewal(
    read(outcomeInputs.renewalDate).selected_date,
    renewalDate,
    now,
    errors,
  );
  if (newArrCents === null || newRenewalDate === null) return { ok: false, errors };
  return { ok: true, input: { kind: "renewed", newArrCents, newRenewalDate } };
}

/** Record churn: why, and whether the customer chose to leave. */
export function parseChurnForm(state: unknown): FormResult<ChurnInput> {
  const read = modalState(state);
  if (!read) return { ok: false, errors: { [outcomeInputs.reason]: say.noReason } };
  return readChurn(read);
}

function readArr(text: string | null | undefined, errors: Errors): bigint | null {
  const id = outcomeInputs.arr;
  if (!text?.trim()) {
    errors[id] = say.noArr;
    return null;
  }
  const money = parseMoney(text);
  if (!money.ok) {
    errors[id] = say.badArr(money.reason);
    return null;
  }
  const cents = centsOf(money.value);
  if (cents <= 0n) {
    errors[id] = say.zeroArr;
    return null;
  }
  return cents;
}

function readNextRenewal(
  text: string | null | undefined,
  renewalDate: Date,
  now: Date,
  errors: Errors,
): Date | null {
  const id = outcomeInputs.renewalDate;
  const date = text && isoDay.safeParse(text).success ? isoDayToDate(text) : null;
  if (!date || Number.isNaN(date.getTime())) errors[id] = say.noDate;
  else if (date <= renewalDate) errors[id] = say.notAfter(renewalDate.toISOString().slice(0, 10));
  else if (date <= utcDay(now)) errors[id] = say.past;
  else return date;
  return null;
}

function readChurn(read: (id: string) => InputValue): FormResult<ChurnInput> {
  const errors: Errors = {};
  const reason = (read(outcomeInputs.reason).value ?? "").trim();
  if (!reason) errors[outcomeInputs.reason] = say.noReason;
  else if (reason.length > maxChurnReason) errors[outcomeInputs.reason] = say.longReason;
  const kind = read(outcomeInputs.churnKind).selected_option?.value;
  if (!churnKindChoices.some(([value]) => value === kind)) errors[outcomeInputs.churnKind] = say.churnKind;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { voluntary: kind === "voluntary", reason } };
}
