// Where an account stands in its contract (DOMAIN.md, lifecycle stage of a 12-month contract), and the
// day arithmetic the rest of the bot shares. Dates without time are UTC midnight.

export type LifecycleStage = "onboarding" | "adoption" | "value_realization" | "expansion" | "renewal";

export const lifecycleStages: readonly LifecycleStage[] = [
  "onboarding",
  "adoption",
  "value_realization",
  "expansion",
  "renewal",
];

const dayMs = 86_400_000;

/** The first day of each stage, in days since contract start. */
const stageStarts: readonly [number, LifecycleStage][] = [
  [270, "renewal"],
  [180, "expansion"],
  [90, "value_realization"],
  [30, "adoption"],
];

/** T-90 is the renewal lock date: from then on the account runs the renewal play. */
export const renewalWindowDays = 90;

const labels: Record<LifecycleStage, string> = {
  onboarding: "Onboarding",
  adoption: "Adoption",
  value_realization: "Value realization",
  expansion: "Expansion",
  renewal: "Renewal",
};

export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Whole calendar days from `from` to `to` in UTC; negative when `to` is earlier. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / dayMs);
}

/**
 * The stage the contract dates imply, or null when they say nothing.
 *
 * DOMAIN.md's table overlaps expansion (180-330) and renewal (270-365). We resolve it so that the
 * renewal play is never late: renewal from day 270 of the contract, and also whenever the renewal
 * date is known and at most 90 days away (or passed), whatever the contract's length. A contract that
 * starts in the future counts as onboarding: the kickoff happens before day 0.
 */
export function deriveStage(
  contractStart: Date | null,
  renewalDate: Date | null,
  today: Date,
): LifecycleStage | null {
  if (renewalDate && daysBetween(today, renewalDate) <= renewalWindowDays) return "renewal";
  if (!contractStart) return null;
  const day = daysBetween(contractStart, today);
  for (const [firstDay, stage] of stageStarts) {
    if (day >= firstDay) return stage;
  }
  return "onboarding";
}

export function stageLabel(stage: LifecycleStage): string {
  return labels[stage];
}

/** Reads a stage as a CRM or a person writes it: "value-realization", "Value Realization", "value_realization". */
export function parseStage(text: string): LifecycleStage | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
  return lifecycleStages.find((stage) => stage === key) ?? null;
}
