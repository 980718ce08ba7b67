// What a renewal outcome writes to the ARR ledger, decided from the figures: renewed at the same ARR,
// with an upsell (more) or a downsell (less), or churned. Pure.

export type RenewalOutcomeInput =
  | { kind: "renewed"; newArrCents: bigint; newRenewalDate: Date }
  | { kind: "churned"; voluntary: boolean; reason: string };

export type RenewalResult = "renewed" | "upsold" | "downsold" | "churned";

export interface LedgerChange {
  kind: "new" | "expansion" | "contraction" | "churn";
  cents: bigint;
}

/** The result and the movement a renewal at `newArr` makes of an ARR of `arr` (null: unknown). */
export function renewalChange(
  arr: bigint | null,
  newArr: bigint,
): { result: RenewalResult; movement: LedgerChange | null } {
  if (arr === null || arr === 0n)
    return { result: "renewed", movement: newArr > 0n ? { kind: "new", cents: newArr } : null };
  if (newArr > arr) return { result: "upsold", movement: { kind: "expansion", cents: newArr - arr } };
  if (newArr < arr) return { result: "downsold", movement: { kind: "contraction", cents: arr - newArr } };
  return { result: "renewed", movement: null };
}

/** Why a renewal outcome cannot be recorded as given; null when it can. */
export function outcomeProblem(
  account: { renewalDate: Date | null; churnedAt: Date | null },
  input: RenewalOutcomeInput,
): string | null {
  if (account.churnedAt) return "This account has already churned.";
  if (!account.renewalDate) return "This account has no renewal date to record an outcome for.";
  if (input.kind === "churned") return input.reason.trim() ? null : "Say why the account churned.";
  if (input.newArrCents <= 0n) return "A renewal needs its new ARR, above $0; record a churn instead.";
  if (input.newRenewalDate <= account.renewalDate)
    return `The new renewal date must be after ${account.renewalDate.toISOString().slice(0, 10)}.`;
  return null;
}
