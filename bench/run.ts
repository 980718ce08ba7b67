// npm run bench: a 20,000-account book in a fresh embedded database, then, in one run and side by
// side, /account lookups as signed HTTP requests (20 in flight) against the app and against a bare
// Bolt app that only acks; the CSV import time; 100,000 signal rows through the CLI and through HTTP;
// a full re-score; peak RSS. Prints a table. Not a test: no asserts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { App } from "@slack/bolt";
import pg from "pg";
import { runCli } from "../src/cli/main.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { createLogger } from "../src/logger.ts";
import { rescoreAccounts } from "../src/services/health-scoring.ts";
import { buildApp } from "../src/slack/app.ts";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { SlackRequests } from "../test/helpers/slack-requests.ts";
import { bookCsv } from "./book-csv.ts";
import { signalItems, signalsCsv } from "./signals.ts";

const accounts = Number(process.env.BENCH_ACCOUNTS ?? 20_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 3_000);
const inFlight = 20;
const secret = "bench-signing-secret-0123456789";
const token = "xoxb-bench-token";
const ingestToken = "bench-ingest-token-0123456789";
const signalDays = 5;
const perRequest = 10_000;

let peakRss = process.memoryUsage().rss;

/** Seconds since start; prints the phase on stderr so a long run shows where it is. */
function phase(label: string, start: number): number {
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(`${label}: ${seconds.toFixed(2)} s\n`);
  return seconds;
}
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const workDir = path.resolve("bench/.data");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const dataDir = path.join(workDir, "db");
const csvFile = path.join(workDir, "book.csv");
const book = bookCsv(accounts);
writeFileSync(csvFile, book.csv);

const quiet = { stdout: { write: () => true }, stderr: { write: (t: string) => process.stderr.write(t) } };
// BENCH_DATABASE_URL runs the same bench on PostgreSQL (a database it empties first) instead of PGlite.
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) await emptyPostgres(postgresUrl);
const env = postgresUrl
  ? { DATABASE_URL: postgresUrl, LOG_LEVEL: "warn" }
  : { DATA_DIR: dataDir, LOG_LEVEL: "warn" };

// The first command creates and migrates the database, so the import row measures the import alone.
await runCli(["db", "migrate"], env, quiet);
const importStart = performance.now();
const importCode = await runCli(["import", "accounts", csvFile], env, quiet);
const importSeconds = phase("accounts CSV import", importStart);
if (importCode !== 0) throw new Error(`import failed with exit code ${importCode}`);

// Signals through the CLI: 100,000 rows (20,000 accounts x 5 days) in one CSV, validated, upserted
// in one transaction, then every touched account re-scored.
const signals = signalItems(
  accounts,
  signalDays,
  new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
);
const signalsFile = path.join(workDir, "signals.csv");
writeFileSync(signalsFile, signalsCsv(signals));
const cliSignalsStart = performance.now();
const signalsCode = await runCli(["import", "signals", signalsFile], env, quiet);
const cliSignalsSeconds = phase("signals via CLI", cliSignalsStart);
if (signalsCode !== 0) throw new Error(`signal import failed with exit code ${signalsCode}`);

const slack = await FakeSlack.start();
const db = await openDatabase(
  postgresUrl ? { kind: "postgres", url: postgresUrl } : { kind: "pglite", dataDir },
);
const logger = createLogger({ level: "error" });
const config = loadConfig({
  SLACK_BOT_TOKEN: token,
  SLACK_SIGNING_SECRET: secret,
  SLACK_API_URL: slack.apiUrl,
  INGEST_TOKEN: ingestToken,
});
const app = buildApp(config, { prisma: db.prisma, logger, clock: () => new Date() });
const bare = new App({
  token,
  signingSecret: secret,
  logger: logger as never,
  clientOptions: { slackApiUrl: slack.apiUrl },
});
bare.command("/account", async ({ ack }) => {
  await ack();
});

const portOf = (server: unknown) => ((server as { address(): AddressInfo }).address() as AddressInfo).port;
const appPort = portOf(await app.start(0));
const barePort = portOf(await bare.start(0));

interface Run {
  latencies: number[];
  errors: number;
  seconds: number;
}

