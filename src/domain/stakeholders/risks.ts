// What a stakeholder map warns about (two executive sponsors per account within the first 90
// days; a living map of buyer, champion, sponsors; single-sponsor accounts churn twice as often).
import type { StakeholderRole } from "../call-prep.ts";
import { daysBetween } from "../lifecycle.ts";

export type MapRole = StakeholderRole;

export interface MapPerson {
  id: string;
  name: string;
  /** The role they are grouped under; `otherRoles` are the further roles they play. */
  role: MapRole;
  otherRoles: readonly MapRole[];
  lastContactOn: Date | null;
  leftOn: Date | null;
}

export type MapRisk =
  | { kind: "no_economic_buyer" }
  | { kind: "few_sponsors"; sponsors: number; contractDays: number }
  | { kind: "gone_quiet"; person: MapPerson; days: number | null }
  | { kind: "key_contact_left"; person: MapPerson }
  | { kind: "single_threaded"; person: MapPerson; touches: number };

/** A champion or sponsor not contacted for longer than this has gone quiet. */
export const quietAfterDays = 45;
/** The second sponsor is due by day 90; the map warns from day 60. */
export const sponsorsDueFromDay = 60;
/** How long a key contact's leaving stays on the map's warnings. */
export const leftWarningDays = 90;
/** With at least this many recent touches all through one person, the account hangs on that person. */
const singleThreadTouches = 3;

const keyRoles: readonly MapRole[] = ["economic_buyer", "champion", "executive_sponsor"];

/** Every role a person plays, the one they are grouped under first. */
export function rolesOf(person: Pick<MapPerson, "role" | "otherRoles">): MapRole[] {
  return [person.role, ...person.otherRoles.filter((role) => role !== person.role)];
}

const plays = (person: Pick<MapPerson, "role" | "otherRoles">, role: MapRole) =>
  rolesOf(person).includes(role);

export interface MapInput {
  people: readonly MapPerson[];
  contractStart: Date | null;
  today: Date;
  /** Recent touches with the people present, by person id: who carries the relationship. */
  recentTouches: readonly { stakeholderIds: readonly string[] }[];
}

export function mapRisks({ people, contractStart, today, recentTouches }: MapInput): MapRisk[] {
  const current = people.filter((p) => !p.leftOn);
  const risks: MapRisk[] = [];
  if (!current.some((p) => plays(p, "economic_buyer"))) risks.push({ kind: "no_economic_buyer" });
  const sponsors = current.filter((p) => plays(p, "executive_sponsor")).length;
  const contractDays = contractStart ? daysBetween(contractStart, today) : null;
  if (sponsors < 2 && contractDays !== null && contractDays >= sponsorsDueFromDay)
    risks.push({ kind: "few_sponsors", sponsors, contractDays });
  for (const person of current) {
    if (!plays(person, "champion") && !plays(person, "executive_sponsor")) continue;
    const days = person.lastContactOn ? daysBetween(person.lastContactOn, today) : null;
    if (days === null || days > quietAfterDays) risks.push({ kind: "gone_quiet", person, days });
  }
  for (const person of people) {
    if (person.leftOn && needsSuccessor(person) && daysBetween(person.leftOn, today) <= leftWarningDays)
      risks.push({ kind: "key_contact_left", person });
  }
  const withPeople = recentTouches.filter((t) => t.stakeholderIds.length > 0);
  const only = withPeople[0]?.stakeholderIds.length === 1 ? withPeople[0].stakeholderIds[0] : null;
  if (
    only &&
    withPeople.length >= singleThreadTouches &&
    withPeople.every((t) => t.stakeholderIds.length === 1 && t.stakeholderIds[0] === only)
  ) {
    const person = current.find((p) => p.id === only);
    if (person) risks.push({ kind: "single_threaded", person, touches: withPeople.length });
  }
  return risks;
}

/** Leaving the company opens a play when the person held a key role: someone must find their successor. */
export function needsSuccessor(person: Pick<MapPerson, "role" | "otherRoles">): boolean {
  return rolesOf(person).some((role) => keyRoles.includes(role));
}
