import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/db/repositories/audit.ts";
import { parseAccountsCsv } from "../../src/domain/accounts-csv.ts";
import { type ImportDeps, importAccounts } from "../../src/services/account-import.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

// The ARR movements that re-imported accounts write: unknown is not zero, zero is a churn, and a
// movement is dated when the CRM says the ARR changed.
const importDay = new Date("2026-11-23T09:30:00Z");
const actor: Actor = { userId: null, label: "cli:test", source: "cli" };

describe(`re-imported accounts keep a true ARR ledger, on ${testEngine}`, () => {
  let db: TestDatabase;
  let deps: ImportDeps;
  const run = (...lines: string[]) => importAccounts(deps, parseAccountsCsv(lines.join("\n")));
  const account = (externalId: string) => db.prisma.account.findUniqueOrThrow({ where: { externalId } });
  const ledgerOf = async (externalId: string) =>
    (
      await db.prisma.arrMovement.findMany({
        where: { account: { externalId } },
        orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
      })
    ).map((m) => [m.effectiveDate.toISOString().slice(0, 10), m.kind, m.amount.toFixed(2), m.reason]);

  beforeAll(async () => {
    db = await createTestDatabase();
    deps = { db, directory: null, clock: () => importDay, actor };
  });
  afterAll(async () => db?.destroy());

  it("records an ARR that arrives after a blank one as new business, not an expansion", async () => {
    await run("external_id,name,arr,contract_start", "L-1,Initech,,2026-03-01", "L-2,Hooli,5000,2026-01-15");
    expect((await account("L-1")).arr).toBeNull();
    expect(await ledgerOf("L-1")).toEqual([]);

    const later = await run("external_id,name,arr,contract_start", "L-1,Initech,8000,2026-03-01");
    expect(later.ok && later.summary).toMatchObject({ arrMovements: 1, arrDatedBy: "import day" });
    expect(await ledgerOf("L-1")).toEqual([["2026-03-01", "new", "8000.00", null]]);
  });

  it("dates changes by the file's ARR Effective Date column, and records a drop to 0 as a churn", async () => {
    const result = await run(
      "Account ID,Account Name,ARR,ARR Effective Date",
      "L-1,Initech,9500,2026-10-01",
      "L-2,Hooli,0,2026-09-30T17:45:00Z",
    );
    expect(result.ok && result.summary).toMatchObject({ arrMovements: 2, arrDatedBy: "file" });
    expect((await ledgerOf("L-1")).at(-1)).toEqual(["2026-10-01", "expansion", "1500.00", null]);
    expect((await ledgerOf("L-2")).at(-1)).toEqual([
      "2026-09-30",
      "churn",
      "5000.00",
      "ARR set to 0 by an accounts import",
    ]);
    expect((await account("L-2")).churnedAt?.toISOString().slice(0, 10)).toBe("2026-09-30");
  });

  it("records ARR coming back after a churn as a reactivation, dated the import day without a date column", async () => {
    await run("external_id,name,arr", "L-2,Hooli,4000");
    expect((await ledgerOf("L-2")).at(-1)).toEqual(["2026-11-23", "reactivation", "4000.00", null]);
    expect((await account("L-2")).churnedAt).toBeNull();
  });
});
