// The demo book while it is being built: the shapes every step (accounts, stakeholders, health, plays,
// success plans, touches) reads and appends to.
import type { AuditEntry } from "../db/repositories/audit.ts";
import type { BookRows } from "../db/repositories/seed.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { DemoCompany, StoryScript } from "./data.ts";
import type { Random } from "./random.ts";

export type BuildRows = Omit<BookRows, "audit">;

/** The book being built, shared by every step; `today` is the UTC day of `now`. */
export interface Build {
  rng: Random;
  rows: BuildRows;
  audit: AuditEntry[];
  now: Date;
  today: Date;
}

/** One account being built: what the later steps (stakeholders, health, touches) need to agree on. */
export interface AccountDraft {
  id: string;
  company: DemoCompany;
  script: StoryScript;
  ownerId: string;
  signedOn: Date;
  contractStart: Date;
  renewalDate: Date;
  seats: number;
}

export interface Person {
  /** The row itself: touches later move lastContactOn forward for the people they reach. */
  row: Prisma.StakeholderCreateManyInput & { id: string; lastContactOn: Date };
  firstName: string;
}
