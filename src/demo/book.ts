// `csm seed --demo`: a realistic book loaded into an empty database so a newcomer sees a useful bot
// at once: accounts in every health band with a trend, stakeholder maps with deliberate gaps, touches,
// success plans, QBRs and open plays on the red and yellow accounts. Dates are relative to `now`, and a
// seeded PRNG (never Math.random) makes every run load the same book.
//
// This file loads the book and runs the steps in order; each step lives in a file of its own beside it and
// draws from the one PRNG, so the order below is part of what makes the book the same every run.
import type { DataAccess } from "../db/client.ts";
import { type Actor, type AuditEntry, auditRows } from "../db/repositories/audit.ts";
import { countAccounts, insertBook, upsertTeamMember } from "../db/repositories/seed.ts";
import type { Db } from "../db/repositories/types.ts";
import { setUserManager, setUserRole } from "../db/repositories/users.ts";
import type { TeamMember } from "../domain/team.ts";
import { addAccount } from "./accounts.ts";
import { demoCompanies, demoDigestChannelId, demoTeam } from "./data.ts";
import { utcDay } from "./dates.ts";
import type { Build, BuildRows } from "./draft.ts";
import { addHealth } from "./health.ts";
import { addPlays } from "./plays.ts";
import { seededRandom } from "./random.ts";
import { addStakeholders } from "./stakeholders.ts";
import { addSuccessPlan } from "./success-plans.ts";
import { addTouches } from "./touches.ts";

export type SeedResult =
  | {
      ok: true;
      accounts: number;
      /** The people the accounts were shared out to: the demo CSMs, or the owners given. */
      csms: number;
      openPlays: number;
      touches: number;
      stakeholders: number;
      example: string;
    }
  | { ok: false; reason: string };

/** Why the demo book cannot load into this database, or null when it can. */
export async function demoBookRefusal(db: Db): Promise<string | null> {
  const existing = await countAccounts(db);
  if (existing === 0) return null;
  const held = `${existing} account${existing === 1 ? "" : "s"}`;
  return `the database already holds ${held}; the demo book only loads into an empty database`;
}

/**
 * Loads the demo book. Without `owners` it belongs to a made-up team (a manager and four CSMs), which
 * someone may later take over from the App Home (services/demo-claim.ts). With owners, people already on
 * the team, the accounts are shared out among them in turn, so that every one of them has plays in
 * /plays; with several, the first also leads the others (role manager, unless an admin already).
 */
export async function seedDemoBook(
  db: DataAccess,
  now: Date,
  actor: Actor,
  owners: readonly TeamMember[] = [],
): Promise<SeedResult> {
  return db.transaction(
    async (tx): Promise<SeedResult> => {
      const reason = await demoBookRefusal(tx);
      if (reason) return { ok: false, reason };
      const audit: AuditEntry[] = [];
      const ownerIds = owners.length ? await leadOwners(tx, owners, audit) : await addDemoTeam(tx);
      const book = buildDemoBook(now, ownerIds);
      await insertBook(tx, { ...book.rows, audit: auditRows(actor, [...audit, ...book.audit]) });
      return {
        ok: true,
        accounts: book.rows.accounts.length,
        csms: ownerIds.length,
        openPlays: book.rows.plays.length,
        touches: book.rows.touches.length,
        stakeholders: book.rows.stakeholders.length,
        example: book.example,
      };
    },
    { timeoutMs: 60_000 },
  );
}

/** The made-up team: its manager owns no accounts; the CSMs' ids are returned. */
async function addDemoTeam(tx: Db): Promise<string[]> {
  const [lead, ...members] = demoTeam;
  const team = { ...lead!, managerId: null, digestChannelId: demoDigestChannelId };
  const manager = await upsertTeamMember(tx, team);
  const csmIds: string[] = [];
  for (const member of members) {
    const fields = { ...member, managerId: manager.id, digestChannelId: demoDigestChannelId };
    csmIds.push((await upsertTeamMember(tx, fields)).id);
  }
  return csmIds;
}

/** With several owners the first leads the others; every owner's id is returned, in order. */
async function leadOwners(tx: Db, owners: readonly TeamMember[], audit: AuditEntry[]): Promise<string[]> {
  const [lead, ...others] = owners as [TeamMember, ...TeamMember[]];
  if (others.length && lead.role === "csm") {
    await setUserRole(tx, lead.id, "manager");
    audit.push({
      action: "user.role",
      entityType: "User",
      entityId: lead.id,
      changes: { role: ["csm", "manager"] },
    });
  }
  for (const member of others) {
    if (member.managerId === lead.id) continue;
    await setUserManager(tx, member.id, lead.id);
    audit.push({
      action: "user.manager",
      entityType: "User",
      entityId: member.id,
      changes: { managerId: [member.managerId, lead.id] },
    });
  }
  return owners.map((owner) => owner.id);
}

/** `example` is a red account to try with /account. */
function buildDemoBook(now: Date, ownerIds: string[]): Build & { example: string } {
  const rows: BuildRows = {
    accounts: [],
    arrMovements: [],
    stakeholders: [],
    touches: [],
    touchParticipants: [],
    successPlans: [],
    successGoals: [],
    reviews: [],
    signals: [],
    scores: [],
    plays: [],
  };
  const b: Build = { rng: seededRandom(0x5eed_c5a1), rows, audit: [], now, today: utcDay(now) };
  let example: string | null = null;
  demoCompanies.forEach((company, index) => {
    const draft = addAccount(b, company, index, ownerIds[index % ownerIds.length]!);
    const people = addStakeholders(b, draft);
    const health = addHealth(b, draft, people);
    if (health.band !== "green") addPlays(b, draft, people, health.latest, health.scoreFourWeeksAgo);
    const plan = company.segment === "enterprise" || b.rng.chance(0.8) ? addSuccessPlan(b, draft) : null;
    addTouches(b, draft, people, plan);
    if (health.band === "red" && example === null) example = company.name;
  });
  return { ...b, example: example ?? demoCompanies[0]!.name };
}
