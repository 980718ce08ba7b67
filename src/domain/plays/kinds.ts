// The plays the bot runs (docs/plays.md): their kinds, the
// words a CSM reads for each, how a play can end, and how long it can be snoozed.

/** The kinds the signal rules start and close on their own (see `desiredPlays` and `reconcilePlays`). */
export const signalPlayKinds = [
  "save",
  "health_review",
  "sponsor_reengage",
  "second_sponsor",
  "adoption_workshop",
  "power_user_checkin",
  "support_escalation",
  "billing_check",
  "nps_recovery",
  "data_gap",
] as const;
export type SignalPlayKind = (typeof signalPlayKinds)[number];

/**
 * The renewal calendar's plays, one per step (domain/renewals/calendar.ts): started by the calendar, closed
 * by people, or by a new calendar when the renewal date moves; the signal rules never close them.
 */
export const renewalPlayKinds = [
  "renewal_expansion",
  "renewal_lock",
  "renewal_commit",
  "renewal_escalation",
  "renewal_outcome",
] as const;
export type RenewalPlayKind = (typeof renewalPlayKinds)[number];

/**
 * Plays a CSM's record starts: a key contact left the stakeholder map (find the successor); a QBR's
 * expansion question named an opportunity (work it).
 */
export const mapPlayKinds = ["contact_left", "expansion_opportunity"] as const;

/** Every kind of play; a kind started by something other than a signal rule goes here. */
export const playKinds = [...signalPlayKinds, ...renewalPlayKinds, ...mapPlayKinds] as const;
export type PlayKind = (typeof playKinds)[number];

const labels: Record<PlayKind, string> = {
  contact_left: "Find the successor",
  expansion_opportunity: "Work the expansion opportunity",
  save: "Save play",
  health_review: "Health review",
  sponsor_reengage: "Re-engage the sponsor",
  second_sponsor: "Map a second executive sponsor",
  adoption_workshop: "Adoption workshop",
  power_user_checkin: "Power-user check-in",
  support_escalation: "Support escalation review",
  billing_check: "Billing check",
  nps_recovery: "NPS recovery",
  data_gap: "Data gap",
  renewal_expansion: "Open the expansion conversation",
  renewal_lock: "Renewal lock (T-90)",
  renewal_commit: "Renewal commit check (T-60)",
  renewal_escalation: "Renewal without a commit (T-30)",
  renewal_outcome: "Record the renewal outcome",
};

/** What the CSM does when the play starts: one line, shown under the play. */
const hints: Record<PlayKind, string> = {
  expansion_opportunity:
    "Qualify it with the champion and the economic buyer within two weeks, and bring in the account executive with the numbers.",
  contact_left:
    "Ask the champion or the sponsor who takes over, meet them within two weeks, and map them: a renewal without its sponsor is at risk.",
  save: "Agree a written save plan with the champion and the sponsor this week, with owners and dates, and tell your manager.",
  health_review:
    "Go through the reasons with the champion, agree what moves each one back to green, and log it as a touch.",
  sponsor_reengage:
    "Reach the sponsor directly (or through the champion) with a short value summary and book time: a dark sponsor will not defend the renewal.",
  second_sponsor:
    "Ask the sponsor and the champion to introduce a second executive: single-sponsor accounts churn about twice as often.",
  adoption_workshop:
    "Run a workshop with the power users on the unused features that serve the success plan's goals.",
  power_user_checkin:
    "Call the power users who went quiet and find out what changed before the drop spreads; the nudge did not work.",
  support_escalation:
    "Review the open P1/P2 tickets with support, then tell the customer who owns each fix and by when.",
  billing_check:
    "Ask finance why the invoice is late, then talk to the economic buyer: late payment signals budget pressure.",
  nps_recovery:
    "Call the person who answered within a week, hear the complaint out, and agree one fix with a date.",
  data_gap:
    "Ask the owner of the feed why this account's data stopped (an id that no longer matches, an export that skips it): until it is back, its health is a guess.",
  renewal_expansion:
    "Ask the sponsor and the champion about new seats and use cases now: the expansion conversation opens by month 7, not at the renewal.",
  renewal_lock:
    "Lock the renewal: document the commit with the economic buyer and open the expansion conversation if it is not open yet.",
  renewal_commit:
    "Get the renewal commit documented by T-60: confirm the economic buyer, the ARR and the signing date, and record the commit status.",
  renewal_escalation:
    "No commit at T-30: agree a rescue plan with your manager this week and meet the economic buyer together.",
  renewal_outcome:
    "The renewal date has come: record how it ended (renewed, upsold, downsold or churned) with Record renewal, so the next term starts and the renewal plays close.",
};

export function isPlayKind(kind: string): kind is PlayKind {
  return (playKinds as readonly string[]).includes(kind);
}

export function isSignalPlayKind(kind: string): kind is SignalPlayKind {
  return (signalPlayKinds as readonly string[]).includes(kind);
}

/** "Save play"; a kind this build does not know reads as its humanized name ("renewal_lock" → "Renewal lock"). */
export function playKindLabel(kind: string): string {
  return isPlayKind(kind) ? labels[kind] : humanize(kind);
}

/** What to do for a kind; null for a kind this build does not know. */
export function playKindHint(kind: string): string | null {
  return isPlayKind(kind) ? hints[kind] : null;
}

/** The outcomes a person picks when closing a play (the Close modal). */
export const playOutcomes = ["done", "no_change_needed", "escalated", "customer_unresponsive"] as const;
export type PlayOutcome = (typeof playOutcomes)[number];

/** The outcome the rules record when a play closes itself because its trigger went away. */
export const signalClearedOutcome = "signal_cleared";
export type ClosedPlayOutcome = PlayOutcome | typeof signalClearedOutcome;

const outcomeLabels: Record<ClosedPlayOutcome, string> = {
  done: "Done",
  no_change_needed: "No change needed",
  escalated: "Escalated",
  customer_unresponsive: "Customer unresponsive",
  signal_cleared: "Signal cleared",
};

export function isPlayOutcome(outcome: string): outcome is PlayOutcome {
  return (playOutcomes as readonly string[]).includes(outcome);
}

export function playOutcomeLabel(outcome: string): string {
  return Object.hasOwn(outcomeLabels, outcome)
    ? outcomeLabels[outcome as ClosedPlayOutcome]
    : humanize(outcome);
}

/** The Snooze button's choices, in days. */
export const snoozeDays = [1, 3, 7] as const;
export type SnoozeDays = (typeof snoozeDays)[number];

export function isSnoozeDays(days: number): days is SnoozeDays {
  return (snoozeDays as readonly number[]).includes(days);
}

function humanize(name: string): string {
  const words = name
    .trim()
    .replace(/[\s_-]+/g, " ")
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Play";
}
