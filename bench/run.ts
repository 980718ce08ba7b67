// npm run bench [-- digest] [-- options]: the targets of docs/benchmarks.md, measured on embedded PGlite
// and, when one is reachable, on PostgreSQL (BENCH_DATABASE_URL, or a database csm_bench it creates on
// the local server at 127.0.0.1:5432). Prints one table and a summary line; exits 0 either way, it is a
// report. `digest` runs the digest bench alone.
//   --accounts N          the book's accounts (20,000); the HTTP ingest sends 5 signal rows for each
//   --import-rows N       rows of the large account import (200,000)
//   --skip-import         no large import
//   --import-timeout S    seconds each large import, and the re-score, may take (600)
//   --quick               a fifth of the lookups, for a smoke test
//   --metrics-only        only the book, its ARR ledger and `csm metrics` on it
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { bookCsv } from "./book-csv.ts";
import { benchDigests, type DigestPlan } from "./digest.ts";
import { writeDigestBook } from "./digest-book.ts";
import { digestRows, type WithDigest } from "./digest-report.ts";
import { benchEngine, bookWithMetrics, type Engine, type EngineResult, type Plan } from "./engine.ts";
import { ledgerCsv } from "./ledger-csv.ts";
import { benchCallers } from "./load.ts";
import { PacedSlack } from "./paced-slack.ts";
import { compileProcesses } from "./processes.ts";
import { type Column, metricsRow, printReport, type Row, targetRows } from "./report.ts";
import { signalItems } from "./signals.ts";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    accounts: { type: "string", default: "20000" },
    "import-rows": { type: "string", default: "200000" },
    "skip-import": { type: "boolean", default: false },
    "import-timeout": { type: "string", default: "600" },
    quick: { type: "boolean", default: false },
    "metrics-only": { type: "boolean", default: false },
  },
});
const accounts = Number(options.accounts);
const importRows = Number(options["import-rows"]);
const importTimeoutSeconds = Number(options["import-timeout"]);
for (const [name, value] of Object.entries({ accounts, importRows, importTimeoutSeconds }))
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a whole number above 0`);
    process.exit(2);
  }
const scale = options.quick ? 0.2 : 1;
if (positionals.some((section) => section !== "digest")) {
  console.error(`bench: the only section that runs alone is "digest", not "${positionals.join(" ")}"`);
  process.exit(2);
}
const digestOnly = positionals.includes("digest");
/** The share of digest messages the paced Slack refuses at random. */
const randomRefusals = 0.03;

const workDir = path.resolve("bench/.data");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
compileProcesses(path.join(workDir, "bin"));
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const book = digestOnly ? { csv: "", queries: [] } : bookCsv(accounts);
const bookFile = path.join(workDir, "book.csv");
writeFileSync(bookFile, book.csv);
const metricsOnly = options["metrics-only"];
const ledger = ledgerCsv(accounts, new Date());
const ledgerFile = path.join(workDir, "ledger.csv");
writeFileSync(ledgerFile, ledger.csv);
let importFiles: Plan["importFiles"];
if (!options["skip-import"] && !metricsOnly && !digestOnly) {
  importFiles = {
    fresh: path.join(workDir, "import.csv"),
    changed: path.join(workDir, "import-changed.csv"),
  };
  writeFileSync(importFiles.fresh, bookCsv(importRows).csv);
  writeFileSync(importFiles.changed, bookCsv(importRows, true).csv);
}
const slack = await FakeSlack.start();
// The callers bench/load.ts sends /account as: full members of the workspace, as users.info says.
for (const id of benchCallers) slack.addUser({ id });
const paced = await PacedSlack.start(slack, {
  perChannelMs: 1000,
  graceMs: 50,
  randomRefusals,
  retryAfterSeconds: 1,
  seed: 18,
});
const digestPlan: DigestPlan = {
  ...writeDigestBook(workDir, today),
  warmUpLookups: 3_000 * scale,
  timeoutSeconds: importTimeoutSeconds,
  slack,
  paced,
};
const plan: Plan = {
  bookFile,
  queries: book.queries,
  signals: digestOnly ? [] : signalItems(accounts, 5, today),
  closedLookups: 3_000 * scale,
  steadyLookups: 1_500 * scale,
  importFiles,
  importTimeoutSeconds,
  ledger: { file: ledgerFile, rows: ledger.rows },
  slack,
};

const pglite: Engine = {
  name: "PGlite",
  async freshDatabase(label) {
    const dataDir = path.join(workDir, `pglite-${label}`);
    rmSync(dataDir, { recursive: true, force: true });
    return { DATA_DIR: dataDir };
  },
};

/** PostgreSQL's engine, or why there is none. */
async function postgres(): Promise<Engine | string> {
  const url = process.env.BENCH_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/csm_bench";
  const run = async (connectionString: string, sql: string) => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    if (!process.env.BENCH_DATABASE_URL) {
      const server = "postgresql://root@127.0.0.1:5432/postgres";
      const found = await run(server, "SELECT 1 FROM pg_database WHERE datname = 'csm_bench'");
      if (!found.rowCount) await run(server, "CREATE DATABASE csm_bench");
    }
    await run(url, "SELECT 1");
  } catch (error) {
    return `n/a (no PostgreSQL: ${(error as Error).message})`;
  }
  return {
    name: "PostgreSQL",
    async freshDatabase() {
      await run(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      return { DATABASE_URL: url };
    },
  };
}

const engines = [pglite, await postgres()];
if (metricsOnly) {
  const metricsColumns: Column<{ metrics: Awaited<ReturnType<typeof bookWithMetrics>>["metrics"] }>[] = [];
  for (const engine of engines) {
    if (typeof engine === "string") metricsColumns.push({ engine: "PostgreSQL", result: engine });
    else {
      process.stderr.write(`bench: ${engine.name}, metrics only…\n`);
      const result = await bookWithMetrics(engine, plan).catch((error: Error) => `failed: ${error.message}`);
      metricsColumns.push({ engine: engine.name, result });
    }
  }
  await paced.close();
  await slack.close();
  rmSync(workDir, { recursive: true, force: true });
  printReport(
    `Benchmark: ${accounts.toLocaleString("en-US")} accounts, metrics only`,
    [metricsRow(accounts)],
    metricsColumns,
  );
  process.exit(0);
}

type Result = Partial<EngineResult> & WithDigest;
const columns: Column<Result>[] = [];
const failed = (error: Error) => `failed: ${error.message}`;
for (const engine of engines) {
  if (typeof engine === "string") {
    columns.push({ engine: "PostgreSQL", result: engine });
    continue;
  }
  process.stderr.write(`bench: ${engine.name}…\n`);
  const main = digestOnly ? {} : await benchEngine(engine, plan).catch(failed);
  if (typeof main === "string") {
    columns.push({ engine: engine.name, result: main });
    continue;
  }
  process.stderr.write(`bench: ${engine.name}, digests…\n`);
  const digest = await benchDigests(engine, digestPlan).catch(failed);
  columns.push({ engine: engine.name, result: { ...main, digest } });
}
await paced.close();
await slack.close();
rmSync(workDir, { recursive: true, force: true });

const rows: Row<Result>[] = [
  ...(digestOnly
    ? []
    : (targetRows({
        accounts,
        signals: plan.signals.length,
        importRows,
        importTimeoutSeconds,
      }) as Row<Result>[])),
  ...digestRows({ randomRefusals }),
];
const title = digestOnly
  ? "Benchmark: digests (300 CSMs × 60 accounts)"
  : `Benchmark: ${accounts.toLocaleString("en-US")} accounts${options.quick ? ", a fifth of the lookups (--quick)" : ""}`;
printReport(title, rows, columns);
