// Where an account stands in its contract (the lifecycle stages, docs/health-model.md), and the day
// arithmetic the rest of the bot shares. Dates without time are UTC midnight.

export type LifecycleStage = "onboarding" | "adoption" | "value_realization" | "expansion" | "renewal";

/** Where a contract stands: a lifecycle stage, or past its renewal date with no outcome recorded. */
export type ContractState = LifecycleStage | "renewal_overdue";

export const lifecycleStages: readonly LifecycleStage[] = [
  "onboarding",
  "adoption",
  "value_realization",
  "expansion",
  "renewal",
];

const dayMs = 86_400_000;

/** The first day of each stage in days since the start of a 12-month term; other terms scale it. */
const stageStarts: readonly [number, LifecycleStage][] = [
  [270, "renewal"],
  [180, "expansion"],
  [90, "value_realization"],
  [30, "adoption"],
];

/** T-90 is the renewal lock date: from then on the account runs the renewal play. */
export const renewalWindowDays = 90;

const yearDays = 365;

const labels: Record<ContractState, string> = {
  renewal_overdue: "Renewal overdue",
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
 * Where the current contract term stands, from its start, its renewal date and today.
 *
 * - A renewal date in the past is "renewal_overdue": nobody recorded the outcome that would have moved
 *   it, and an account in that state is never silently fine.
 * - The stages scale with the term: the stages' table is for 12 months, so a 3-year term reaches
 *   expansion at month 18, not month 6.
 * - The stages' table overlaps expansion (180-330) and renewal (270-365). We resolve it so that the
 *   renewal play is never late: renewal from day 270 of a year's term, and also whenever the renewal date
 *   is at most 90 days away, whatever the term's length.
 * - A term that starts in the future counts as onboarding: the kickoff happens before day 0.
 *
 * `termStart` is the current term's start (the contract start, or the last renewal when the contract
 * renewed without a new start date).
 */
export function deriveStage(
  termStart: Date | null,
  renewalDate: Date | null,
  today: Date,
): ContractState | null {
  if (renewalDate) {
    const daysLeft = daysBetween(today, renewalDate);
    if (daysLeft < 0) return "renewal_overdue";
    if (daysLeft <= renewalWindowDays) return "renewal";
  }
  if (!termStart) return null;
  const termDays = renewalDate ? daysBetween(termStart, renewalDate) : yearDays;
  const scale = termDays > 0 ? termDays / yearDays : 1;
  const day = daysBetween(termStart, today);
  for (const [firstDay, stage] of stageStarts) {
    if (day >= firstDay * scale) return stage;
  }
  return "onboarding";
}

/**
 * The stage a card shows: the one the CRM set, unless the renewal date passed (overdue whatever the
 * CRM says), else the one the dates imply.
 */
export function contractState(
  setStage: LifecycleStage | null,
  termStart: Date | null,
  renewalDate: Date | null,
  today: Date,
): ContractState | null {
  const derived = deriveStage(termStart, renewalDate, today);
  return derived === "renewal_overdue" ? derived : (setStage ?? derived);
}

export function stageLabel(stage: ContractState): string {
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
