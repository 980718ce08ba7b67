// The managers' team digests: each manager's direct reports' books, read in one pass for every manager.
import { bookAccounts, scoresAsOf } from "../db/repositories/digest-book.ts";
import { type DigestKind, deliveryProblemsSince } from "../db/repositories/digests.ts";
import { openPlaysForUsers } from "../db/repositories/plays.ts";
import { reminderProblemsSince } from "../db/repositories/renewal-steps.ts";
import { lateTouchCounts } from "../db/repositories/touches.ts";
import type { Db } from "../db/repositories/types.ts";
import {
  composeTeamDigest,
  type DeliveryProblem,
  type TeamAccount,
  type TeamDigestSections,
} from "../domain/digest/team.ts";
import type { RenewalStepName } from "../domain/renewals/calendar.ts";
import { loggedWithinHours } from "../domain/touches/rules.ts";
import type { DigestRecipient } from "./digest-content.ts";

export interface TeamDigestContent {
  recipient: DigestRecipient;
  sections: TeamDigestSections;
}

const dayMs = 86_400_000;

export async function teamDigestContents(
  db: Db,
  recipients: readonly (DigestRecipient & { isAdmin: boolean })[],
  now: Date,
): Promise<TeamDigestContent[]> {
  if (recipients.length === 0) return [];
  const reports = await db.user.findMany({
    where: { managerId: { in: recipients.map((r) => r.userId) } },
    select: { id: true, slackUserId: true, managerId: true },
    orderBy: { slackUserId: "asc" },
  });
  const reportIds = reports.map((r) => r.id);
  const accounts = await bookAccounts(db, reportIds);
  const ids = accounts.map((a) => a.id);
  const today = new Date(Math.floor(now.getTime() / dayMs) * dayMs);
  const [latest, weekAgo, plays, deliveryProblems, late] = await Promise.all([
    scoresAsOf(db, ids, new Date(today.getTime() + dayMs)),
    scoresAsOf(db, ids, new Date(today.getTime() - 7 * dayMs)),
    openPlaysForUsers(db, reportIds),
    recipients.some((r) => r.isAdmin) ? problemsOfTheDay(db, now) : [],
    lateTouchCounts(db, reportIds, new Date(now.getTime() - 7 * dayMs), loggedWithinHours),
  ]);
  const bandOf = new Map(latest.map((s) => [s.accountId, s.band]));
  const bandWeekAgoOf = new Map(weekAgo.map((s) => [s.accountId, s.band]));
  const teamAccounts: TeamAccount[] = accounts.map((a) => ({
    id: a.id,
    name: a.name,
    ownerId: a.ownerId as string,
    arr: a.arr?.toFixed(2) ?? null,
    renewalDate: a.renewalDate,
    band: bandOf.get(a.id) ?? null,
    bandWeekAgo: bandWeekAgoOf.get(a.id) ?? null,
  }));
  return recipients.map((recipient) => {
    const team = reports.filter((r) => r.managerId === recipient.userId);
    const teamIds = new Set(team.map((r) => r.id));
    const mine = (id: string | null) => id !== null && teamIds.has(id);
    const sections = composeTeamDigest(
      team.map((r) => ({ userId: r.id, slackUserId: r.slackUserId, lateTouches: late.get(r.id) ?? 0 })),
      teamAccounts.filter((a) => teamIds.has(a.ownerId)),
      plays
        .filter((p) => mine(p.ownerId) || mine(p.claimedById))
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          ownerId: p.ownerId,
          claimedById: p.claimedById,
          status: p.status,
          dueAt: p.dueAt,
          createdAt: p.createdAt,
          account: { id: p.accountId, name: p.accountName },
        })),
      recipient.localDate,
      now,
    );
    return { recipient, sections: recipient.isAdmin ? { ...sections, deliveryProblems } : sections };
  });
}

/** Digests and renewal reminders of the last 24 hours that failed or went elsewhere than meant. */
async function problemsOfTheDay(db: Db, now: Date): Promise<DeliveryProblem[]> {
  const since = new Date(now.getTime() - dayMs);
  const [digests, reminders] = await Promise.all([
    deliveryProblemsSince(db, since),
    reminderProblemsSince(db, since),
  ]);
  return [
    ...digests.map((p) => ({
      slackUserId: p.user.slackUserId,
      kind: p.kind as DigestKind,
      status: p.status,
      error: p.error,
    })),
    ...reminders.map((p) => ({
      kind: "reminder" as const,
      slackUserId: p.account.owner?.slackUserId ?? null,
      status: p.status,
      error: p.error,
      step: p.step as RenewalStepName,
      accountName: p.account.name,
    })),
  ];
}
