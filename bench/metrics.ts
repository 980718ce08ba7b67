// The metrics on the book: its three years of ledger loaded with `csm import arr`, then the company's
// trailing twelve months and one CSM's book, computed as `csm metrics` computes them, in this process
// against the engine's database, so that the figure is the computation's and not the CLI's start-up.
import { openDatabase } from "../src/db/client.ts";
import { trailingTwelveMonths } from "../src/domain/metrics/period.ts";
import { scopeMetrics } from "../src/services/metrics.ts";
import { type CsmRun, runCsm } from "./processes.ts";

export interface MetricsBench {
  ledgerRows: number;
  ledgerImport: CsmRun;
  /** The company, first run and second; one CSM's book. */
  companyMs: number;
  againMs: number;
  oneBookMs: number;
  nrr: number | null;
}

export async function benchMetrics(
  env: Record<string, string>,
  ledger: { file: string; rows: number },
  timeoutSeconds: number,
): Promise<MetricsBench | string> {
  const ledgerImport = await runCsm(["import", "arr", ledger.file], env, timeoutSeconds);
  if (ledgerImport.code !== 0) return `the ledger import failed: ${ledgerImport.stderr.slice(0, 200)}`;
  const db = await openDatabase(
    env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: env.DATA_DIR as string },
  );
  try {
    const today = new Date().toISOString().slice(0, 10);
    const period = trailingTwelveMonths(today);
    const timed = async (scope: Parameters<typeof scopeMetrics>[1]) => {
      const start = performance.now();
      const metrics = await scopeMetrics(db, scope, period, today);
      return { ms: performance.now() - start, metrics };
    };
    const company = await timed({ kind: "company" });
    const again = await timed({ kind: "company" });
    const oneBook = await timed({ kind: "users", refs: ["UOWNER000"] });
    return {
      ledgerRows: ledger.rows,
      ledgerImport,
      companyMs: company.ms,
      againMs: again.ms,
      oneBookMs: oneBook.ms,
      nrr: company.metrics.nrr,
    };
  } finally {
    await db.close();
  }
}
