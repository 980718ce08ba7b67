import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAccounts } from "../../src/db/repositories/accounts.ts";
import { lookupAccount } from "../../src/services/account-lookup.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount } from "../helpers/factories.ts";

describe(`account search ranking on ${testEngine}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const accounts: [string, string][] = [
      ["North Star Media", "10000.00"],
      ["Northwind Traders", "90000.00"],
      ["Great Northern Rail", "500000.00"],
      ["Southnorth Ltd", "700000.00"],
      ["Nort Systems", "900000.00"],
      ["Globex Industries", "1000000.00"],
      ["Twin Peaks", "5000.00"],
      ["Twin Peaks", "6000.00"],
    ];
    for (const [name, arr] of accounts) await anAccount(db.prisma, { name, arr });
  });
  afterAll(async () => db?.destroy());

  const names = async (query: string, limit?: number) =>
    (await searchAccounts(db.reads, query, query, limit)).map((hit) => hit.name);

  it("ranks name prefix, then a word's start, then anywhere inside, then look-alikes; larger ARR first within a rank", async () => {
    expect(await names("north")).toEqual([
      "Northwind Traders",
      "North Star Media",
      "Great Northern Rail",
      "Southnorth Ltd",
      "Nort Systems",
    ]);
  });

  it("leaves look-alikes out when enough names contain the query", async () => {
    expect(await names("north", 3)).toEqual(["Northwind Traders", "North Star Media", "Great Northern Rail"]);
  });

  it("still finds a typo when no name contains it", async () => {
    expect(await names("globex industires")).toEqual(["Globex Industries"]);
  });

  it("opens the card of a name typed in full, and lists two accounts that share a name", async () => {
    const found = await lookupAccount(db.reads, "northwind traders", new Date("2026-11-23T00:00:00Z"));
    expect(found.kind).toBe("card");
    expect(found.kind === "card" && found.card.account.name).toBe("Northwind Traders");
    const twins = await lookupAccount(db.reads, "Twin Peaks", new Date("2026-11-23T00:00:00Z"));
    expect(twins.kind === "choices" && twins.matches.map((m) => m.arr)).toEqual(["6000.00", "5000.00"]);
  });
});
