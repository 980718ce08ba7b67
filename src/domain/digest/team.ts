// A manager's morning digest of their team (tracked per CSM book: the aggregate hides who is
// slipping): red ARR, renewals inside 90 days and overdue plays per CSM, the week's band changes, and
// plays nobody has claimed for more than 48 hours, the escalation a signal-driven team cannot skip.
import { daysBetween } from "../lifecycle.ts";
import { isOverdue } from "../plays/urgency.ts";
import type { RenewalStepName } from "../renewals/calendar.ts";

export interface TeamAccount {
  id: string;
  name: string;
  ownerId: string;
  arr: string | null;
  renewalDate: Date | null;
  band: string | null;
  /** The band a week ago. */
  bandWeekAgo: string | null;
}

export interface TeamPlay {
  id: string;
  kind: string;
  ownerId: string | null;
  claimedById: string | null;
  status: string;
  dueAt: Date;
  createdAt: Date;
  account: { id: string; name: string };
}

export interface TeamMemberLine {
  userId: string;
  slackUserId: string;
  redArrCents: number;
  redAccounts: number;
  renewals: number;
  renewalArrCents: number;
  overduePlays: number;
  /** Touches logged more than 24 hours after they happened, in the last 7 days. */
  lateTouches: number;
}

/** A digest, or a renewal reminder, that failed or went elsewhere than meant. */
export type DeliveryProblem = { status: string; error: string | null } & (
  | { kind: "csm" | "team"; slackUserId: string }
  /** The account's owner (null when it has none now), the step and the account. */
  | { kind: "reminder"; slackUserId: string | null; step: RenewalStepName; accountName: string }
);

export interface TeamDigestSections {
  members: TeamMemberLine[];
  /** For admins: messages of the last day that failed or went elsewhere than meant. */
  deliveryProblems?: DeliveryProblem[];
  bandChanges: { account: TeamAccount; ownerSlackId: string; from: string; to: string }[];
  unclaimed: { play: TeamPlay; ownerSlackId: string | null; hours: number }[];
}

export const unclaimedAfterHours = 48;
const hourMs = 3_600_000;
const cents = (arr: string | null) => (arr === null ? 0 : Math.round(Number(arr) * 100));

export function composeTeamDigest(
  members: readonly { userId: string; slackUserId: string; lateTouches?: number }[],
  accounts: readonly TeamAccount[],
  plays: readonly TeamPlay[],
  today: Date,
  now: Date,
  renewalWindowDays = 90,
): TeamDigestSections {
  const slackIdOf = new Map(members.map((m) => [m.userId, m.slackUserId]));
  const lines = members.map((member) => {
    const book = accounts.filter((a) => a.ownerId === member.userId);
    const red = book.filter((a) => a.band === "red");
    const renewing = book.filter((a) => {
      if (!a.renewalDate) return false;
      const days = daysBetween(today, a.renewalDate);
      return days >= 0 && days <= renewalWindowDays;
    });
    return {
      userId: member.userId,
      slackUserId: member.slackUserId,
      redArrCents: red.reduce((sum, a) => sum + cents(a.arr), 0),
      redAccounts: red.length,
      renewals: renewing.length,
      renewalArrCents: renewing.reduce((sum, a) => sum + cents(a.arr), 0),
      overduePlays: plays.filter(
        (p) => (p.claimedById ?? p.ownerId) === member.userId && isOverdue(p.dueAt, now),
      ).length,
      lateTouches: member.lateTouches ?? 0,
    };
  });
  const bandChanges = accounts
    .filter((a) => a.band && a.bandWeekAgo && a.band !== a.bandWeekAgo)
    .map((account) => ({
      account,
      ownerSlackId: slackIdOf.get(account.ownerId) ?? "",
      from: account.bandWeekAgo as string,
      to: account.band as string,
    }));
  const unclaimed = plays
    .filter((p) => p.status === "open" && p.claimedById === null)
    .map((play) => ({ play, hours: Math.floor((now.getTime() - play.createdAt.getTime()) / hourMs) }))
    .filter(({ hours }) => hours >= unclaimedAfterHours)
    .sort((a, b) => b.hours - a.hours)
    .map(({ play, hours }) => ({
      play,
      hours,
      ownerSlackId: play.ownerId ? (slackIdOf.get(play.ownerId) ?? null) : null,
    }));
  return {
    members: lines.sort((a, b) => b.redArrCents - a.redArrCents || b.overduePlays - a.overduePlays),
    bandChanges,
    unclaimed,
  };
}
