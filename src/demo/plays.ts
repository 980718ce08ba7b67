// Open plays on a red or yellow demo account, raised from its latest week the way the play rules would:
// every urgent play, or else the one mild play that explains the score, plus a second-sponsor play.

import { randomUUID } from "node:crypto";
import { openPlayKey } from "../domain/plays/open-key.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { addDays, addHours, isoDay } from "./dates.ts";
import type { AccountDraft, Build, Person } from "./draft.ts";
import { bandOf, loginDropPct, type WeekSignals } from "./health.ts";

interface PlayCandidate {
  kind: string;
  fires: boolean;
  /** Urgent plays always start; a milder one only when nothing urgent explains a yellow score. */
  urgent: boolean;
  reason: string;
  trigger: Prisma.InputJsonObject;
}

export function addPlays(
  { rng, rows, now }: Build,
  draft: AccountDraft,
  people: Person[],
  latest: { signals: WeekSignals; score: number },
  monthAgo: number,
) {
  const s = latest.signals;
  const sponsors = people.filter((person) => person.row.role === "executive_sponsor");
  const closest = [...sponsors].sort(
    (a, b) => b.row.lastContactOn.getTime() - a.row.lastContactOn.getTime(),
  )[0];
  const adoptionPct = Math.round((s.featuresUsed / s.featuresInPlan) * 100);
  const drop = loginDropPct(s);
  const dark = s.sponsorDarkDays ?? 0;
  const red = bandOf(latest.score) === "red";
  const candidates: PlayCandidate[] = [
    {
      kind: "save",
      fires: red,
      urgent: red,
      reason: `Health red at ${latest.score} (${monthAgo} four weeks ago)`,
      trigger: { score: latest.score, band: "red", scoreFourWeeksAgo: monthAgo },
    },
    {
      kind: "sponsor_reengage",
      fires: dark > 30,
      urgent: dark > 45,
      reason: `Executive sponsor ${closest?.row.name ?? ""} has not responded for ${dark} days`,
      trigger: { sponsorDarkDays: dark, sponsorLastResponse: isoDay(addDays(s.date, -dark)) },
    },
    {
      kind: "power_user_checkin",
      fires: drop >= 20,
      urgent: drop > 50,
      reason: `Power-user logins down ${drop}% week over week (${s.previousLogins} → ${s.powerUserLogins})`,
      trigger: { powerUserLogins: s.powerUserLogins, previousWeek: s.previousLogins, dropPct: drop },
    },
    {
      kind: "support_escalation",
      fires: s.p1P2Tickets30d >= 1 || s.tickets30d >= 7,
      urgent: s.p1P2Tickets30d >= 2 || s.tickets30d >= 10,
      reason: `${s.tickets30d} tickets in the last 30 days, ${s.p1P2Tickets30d} of them P1/P2`,
      trigger: { tickets30d: s.tickets30d, p1P2Tickets30d: s.p1P2Tickets30d },
    },
    {
      kind: "adoption_workshop",
      fires: adoptionPct < 55,
      urgent: adoptionPct < 40,
      reason: `Feature adoption ${adoptionPct}%: ${s.featuresUsed} of ${s.featuresInPlan} features in the plan used weekly`,
      trigger: { adoptionPct, featuresUsed: s.featuresUsed, featuresInPlan: s.featuresInPlan },
    },
    {
      kind: "billing_check",
      fires: s.invoiceDaysOverdue > 0,
      urgent: s.invoiceDaysOverdue > 10,
      reason: `Invoice ${s.invoiceDaysOverdue} days overdue`,
      trigger: { invoiceDaysOverdue: s.invoiceDaysOverdue },
    },
  ];
  const urgent = candidates.filter((play) => play.urgent);
  const chosen = urgent.length ? urgent : candidates.filter((play) => play.fires).slice(0, 1);
  if (sponsors.length < 2) {
    chosen.push({
      kind: "second_sponsor",
      fires: true,
      urgent: false,
      reason: closest
        ? `Only one executive sponsor mapped (${closest.row.name}); single-sponsor accounts churn about twice as often`
        : "No executive sponsor mapped; aim for two within the first 90 days",
      trigger: { executiveSponsors: sponsors.length },
    });
  }
  for (const play of chosen.slice(0, 4)) {
    const createdAt = addHours(now, -rng.int(2, 30));
    const claimed = rng.chance(0.35);
    rows.plays.push({
      id: randomUUID(),
      accountId: draft.id,
      kind: play.kind,
      openKey: openPlayKey(draft.id, play.kind),
      reason: play.reason,
      trigger: play.trigger,
      ownerId: draft.ownerId,
      claimedById: claimed ? draft.ownerId : null,
      status: claimed ? "claimed" : "open",
      // Signal-driven teams start a save within 24 hours.
      dueAt: addHours(createdAt, play.kind === "save" ? 24 : 24 * rng.int(2, 7)),
      createdAt,
    });
  }
}
