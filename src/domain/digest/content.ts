// What a CSM's morning digest says, most important first (a CSM's day starts by scanning the book for
// accounts that moved either way). Pure: the book as read this morning in, sections out; the view turns
// them into Block Kit and decides how much of each fits.
import { subScoreNames } from "../health/config.ts";
import { type ContractState, daysBetween } from "../lifecycle.ts";
import { compareUrgency, isOverdue } from "../plays/urgency.ts";
import { type MapPerson, type MapRisk, mapRisks, rolesOf } from "../stakeholders/risks.ts";

export interface DigestScore {
  band: string;
  score: number;
  reasons: string[];
  subScores: Record<string, number | null>;
}

export interface DigestAccount {
  id: string;
  name: string;
  /** Decimal string. */
  arr: string | null;
  renewalDate: Date | null;
  stage: ContractState | null;
  renewalCommit: "committed" | "at_risk" | "unknown" | null;
  /** The latest score. */
  health: DigestScore | null;
  /** The score on the day of the last digest (or the day before, for a first digest). */
  before: DigestScore | null;
  lastTouchAt: Date | null;
  /** The stakeholder map (with those who left lately), when the digest reads it. */
  people?: readonly MapPerson[];
  contractStart?: Date | null;
}

export interface DigestPlay {
  id: string;
  kind: string;
  dueAt: Date;
  arrAtRisk: string | null;
  account: { id: string; name: string };
}

export interface BandChange {
  account: DigestAccount;
  from: string;
  to: string;
  /** "adoption 62 → 38", worst change first. */
  moves: string[];
  better: boolean;
}

export interface DigestSections {
  bandChanges: BandChange[];
  /** Red, then yellow (and not enough data after them), with their reasons; most ARR first within a band. */
  atRisk: DigestAccount[];
  renewalsSoon: { account: DigestAccount; daysLeft: number }[];
  renewalsOverdue: { account: DigestAccount; daysPast: number }[];
  overduePlays: DigestPlay[];
  darkSponsors: { account: DigestAccount; reason: string }[];
  quietOnboarding: { account: DigestAccount; daysSinceTouch: number | null }[];
  staleData: { account: DigestAccount; reasons: string[] }[];
  /** Stakeholder-map warnings (a sponsor gone quiet is under darkSponsors); most ARR first. */
  mapGaps: { account: DigestAccount; risks: MapRisk[] }[];
  /** Accounts in the book, and how many are green or have every problem in hand (a claimed play). */
  accounts: number;
}

export interface DigestSettingsForContent {
  renewalWindowDays: number;
  /** An onboarding account with no touch for this long is listed. */
  onboardingQuietDays: number;
  /** Sub-score changes smaller than this are not worth a line. */
  minimumMove: number;
  /** The red limit of the sponsor sub-score: below it the sponsor has gone dark. */
  redBelow: number;
}

export const defaultDigestContentSettings: DigestSettingsForContent = {
  renewalWindowDays: 90,
  onboardingQuietDays: 7,
  minimumMove: 5,
  redBelow: 40,
};

const bandRank: Record<string, number> = { red: 0, yellow: 1, unknown: 2, green: 3 };
const subScoreLabels: Record<string, string> = {
  adoption: "adoption",
  loginTrend: "login trend",
  sponsor: "sponsor",
  support: "support",
  payment: "payment",
  renewal: "renewal",
};

const cents = (arr: string | null) => (arr === null ? 0 : Math.round(Number(arr) * 100));
const byArr = (a: DigestAccount, b: DigestAccount) => cents(b.arr) - cents(a.arr);

