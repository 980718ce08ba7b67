// The fixture book of the metrics tests (metrics-book.ts) written into a test database through the
// product's own imports: its accounts, M-8's handover from Ana to Ben, and its ARR ledger.
import { expect } from "vitest";
import type { DataAccess } from "../../src/db/client.ts";
import type { Actor } from "../../src/db/repositories/audit.ts";
import { parseAccountsCsv } from "../../src/domain/accounts-csv.ts";
import { parseLedgerCsv } from "../../src/domain/ledger-csv.ts";
import { importAccounts } from "../../src/services/account-import.ts";
import { importArrLedger } from "../../src/services/arr-ledger-import.ts";
import { accountsCsv, handoverCsv, ledgerCsv } from "./metrics-book.ts";

const actor: Actor = { userId: null, label: "cli:test", source: "cli" };

/** `importedAt`: the day of the imports, so of the handover (after the fixture's period). */
export async function importMetricsBook(db: DataAccess, importedAt = new Date()): Promise<void> {
  const deps = { db, directory: null, clock: () => importedAt, actor };
  for (const csv of [accountsCsv, handoverCsv])
    expect(await importAccounts(deps, parseAccountsCsv(csv))).toMatchObject({ ok: true });
  const ledger = await importArrLedger(deps, parseLedgerCsv(ledgerCsv));
  expect(ledger).toMatchObject({ ok: true, summary: { rows: 18, accounts: 9, mismatches: [] } });
}
