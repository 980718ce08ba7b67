// One engine's share of the bench: the book imported into a fresh database, the bot started on it and
// a bare Bolt app beside it, then every figure of the target table in turn; last, the large account
// import into a database of its own.
import type { FakeSlack } from "../test/helpers/fake-slack.ts";
import { closedLoop, type Lookups, openLoop } from "./load.ts";
import { benchMetrics, type MetricsBench } from "./metrics.ts";
import { type CsmRun, csm, failure, runCsm, serve } from "./processes.ts";
import { botSlackEnv, commandTarget } from "./slack-env.ts";

export interface Engine {
  name: string;
  /** The environment (DATA_DIR or DATABASE_URL) of a fresh, empty database called `label`. */
  freshDatabase(label: string): Promise<Record<string, string>>;
}

export interface Plan {
  bookFile: string;
  queries: readonly string[];
  signals: Record<string, unknown>[];
  /** Closed-loop lookups per app: to warm up, and to measure capacity (in three rounds). */
  closedLookups: number;
  /** Lookups at the steady rate. */
  steadyLookups: number;
  /** The two account files of the large import; absent when it is skipped. */
  importFiles?: { fresh: string; changed: string };
  importTimeoutSeconds: number;
  /** Three years of ARR ledger for the book. */
  ledger: { file: string; rows: number };
  slack: FakeSlack;
}

export interface During {
  lookups: Lookups;
  seconds: number;
}

export interface EngineResult {
  steady: Lookups;
  capacity: { bot: number; bare: number };
  duringIngest: During;
  /** The lookups during `csm health rescore`, or why it could not run beside the bot. */
  duringRescore: During | string;
  botPeakRssMb: number;
  /** `csm import accounts`: new rows, then every row changed (null: not run, the first did not finish). */
  imports?: { fresh: CsmRun; changed: CsmRun | null };
  metrics: MetricsBench | string;
}

const inFlight = 20;
const steadyRate = 50;
const busyRate = 10;
const signalsPerRequest = 10_000;
const ingestToken = "bench-ingest-token-0123456789";

export async function benchEngine(engine: Engine, plan: Plan): Promise<EngineResult> {
  const { env, metrics } = await bookWithMetrics(engine, plan);
  const lookups = await benchBot(env, plan);
  const files = plan.importFiles;
  return {
    ...lookups,
    metrics,
    imports: files && (await largeImport(engine, files, plan.importTimeoutSeconds)),
  };
}

/** The book in a fresh database, its ledger loaded and the metrics measured on it (`--metrics-only`). */
export async function bookWithMetrics(
  engine: Engine,
  plan: Plan,
): Promise<{ env: Record<string, string>; metrics: MetricsBench | string }> {
  const env = { ...(await engine.freshDatabase("book")), LOG_LEVEL: "warn" };
  await csm(["db", "migrate"], env);
  await csm(["import", "accounts", plan.bookFile], env);
  return { env, metrics: await benchMetrics(env, plan.ledger, plan.importTimeoutSeconds) };
}

/** Everything but the large import, with the bot (and the bare app) running on `env`'s database. */
async function benchBot(
  env: Record<string, string>,
  plan: Plan,
): Promise<Omit<EngineResult, "imports" | "metrics">> {
  const slackEnv = botSlackEnv(plan.slack.apiUrl);
  const bare = await serve("bare-bolt", { ...slackEnv, LOG_LEVEL: "error" }, "/slack/events");
  const bot = await serve("main", { ...env, ...slackEnv, INGEST_TOKEN: ingestToken }, "/healthz");
  const target = (port: number) => commandTarget(port, plan.slack);
  const lookupsAt = (rate: number, more: (sent: number) => boolean) =>
    openLoop(target(bot.port), plan.queries, rate, more);
  try {
    // Warm-up: every bench user's first lookup (the bot asks Slack who they are once), and the JIT of
    // both apps and of this driver, which keep speeding up for a few thousand requests.
    for (const app of [bare, bot])
      await closedLoop(target(app.port), plan.queries, plan.closedLookups, inFlight);
    // Capacity: the two apps take turns, round after round, so that the machine's drift weighs on both.
    const answered = { bot: { count: 0, seconds: 0 }, bare: { count: 0, seconds: 0 } };
    for (let round = 0; round < 3; round++) {
      for (const [name, app] of [
        ["bare", bare],
        ["bot", bot],
      ] as const) {
        const run = await closedLoop(target(app.port), plan.queries, plan.closedLookups / 3, inFlight);
        answered[name].count += plan.closedLookups / 3 - run.errors;
        answered[name].seconds += run.seconds;
      }
    }
    const rate = (name: "bot" | "bare") => answered[name].count / answered[name].seconds;
    const steady = await lookupsAt(steadyRate, (sent) => sent < plan.steadyLookups);
    const duringIngest = await whileRunning(lookupsAt, () => ingest(bot.port, plan.signals));
    let rescoreRun: CsmRun | undefined;
    const duringRescore = await whileRunning(lookupsAt, async () => {
      rescoreRun = await runCsm(["health", "rescore"], env, plan.importTimeoutSeconds);
    });
    const botPeakRssMb = bot.peakRssMb();
    return {
      steady,
      capacity: { bot: rate("bot"), bare: rate("bare") },
      duringIngest,
      duringRescore: rescoreRun?.code === 0 ? duringRescore : whyNot(rescoreRun as CsmRun),
      botPeakRssMb,
    };
  } finally {
    await bot.stop();
    await bare.stop();
  }
}

/** Lookups at the busy rate for as long as `work` runs. */
async function whileRunning(
  lookupsAt: (rate: number, more: () => boolean) => Promise<Lookups>,
  work: () => Promise<void>,
): Promise<During> {
  let running = true;
  const lookups = lookupsAt(busyRate, () => running);
  const start = performance.now();
  try {
    await work();
  } finally {
    running = false;
  }
  return { seconds: (performance.now() - start) / 1000, lookups: await lookups };
}

/** Every signal through POST /api/v1/signals, a batch per request, one request after another. */
async function ingest(port: number, signals: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < signals.length; i += signalsPerRequest) {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/signals`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ingestToken}` },
      body: JSON.stringify({ signals: signals.slice(i, i + signalsPerRequest) }),
    });
    if (response.status !== 200)
      throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  }
}

function whyNot(run: CsmRun): string {
  if (run.code === null) return "timed out";
  return failure(run);
}

async function largeImport(
  engine: Engine,
  files: { fresh: string; changed: string },
  timeoutSeconds: number,
): Promise<EngineResult["imports"]> {
  const env = { ...(await engine.freshDatabase("import")), LOG_LEVEL: "warn" };
  await csm(["db", "migrate"], env);
  const fresh = await runCsm(["import", "accounts", files.fresh], env, timeoutSeconds);
  const changed =
    fresh.code === 0 ? await runCsm(["import", "accounts", files.changed], env, timeoutSeconds) : null;
  return { fresh, changed };
}
