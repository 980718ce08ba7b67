import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAccounts } from "../../src/db/repositories/account-search.ts";
import { pruneSearchWords } from "../../src/db/repositories/maintenance.ts";
import { searchKey } from "../../src/domain/search-text.ts";
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
      ["Kite Alpha", "100.00"],
      ["Kite Beta", "200.00"],
    ];
    for (const [name, arr] of accounts) await anAccount(db.prisma, { name, arr });
    await anAccount(db.prisma, { name: "Omega Corp", arr: "50.00", externalId: "KITE" });
  });
  afterAll(async () => db?.destroy());

  /** The search as the lookup runs it; `key` already normalized. */
  const search = (key: string, raw = key, limit?: number) => searchAccounts(db.client, key, raw, limit);
  const names = async (query: string, limit?: number) =>
    (await search(query, query, limit)).hits.map((hit) => hit.name);

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

  it("answers from the names that start with the query when they fill the list, the CRM id typed in any case first", async () => {
    // Two or three hits: the top tier (exact id, then names starting with "kite") fills the list.
    expect(await names("kite", 2)).toEqual(["Omega Corp", "Kite Beta"]);
    expect(await names("kite", 3)).toEqual(["Omega Corp", "Kite Beta", "Kite Alpha"]);
    // Room for more: the ranked search over every name, with the same top.
    expect((await names("kite", 10)).slice(0, 3)).toEqual(["Omega Corp", "Kite Beta", "Kite Alpha"]);
    const [first] = (await search("kite", "kite", 2)).hits;
    expect(first).toMatchObject({
      name: "Omega Corp",
      externalId: "KITE",
      exact: true,
      rank: 4,
      arr: "50.00",
    });
  });

  it("still finds a typo when no name contains it", async () => {
    expect(await names("globex industires")).toEqual(["Globex Industries"]);
  });

  it("corrects misspelt words to words the names have, and ranks what they find as look-alikes", async () => {
    const { hits, correctedQuery } = await search("globx industires");
    expect(hits.map((hit) => hit.name)).toEqual(["Globex Industries"]);
    expect(correctedQuery).toBe("globex industries");
    // Below every name that contains the query (rank 1 and up), and below what word similarity
    // would give (0.6 and up): these came from the corrected query. Nothing contains the query as
    // typed, so the name the corrected query is in full stays exact (and opens its card).
    expect(hits[0]).toMatchObject({ exact: true });
    expect(hits[0]?.rank).toBeLessThan(0.5);
    expect(await names("twin peeks")).toEqual(["Twin Peaks", "Twin Peaks"]);
  });

  it("never corrects a word that starts a word of the book: it is being typed, not misspelt", async () => {
    // "za" is closer to "zanz" by trigrams than "zanzibarian" is, and used to replace it.
    await anAccount(db.prisma, { name: "Zanzibarian Imports", arr: "10.00" });
    await anAccount(db.prisma, { name: "Za Partners", arr: "20.00" });
    const { hits, correctedQuery } = await search("zanz");
    expect(correctedQuery).toBeNull();
    expect(hits.map((hit) => hit.name)).toEqual(["Zanzibarian Imports"]);
  });

  it("falls back to word similarity when every word is right but out of order", async () => {
    const { hits, correctedQuery } = await search("peaks twin");
    expect(hits.map((hit) => hit.name)).toEqual(["Twin Peaks", "Twin Peaks"]);
    expect(correctedQuery).toBeNull();
    expect(hits[0]?.rank).toBeGreaterThanOrEqual(0.6);
  });

  it("learns the words of accounts created or renamed later", async () => {
    const account = await anAccount(db.prisma, { name: "Zebulon Freight", arr: "1.00" });
    expect(await names("zebulon frieght")).toEqual(["Zebulon Freight"]);
    await db.prisma.account.update({
      where: { id: account.id },
      data: { name: "Quillfeather Freight", searchName: searchKey("Quillfeather Freight") },
    });
    expect(await names("quilfeather freight")).toEqual(["Quillfeather Freight"]);
  });

  it("forgets, in the daily maintenance, the words no name has any more", async () => {
    const words = async () =>
      (await db.prisma.searchWord.findMany({ where: { word: { in: ["xylophone", "partners"] } } }))
        .map((row) => row.word)
        .sort();
    const account = await anAccount(db.prisma, { name: "Xylophone Partners" });
    expect(await words()).toEqual(["partners", "xylophone"]);
    await db.prisma.account.update({
      where: { id: account.id },
      data: { name: "Marimba Partners", searchName: searchKey("Marimba Partners") },
    });
    expect(await pruneSearchWords(db.prisma)).toBeGreaterThan(0);
    expect(await words()).toEqual(["partners"]);
  });

  it("opens the card of a name typed in full, and lists two accounts that share a name", async () => {
    const found = await lookupAccount(db.client, "northwind traders", new Date("2026-11-23T00:00:00Z"));
    expect(found.kind).toBe("card");
    expect(found.kind === "card" && found.card.account.name).toBe("Northwind Traders");
    const twins = await lookupAccount(db.client, "Twin Peaks", new Date("2026-11-23T00:00:00Z"));
    expect(twins.kind === "choices" && twins.matches.map((m) => m.arr)).toEqual(["6000.00", "5000.00"]);
  });

  it("opens the card of a misspelt name typed in full, as the name typed right does, even when longer names contain it", async () => {
    await anAccount(db.prisma, { name: "Harbor Freight Lines", arr: "100.00" });
    await anAccount(db.prisma, { name: "Harbor Freight Lines Europe", arr: "900.00" });
    const today = new Date("2026-11-23T00:00:00Z");
    for (const query of ["harbor freight lines", "Harbr Freight Lines"]) {
      const found = await lookupAccount(db.client, query, today);
      expect(found.kind === "card" && found.card.account.name).toBe("Harbor Freight Lines");
    }
    // A misspelt part of a name still lists what the corrected query finds, and says what it searched.
    const part = await lookupAccount(db.client, "harbr freight", today);
    expect(part.kind === "choices" && part.matches.map((m) => m.name)).toEqual([
      "Harbor Freight Lines Europe",
      "Harbor Freight Lines",
    ]);
    expect(part.kind === "choices" && part.correctedQuery).toBe("harbor freight");
    // When a name contains the query as typed, the corrected name is a look-alike below it, not a card.
    await anAccount(db.prisma, { name: "Xharbr Freight Lines", arr: "50.00" });
    const contained = await lookupAccount(db.client, "harbr freight lines", today);
    expect(contained.kind === "choices" && contained.matches.map((m) => m.name)).toEqual([
      "Xharbr Freight Lines",
      "Harbor Freight Lines",
      "Harbor Freight Lines Europe",
    ]);
  });

  it("lists an account once, as exact, when the query is its CRM id and its name starts with the query", async () => {
    await anAccount(db.prisma, { name: "Kite Delta", arr: "10.00", externalId: "KITE-D" });
    // The names that start with "kite d" have it too, not as exact; a list of two would show it twice.
    for (const limit of [2, 10]) {
      const { hits } = await search(searchKey("KITE-D"), "KITE-D", limit);
      expect(hits[0]).toMatchObject({ name: "Kite Delta", exact: true, rank: 4 });
      expect(hits.filter((hit) => hit.name === "Kite Delta")).toHaveLength(1);
    }
  });

  it("opens a misspelt full name's card, the same card the name typed right opens", async () => {
    await anAccount(db.prisma, { name: "Lighthouse Cartography Bureau", arr: "100.00" });
    const today = new Date("2026-11-23T00:00:00Z");
    const right = await lookupAccount(db.client, "Lighthouse Cartography Bureau", today);
    expect(right.kind === "card" && right.card.account.name).toBe("Lighthouse Cartography Bureau");
    const found = await lookupAccount(db.client, "Lighthuose Cartografy Bureau", today);
    expect(found.kind === "card" && found.card).toEqual(right.kind === "card" && right.card);
    // A misspelt name two accounts share lists both, and what else the corrected query finds.
    await anAccount(db.prisma, { name: "Lighthouse Cartography Bureau", arr: "50.00" });
    await anAccount(db.prisma, { name: "Lighthouse Cartography Bureau Asia", arr: "70.00" });
    const shared = await lookupAccount(db.client, "Lighthuose Cartografy Bureau", today);
    expect(shared.kind === "choices" && shared.matches.map((m) => [m.name, m.arr])).toEqual([
      ["Lighthouse Cartography Bureau", "100.00"],
      ["Lighthouse Cartography Bureau", "50.00"],
      ["Lighthouse Cartography Bureau Asia", "70.00"],
    ]);
  });
});
