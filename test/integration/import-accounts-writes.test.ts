import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/db/repositories/audit.ts";
import { parseAccountsCsv } from "../../src/domain/accounts-csv.ts";
import { type ImportDeps, ImportFailure, importAccounts } from "../../src/services/account-import.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

// What an import writes, row by row, now that it writes every row in a few set-based statements:
// the columns a file carries and no others, the audit's account of each change, the ARR movements.
const importDay = new Date("2026-11-23T09:30:00Z");
const actor: Actor = { userId: null, label: "cli:test", source: "cli" };

describe(`an accounts import writes what the file says, and only that, on ${testEngine}`, () => {
  let db: TestDatabase;
  let deps: ImportDeps;
  const run = (csv: string, overrides: Partial<ImportDeps> = {}) =>
    importAccounts({ ...deps, ...overrides }, parseAccountsCsv(csv));
  const account = (externalId: string) => db.prisma.account.findUniqueOrThrow({ where: { externalId } });
  const auditOf = async (externalId: string) =>
    (
      await db.prisma.auditLog.findMany({
        where: { entityId: (await account(externalId)).id },
        orderBy: { createdAt: "asc" },
      })
    ).map((row) => [row.action, row.changes]);

  beforeAll(async () => {
    db = await createTestDatabase();
    deps = { db, directory: null, clock: () => importDay, actor };
  });
  afterAll(async () => db?.destroy());

  it("creates accounts with every column given, an account without ARR as unknown and without a movement", async () => {
    const result = await run(
      [
        "external_id,name,owner,arr,contract_start,renewal_date,segment,stage,plan,seats_purchased",
        "W-1,Wayne Logistics,UWRITES01,1200.50,2026-02-01,2027-02-01,enterprise,adoption,Growth,40",
        "W-2,Stark Foods,UWRITES01,,,2027-05-01,smb,,Starter,",
      ].join("\n"),
    );
    expect(result).toEqual({
      ok: true,
      summary: {
        rows: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        ownersAdded: 1,
        arrMovements: 1,
        arrDatedBy: "import day",
      },
    });
    const wayne = await account("W-1");
    expect(wayne).toMatchObject({
      segment: "enterprise",
      stage: "adoption",
      plan: "Growth",
      seatsPurchased: 40,
    });
    expect(wayne.searchName).toBe("wayne logistics");
    expect(wayne.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await account("W-2")).arr).toBeNull();
    const movements = await db.prisma.arrMovement.findMany({ include: { account: true } });
    expect(movements.map((m) => [m.account.externalId, m.kind, m.amount.toFixed(2)])).toEqual([
      ["W-1", "new", "1200.50"],
    ]);
    expect(movements[0]?.effectiveDate.toISOString().slice(0, 10)).toBe("2026-02-01");
    expect(await auditOf("W-2")).toEqual([
      ["account.create", { externalId: "W-2", name: "Stark Foods", arr: null }],
    ]);
  });

  it("leaves the columns a file lacks alone, and a blank ARR cell keeps the stored ARR", async () => {
    const result = await run(["external_id,name,arr", "W-1,Wayne Logistics,", "W-2,Stark Foods,"].join("\n"));
    expect(result.ok && result.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      arrMovements: 0,
    });
    expect(await account("W-1")).toMatchObject({ segment: "enterprise", plan: "Growth", seatsPurchased: 40 });
    expect((await account("W-1")).arr?.toFixed(2)).toBe("1200.50");
    expect((await account("W-1")).ownerId).not.toBeNull();
  });

  it("updates only the changed accounts, with the audit naming each changed field's before and after", async () => {
    const later = new Date(importDay.getTime() + 60_000);
    const result = await run(
      [
        "external_id,name,arr,renewal_date,plan,seats_purchased",
        "W-1,Wayne Logistics,1000,2027-02-01,Growth,40",
        "W-2,Stark Foods,0,2028-05-01,Scale,25",
      ].join("\n"),
      { clock: () => later },
    );
    expect(result.ok && result.summary).toMatchObject({ updated: 2, unchanged: 0, arrMovements: 1 });
    expect((await auditOf("W-1")).at(-1)).toEqual(["account.update", { arr: ["1200.50", "1000.00"] }]);
    expect((await auditOf("W-2")).at(-1)).toEqual([
      "account.update",
      {
        renewalDate: ["2027-05-01T00:00:00.000Z", "2028-05-01T00:00:00.000Z"],
        plan: ["Starter", "Scale"],
        seatsPurchased: [null, 25],
        arr: [null, "0.00"],
      },
    ]);
    const after = await account("W-2");
    expect(after.updatedAt).toEqual(later);
    expect(after.arr?.toFixed(2)).toBe("0.00");
    const contraction = await db.prisma.arrMovement.findFirstOrThrow({ where: { kind: "contraction" } });
    expect([contraction.amount.toFixed(2), contraction.arrAfter.toFixed(2)]).toEqual(["200.50", "1000.00"]);
    expect(contraction.effectiveDate.toISOString().slice(0, 10)).toBe("2026-11-23");
  });

  it("renames an account and its new words join the search's vocabulary", async () => {
    const result = await run(["external_id,name", "W-2,Stark Zürich Foods"].join("\n"));
    expect(result.ok && result.summary).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await account("W-2")).searchName).toBe("stark zurich foods");
    expect(await db.prisma.searchWord.findUnique({ where: { word: "zurich" } })).not.toBeNull();
    expect((await auditOf("W-2")).at(-1)).toEqual([
      "account.update",
      { name: ["Stark Foods", "Stark Zürich Foods"], searchName: ["stark foods", "stark zurich foods"] },
    ]);
  });

  it("starts a new term when a due renewal date moves later, and a new contract start starts one too", async () => {
    await run(
      ["external_id,name,contract_start,renewal_date", "R-1,Renewed Co,2025-12-01,2026-12-01"].join("\n"),
    );
    expect((await account("R-1")).termStart).toBeNull();
    // Renewed: the CRM moves the renewal date a year on and leaves the contract start as it was.
    await run(
      ["external_id,name,contract_start,renewal_date", "R-1,Renewed Co,2025-12-01,2027-12-01"].join("\n"),
    );
    expect((await account("R-1")).termStart).toEqual(new Date("2026-12-01T00:00:00Z"));
    // A correction of a date months away renews nothing.
    await run(["external_id,name,renewal_date", "R-1,Renewed Co,2027-12-15"].join("\n"));
    expect((await account("R-1")).termStart).toEqual(new Date("2026-12-01T00:00:00Z"));
    await run(
      ["external_id,name,contract_start,renewal_date", "R-1,Renewed Co,2027-01-01,2028-01-01"].join("\n"),
    );
    expect((await account("R-1")).termStart).toBeNull();
  });

  it("rolls back an import that outlives its transaction's time and says so in one line", async () => {
    const counts = async () => ({
      accounts: await db.prisma.account.count(),
      users: await db.prisma.user.count(),
      audit: await db.prisma.auditLog.count(),
    });
    const before = await counts();
    // No owners: adding one is Prisma's upsert, several statements, which a timeout can split (a
    // statement sent after the timeout's ROLLBACK commits alone: prisma/orm#29762). The import's own
    // statements all read its staging table, which the ROLLBACK takes with it.
    const rows = Array.from({ length: 3_000 }, (_, i) => `T-${i},Timeout ${i},${100 + i}`);
    const attempt = run(["external_id,name,arr", ...rows].join("\n"), { timeoutMs: 1 });
    await expect(attempt).rejects.toBeInstanceOf(ImportFailure);
    await expect(attempt).rejects.toThrow(
      /^the import did not finish within .* and was rolled back; nothing was imported/,
    );
    expect(await counts()).toEqual(before);
  });
});