export function composeDigest(
  accounts: readonly DigestAccount[],
  plays: readonly DigestPlay[],
  today: Date,
  now: Date,
  settings: DigestSettingsForContent = defaultDigestContentSettings,
): DigestSections {
  const bandChanges = accounts
    .flatMap((account) => bandChangeOf(account, settings) ?? [])
    .sort((a, b) => Number(a.better) - Number(b.better) || byArr(a.account, b.account));
  const atRisk = accounts
    .filter((account) => account.health && ["red", "yellow"].includes(account.health.band))
    .sort((a, b) => rank(a) - rank(b) || byArr(a, b));
  const withRenewal = accounts.flatMap((account) =>
    account.renewalDate ? [{ account, days: daysBetween(today, account.renewalDate) }] : [],
  );
  const renewalsSoon = withRenewal
    .filter(({ days }) => days >= 0 && days <= settings.renewalWindowDays)
    .sort((a, b) => a.days - b.days)
    .map(({ account, days }) => ({ account, daysLeft: days }));
  const renewalsOverdue = withRenewal
    .filter(({ days }) => days < 0)
    .sort((a, b) => a.days - b.days)
    .map(({ account, days }) => ({ account, daysPast: -days }));
  const overduePlays = plays
    .filter((play) => isOverdue(play.dueAt, now))
    .sort((a, b) => compareUrgency(a, b, now));
  const darkSponsors = accounts.flatMap((account) => {
    const sponsor = account.health?.subScores.sponsor;
    if (sponsor == null || sponsor >= settings.redBelow) return [];
    const reason = account.health?.reasons.find((text) => text.startsWith("sponsor dark")) ?? "sponsor dark";
    return [{ account, reason }];
  });
  const quietOnboarding = accounts.flatMap((account) => {
    if (account.stage !== "onboarding") return [];
    const days = account.lastTouchAt ? daysBetween(account.lastTouchAt, today) : null;
    return days === null || days >= settings.onboardingQuietDays ? [{ account, daysSinceTouch: days }] : [];
  });
  const staleData = accounts.flatMap((account) => {
    const reasons = (account.health?.reasons ?? []).filter(
      (text) => text.startsWith("no ") && text.includes(" data"),
    );
    return reasons.length || account.health?.band === "unknown" ? [{ account, reasons }] : [];
  });
  const mapGaps = accounts
    .flatMap((account) => {
      const risks = mapGapsOf(account, today);
      return risks.length ? [{ account, risks }] : [];
    })
    .sort((a, b) => byArr(a.account, b.account));
  return {
    bandChanges,
    atRisk,
    renewalsSoon,
    renewalsOverdue,
    overduePlays,
    darkSponsors,
    quietOnboarding,
    staleData,
    mapGaps,
    accounts: accounts.length,
  };
}

/**
 * The map's warnings worth a morning line: a key contact who left, a champion gone quiet, no economic
 * buyer on a map that has people. A sponsor gone quiet is under dark sponsors and too few sponsors is the
 * second-sponsor play's; an account with nobody mapped, and single-threading (which needs the touches),
 * are for the card and the map, or every morning would list them.
 */
function mapGapsOf(account: DigestAccount, today: Date): MapRisk[] {
  const people = account.people ?? [];
  if (people.length === 0) return [];
  const mapped = people.some((person) => !person.leftOn);
  const risks = mapRisks({ people, contractStart: account.contractStart ?? null, today, recentTouches: [] });
  return risks.filter(
    (risk) =>
      risk.kind === "key_contact_left" ||
      (risk.kind === "no_economic_buyer" && mapped) ||
      (risk.kind === "gone_quiet" && !rolesOf(risk.person).includes("executive_sponsor")),
  );
}

function rank(account: DigestAccount): number {
  return bandRank[account.health?.band ?? "unknown"] ?? 2;
}

function bandChangeOf(account: DigestAccount, settings: DigestSettingsForContent): BandChange | null {
  const { health, before } = account;
  if (!health || !before || health.band === before.band) return null;
  const moves = subScoreNames
    .flatMap((name) => {
      const from = before.subScores[name];
      const to = health.subScores[name];
      if (from == null || to == null || Math.abs(to - from) < settings.minimumMove) return [];
      return [{ name, from, to }];
    })
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map(({ name, from, to }) => `${subScoreLabels[name]} ${from} → ${to}`);
  const better = (bandRank[health.band] ?? 2) > (bandRank[before.band] ?? 2);
  return { account, from: before.band, to: health.band, moves, better };
}

/** Nothing in any section: the day's digest is one line. */
export function isQuietDay(sections: DigestSections): boolean {
  return (
    sections.bandChanges.length === 0 &&
    sections.atRisk.length === 0 &&
    sections.renewalsSoon.length === 0 &&
    sections.renewalsOverdue.length === 0 &&
    sections.overduePlays.length === 0 &&
    sections.darkSponsors.length === 0 &&
    sections.quietOnboarding.length === 0 &&
    sections.staleData.length === 0 &&
    sections.mapGaps.length === 0
  );
}
