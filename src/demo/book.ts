// `csm seed --demo`: a realistic book loaded into an empty database so a newcomer sees a useful bot
// at once: accounts in every health band with a trend, stakeholder maps with deliberate gaps, touches,
// success plans, QBRs and open plays on the red and yellow accounts. Dates are relative to `now`, and a
// seeded PRNG (never Math.random) makes every run load the same book.
//
// This file loads the book and runs the steps in order; each step lives in a file of its own beside it and
// draws from the one PRNG, so the order below is part of what makes the book the same every run.
import type { DataAccess } from "../db/client.ts";
import { type Actor, auditRows } from "../db/repositories/audit.ts";
import { countAccounts, insertBook, upsertTeamMember } from "../db/repositories/seed.ts";
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
  | { ok: true; accounts: number; csms: number; touches: number; stakeholders: number; example: string }
  | { ok: false; reason: string };

export async function seedDemoBook(db: DataAccess, now: Date, actor: Actor): Promise<SeedResult> {
  return db.transaction(
    async (tx): Promise<SeedResult> => {
      const existing = await countAccounts(tx);
      if (existing > 0) {
        const held = `${existing} account${existing === 1 ? "" : "s"}`;
        return {
          ok: false,
          reason: `the database already holds ${held}; the demo book only loads into an empty database`,
        };
      }
      const [lead, ...members] = demoTeam;
      const team = { ...lead!, managerId: null, digestChannelId: demoDigestChannelId };
      const manager = await upsertTeamMember(tx, team);
      const csmIds: string[] = [];
      for (const member of members) {
        const fields = { ...member, managerId: manager.id, digestChannelId: demoDigestChannelId };
        csmIds.push((await upsertTeamMember(tx, fields)).id);
      }
      const book = buildDemoBook(now, csmIds);
      await insertBook(tx, { ...book.rows, audit: auditRows(actor, book.audit) });
      return {
        ok: true,
        accounts: book.rows.accounts.length,
        csms: csmIds.length,
        touches: book.rows.touches.length,
        stakeholders: book.rows.stakeholders.length,
        example: book.example,
      };
    },
    { timeoutMs: 60_000 },
  );
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