async function load(port: number, count: number): Promise<Run> {
  const client = new SlackRequests({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: secret,
    responseUrl: (id) => slack.responseUrl(id),
  });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const query = book.queries[i % book.queries.length] as string;
      const t0 = performance.now();
      try {
        const reply = await client.command("/account", query, {
          userId: `UBENCH${String(i % 50).padStart(3, "0")}`,
        });
        latencies.push(performance.now() - t0);
        if (reply.status !== 200) errors++;
      } catch {
        // A keep-alive socket the server closed while idle (ECONNRESET): counted, not timed.
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

// Signals through HTTP: the same 100,000 rows again (an upsert), 10,000 per request, each request
// re-scoring the accounts it touched.
const httpSignalsStart = performance.now();
for (let i = 0; i < signals.length; i += perRequest) {
  const response = await fetch(`http://127.0.0.1:${appPort}/api/v1/signals`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ingestToken}` },
    body: JSON.stringify({ signals: signals.slice(i, i + perRequest) }),
  });
  if (response.status !== 200)
    throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
}
const httpSignalsSeconds = phase("signals via HTTP", httpSignalsStart);

const rescoreStart = performance.now();
const rescored = await rescoreAccounts(db.prisma, "all", new Date());
const rescoreSeconds = phase("full re-score", rescoreStart);

// Warm both (JIT, first-caller registration), then measure.
await load(appPort, 200);
await load(barePort, 200);
const bareRun = await load(barePort, lookups);
const appRun = await load(appPort, lookups);

clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (name: string, run: Run) =>
  `| ${name} | ${run.latencies.length} | ${ms(percentile(run.latencies, 50))} | ${ms(percentile(run.latencies, 95))} | ${ms(percentile(run.latencies, 99))} | ${(run.latencies.length / run.seconds).toFixed(0)}/s | ${run.errors} |`;
const appP99 = percentile(appRun.latencies, 99);
const bareP99 = percentile(bareRun.latencies, 99);

console.log(
  `\nBenchmark: ${accounts.toLocaleString("en-US")} accounts, ${postgresUrl ? "PostgreSQL" : "embedded PGlite"}, ${inFlight} requests in flight\n`,
);
console.log("| /account target | requests | p50 | p95 | p99 | throughput | errors |");
console.log("|---|---|---|---|---|---|---|");
console.log(row("bare Bolt ack", bareRun));
console.log(row("app (search + card)", appRun));
console.log("");
console.log("| measure | value | target | met |");
console.log("|---|---|---|---|");
console.log(`| /account p99 | ${ms(appP99)} | ≤ 50 ms | ${appP99 <= 50 ? "yes" : "NO"} |`);
console.log(
  `| /account p99 ÷ bare-ack p99 | ${(appP99 / bareP99).toFixed(2)}× | ≤ 3× | ${appP99 / bareP99 <= 3 ? "yes" : "NO"} |`,
);
console.log(
  `| CSV import, ${accounts.toLocaleString("en-US")} rows | ${importSeconds.toFixed(2)} s | < 10 s | ${importSeconds < 10 ? "yes" : "NO"} |`,
);
const signalRows = signals.length.toLocaleString("en-US");
const met = (ok: boolean) => (ok ? "yes" : "NO");
console.log(
  `| signals via CLI, ${signalRows} rows (incl. re-score) | ${cliSignalsSeconds.toFixed(2)} s · ${(signals.length / cliSignalsSeconds).toFixed(0)} rows/s | < 15 s | ${met(cliSignalsSeconds < 15)} |`,
);
console.log(
  `| signals via HTTP, ${signalRows} rows (incl. re-score) | ${httpSignalsSeconds.toFixed(2)} s · ${(signals.length / httpSignalsSeconds).toFixed(0)} rows/s | < 15 s | ${met(httpSignalsSeconds < 15)} |`,
);
console.log(
  `| full re-score, ${rescored.scored.toLocaleString("en-US")} accounts | ${rescoreSeconds.toFixed(2)} s | < 5 s | ${met(rescoreSeconds < 5)} |`,
);
console.log(
  `| peak RSS | ${(peakRss / 1024 / 1024).toFixed(0)} MB | < 300 MB | ${peakRss < 300 * 1024 * 1024 ? "yes" : "NO"} |`,
);

await app.stop();
await bare.stop();
await slack.close();
await db.close();
rmSync(workDir, { recursive: true, force: true });

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
}
