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

// A UTC day is exactly dayMs long (JavaScript time has no leap seconds), so day arithmetic is integer
// arithmetic on the time value: a re-score does it for every account and snapshot.
const dayNumber = (date: Date) => Math.floor(date.getTime() / dayMs);

export function utcDay(date: Date): Date {
  return new Date(dayNumber(date) * dayMs);
}

/** Whole calendar days from `from` to `to` in UTC; negative when `to` is earlier. */
export function daysBetween(from: Date, to: Date): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * UTC midnight of a real ISO day (`YYYY-MM-DD`; not checked here), read by position: imports and
 * re-scores read one per snapshot.
 */
export function isoDayToDate(isoDay: string): Date {
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)) - 1,
    Number(isoDay.slice(8, 10)),
  );
  return date;
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
