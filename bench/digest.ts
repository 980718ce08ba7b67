// The digest bench on one engine: 300 CSMs' digests built without posting (the service `csm digest --now
// --dry-run` runs, timed in this process, and the command itself, timed from start to exit), then sent
// by the running bot's own schedule through a Slack that holds each channel to one message a second and
// refuses some at random, while /account lookups run against the bot.
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { openMigratedDatabase } from "../src/runtime.ts";
import { runDigests } from "../src/services/digest-run.ts";
import { renderDigest } from "../src/slack/surfaces/digest.ts";
import type { FakeSlack } from "../test/helpers/fake-slack.ts";
import { addCsmsToSlack, type DigestCsm, digestCsms, dueMinute, scheduleSql } from "./digest-book.ts";
import type { Engine } from "./engine.ts";
import { closedLoop, type Lookups, openLoop } from "./load.ts";
import type { PacedSlack } from "./paced-slack.ts";
import { type CsmRun, csm, runCsm, serve } from "./processes.ts";
import { botSlackEnv, commandTarget } from "./slack-env.ts";

export interface DigestPlan {
  files: { accounts: string; signals: string };
  queries: readonly string[];
  warmUpLookups: number;
  timeoutSeconds: number;
  slack: FakeSlack;
  paced: PacedSlack;
}

export interface DigestSend {
  /** From the first message's arrival at Slack to the last one's acceptance. */
  seconds: number;
  /** The least time the send could take: (most messages accepted in one channel - 1) s. */
  floorSeconds: number;
  busiestChannel: number;
  /** From the due minute to the first message. */
  firstAfterSeconds: number;
  /** CSMs whose digest never reached Slack, and those whose reached it more than once. */
  lost: number;
  duplicated: number;
  tooSoon: number;
  refusedAtRandom: number;
}

export interface DigestBench {
  csms: number;
  build: { seconds: number; built: number };
  /** `csm digest --now --dry-run`, from start to exit. */
  dryRunCommand: CsmRun;
  send: DigestSend;
  lookups: Lookups;
}

const lookupRate = 10;
const warmUpInFlight = 20;
/** From the bot's start to the due minute: room for it to start and for the lookups' warm-up. */
const leadMs = 45_000;
/** After the last message: time for a message sent twice to show. */
const settleMs = 3_000;

export async function benchDigests(engine: Engine, plan: DigestPlan): Promise<DigestBench> {
  const env = { ...(await engine.freshDatabase("digest")), LOG_LEVEL: "warn" };
  const csms = digestCsms;
  await csm(["db", "migrate"], env);
  await csm(["import", "accounts", plan.files.accounts], env, plan.timeoutSeconds);
  await csm(["import", "signals", plan.files.signals], env, plan.timeoutSeconds);
  const build = await buildAndSchedule(env, csms);
  const dryRunCommand = await runCsm(["digest", "--now", "--dry-run"], env, plan.timeoutSeconds);

  plan.slack.reset();
  plan.paced.reset();
  addCsmsToSlack(plan.slack, csms);
  const bot = await serve("main", { ...env, ...botSlackEnv(plan.paced.apiUrl) }, "/healthz");
  try {
    const target = commandTarget(bot.port, plan.slack);
    await closedLoop(target, plan.queries, plan.warmUpLookups, warmUpInFlight);
    const deadline = build.dueAt.getTime() + plan.timeoutSeconds * 1000;
    while (plan.paced.counts.firstArrival === null && Date.now() < deadline) await sleep(50);
    const expected = csms.length;
    let sending = true;
    const lookups = openLoop(target, plan.queries, lookupRate, () => sending);
    const digestsIn = digestCounter(plan.slack);
    while (digestsIn() < expected && Date.now() < deadline) await sleep(50);
    sending = false;
    const measured = await lookups;
    await sleep(settleMs);
    return {
      csms: expected,
      build,
      dryRunCommand,
      send: sendFigures(plan, csms, build.dueAt),
      lookups: measured,
    };
  } finally {
    await bot.stop();
  }
}

/**
 * Builds every digest as `csm digest --now --dry-run` does (the service, in this process, on the
 * database the command would open), then sets each CSM's digest to come due at one minute ahead.
 */
async function buildAndSchedule(
  env: Record<string, string>,
  csms: readonly DigestCsm[],
): Promise<{ seconds: number; built: number; dueAt: Date }> {
  const config = loadConfig({ ...env, LOG_LEVEL: "error" }, "cli");
  const logger = createLogger({ level: "error" });
  const db = await openMigratedDatabase(config, "cli", "bench digest", logger);
  try {
    const start = performance.now();
    const results = await runDigests(
      { db, notifier: null, directory: null, render: renderDigest },
      new Date(),
      { explicit: true, dryRun: true },
    );
    const seconds = (performance.now() - start) / 1000;
    const dueAt = dueMinute(new Date(), leadMs);
    await db.prisma.$executeRawUnsafe(scheduleSql(csms, dueAt));
    return { seconds, built: results.filter((r) => r.status === "built").length, dueAt };
  } finally {
    await db.close();
  }
}

const accepted = (slack: FakeSlack) => slack.callsTo("chat.postMessage").filter((call) => call.response.ok);

/**
 * Counts the digests that reach Slack (a digest names its owner; any other message does not count),
 * reading each recorded call once: the count is polled every 50 ms in the process that plays Slack.
 */
function digestCounter(slack: FakeSlack): () => number {
  let read = 0;
  let digests = 0;
  return () => {
    for (; read < slack.calls.length; read++) {
      const call = slack.calls[read];
      if (
        call?.method === "chat.postMessage" &&
        call.response.ok &&
        ownerOf(call.args.blocks, call.args.text)
      )
        digests++;
    }
    return digests;
  };
}

/** Whose digest a message is: every digest names its owner ("For <@U…>"). */
function ownerOf(blocks: unknown, text: unknown): string | null {
  return /For <@([UW][A-Z0-9]+)>/.exec(`${JSON.stringify(blocks ?? [])}${String(text ?? "")}`)?.[1] ?? null;
}

function sendFigures(plan: DigestPlan, csms: readonly DigestCsm[], dueAt: Date): DigestSend {
  const received = new Map<string, number>();
  for (const call of accepted(plan.slack)) {
    const owner = ownerOf(call.args.blocks, call.args.text) ?? "?";
    received.set(owner, (received.get(owner) ?? 0) + 1);
  }
  const counts = csms.map((c) => received.get(c.slackUserId) ?? 0);
  // Every message that went out counts towards its channel's floor, a digest or not.
  const perChannel = new Map<string, number>();
  for (const call of accepted(plan.slack)) {
    const channel = String(call.args.channel);
    perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  }
  const busiestChannel = Math.max(...perChannel.values());
  const { firstArrival, lastAccepted, tooSoon, random } = plan.paced.counts;
  const first = firstArrival ?? Number.NaN;
  return {
    seconds: ((lastAccepted ?? Number.NaN) - first) / 1000,
    floorSeconds: busiestChannel - 1,
    busiestChannel,
    firstAfterSeconds: (performance.timeOrigin + first - dueAt.getTime()) / 1000,
    lost: counts.filter((n) => n === 0).length,
    duplicated: counts.filter((n) => n > 1).length,
    tooSoon,
    refusedAtRandom: random,
  };
}
