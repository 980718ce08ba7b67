// The kinds of value the health configuration holds, each with the words a refusal uses, and the
// defaults that are tables rather than single numbers.
import { z } from "zod";

/** A whole number in a range; `error` is the one message for every way a value misses it. */
export function wholeNumber(error: string, min: number, max?: number) {
  const number = z.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? number : number.max(max, { error });
}

export const percent = z
  .number({ error: "must be a percentage from 0 to 100" })
  .min(0, { error: "must be a percentage from 0 to 100" })
  .max(100, { error: "must be a percentage from 0 to 100" });
export const days = wholeNumber("must be a whole number of days, 0 or more", 0);
export const tickets = (min: number) => wholeNumber(`must be a whole number of tickets, ${min} or more`, min);
export const weight = z
  .number({ error: "must be a weight, 0 or more" })
  .min(0, { error: "must be a weight, 0 or more" });
export const staleAfter = wholeNumber("must be a whole number of days, 1 or more", 1).max(60, {
  error: "must be at most 60 days (older snapshots are not read)",
});
export const signalCount = wholeNumber("must be a whole number of signals from 0 to 5", 0, 5);
export const npsPoints = wholeNumber("must be a whole NPS from -100 to 100", -100, 100);
export const bandScore = wholeNumber("must be a whole score from 1 to 100", 1, 100);
export const claimDays = wholeNumber("must be a whole number of days, 1 or more", 1);
export const playKindKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** Support thresholds for one segment; a setting left out takes the team-wide one. */
export const segmentSupport = z
  .strictObject({
    p1P2YellowAt: tickets(1).optional(),
    p1P2RedAt: tickets(1).optional(),
    ticketsYellowAbove: tickets(0).optional(),
    ticketsRedAbove: tickets(0).optional(),
  })
  .optional();

/**
 * A claimed play's working time by kind: a save plan needs a week of meetings, a late invoice a call to
 * finance within days, a second sponsor weeks of introductions.
 */
export const defaultClaimDeadlineDays: Record<string, number> = {
  save: 7,
  health_review: 7,
  sponsor_reengage: 5,
  second_sponsor: 14,
  adoption_workshop: 14,
  power_user_checkin: 5,
  support_escalation: 3,
  billing_check: 3,
  nps_recovery: 5,
  data_gap: 3,
  renewal_expansion: 14,
  renewal_lock: 7,
  renewal_commit: 7,
  renewal_escalation: 3,
  renewal_outcome: 3,
  contact_left: 14,
};
