// One demo account: its contract term, renewal date, seats and ARR history (new, then maybe an expansion or
// a contraction that fits its story), plus the audit entry of its creation.
import { randomUUID } from "node:crypto";
import { searchKey } from "../domain/search-text.ts";
import type { Maturity } from "../generated/prisma/client.ts";
import { type DemoCompany, type StoryScript, segmentTerms, storyScripts } from "./data.ts";
import { addDays, addMonths, daysBetween } from "./dates.ts";
import type { AccountDraft, Build } from "./draft.ts";

export function addAccount(b: Build, company: DemoCompany, index: number, ownerId: string): AccountDraft {
  const { rng, rows, today } = b;
  const id = randomUUID();
  const externalId = `DEMO-${String(index + 1).padStart(4, "0")}`;
  const script = storyScripts[company.story];
  const terms = segmentTerms[company.segment];
  const signedOn = addDays(addMonths(today, -company.signedMonthsAgo), -rng.int(0, 27));
  // A contract signed more than a year ago has renewed once: the current term started on the anniversary.
  const renewed = addMonths(signedOn, 12) <= today;
  const contractStart = renewed ? addMonths(signedOn, 12) : signedOn;
  const renewalDate = addMonths(contractStart, 12);
  const seats = rng.int(...terms.seats);
  let arrCents = Math.round(rng.int(...terms.arrDollars) / 500) * 500 * 100;
  const movement = (kind: "new" | "expansion" | "contraction", amountCents: number, effectiveDate: Date) => {
    arrCents += kind === "contraction" ? -amountCents : kind === "expansion" ? amountCents : 0;
    rows.arrMovements.push({
      id: randomUUID(),
      accountId: id,
      kind,
      amount: money(amountCents),
      arrAfter: money(arrCents),
      effectiveDate,
      source: "accounts_import",
    });
  };
  movement("new", arrCents, signedOn);
  const monthsIn = daysBetween(signedOn, today) / 30;
  const change = Math.round((arrCents * (0.1 + rng.next() * 0.2)) / 10_000) * 10_000;
  if (monthsIn >= 4 && script.mood === "good" && rng.chance(0.45)) {
    movement(
      "expansion",
      change,
      renewed ? contractStart : addMonths(signedOn, rng.int(3, Math.floor(monthsIn) - 1)),
    );
  } else if (monthsIn >= 4 && script.mood !== "good" && rng.chance(0.3)) {
    movement(
      "contraction",
      change,
      renewed ? contractStart : addMonths(signedOn, rng.int(3, Math.floor(monthsIn) - 1)),
    );
  }
  const arr = money(arrCents);
  rows.accounts.push({
    id,
    externalId,
    name: company.name,
    searchName: searchKey(company.name),
    ownerId,
    segment: company.segment,
    arr,
    contractStart,
    renewalDate,
    maturity: rng.pick(maturityByMood[script.mood]),
    plan: rng.pick(terms.plans),
    seatsPurchased: seats,
  });
  const changes = { externalId, name: company.name, arr, source: "seed --demo" };
  b.audit.push({ action: "account.create", entityType: "Account", entityId: id, changes });
  return { id, company, script, ownerId, signedOn, contractStart, renewalDate, seats };
}

const maturityByMood: Record<StoryScript["mood"], readonly Maturity[]> = {
  good: ["proactive", "optimizing", "transformative"],
  mixed: ["reactive", "proactive"],
  bad: ["reactive"],
};

const money = (cents: number) => (cents / 100).toFixed(2);
