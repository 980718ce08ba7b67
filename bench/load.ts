// A closed-loop load generator: `inFlight` workers each send a signed /account command, wait for the
// answer, and send the next, until `count` have been sent. Runs in the bench driver, a process of its
// own, so its CPU and memory are not charged to the bot it measures.
import { commandSender } from "./sender.ts";

export interface LoadRun {
  latencies: number[];
  errors: number;
  seconds: number;
}

export interface LoadTarget {
  url: string;
  signingSecret: string;
  responseUrl: (id: string) => string;
}

/** Connections a sender keeps open: enough for the closed loop's 20 and the steady rate's stragglers. */
const maxConnections = 32;

/** A client that sends one lookup at a time and records how long it took, or that it failed. */
function lookupRecorder(target: LoadTarget) {
  const send = commandSender(target, maxConnections);
  const run: LoadRun = { latencies: [], errors: 0, seconds: 0 };
  const started = performance.now();
  return {
    async send(queries: readonly string[], i: number): Promise<void> {
      const query = queries[i % queries.length] as string;
      const t0 = performance.now();
      try {
        const status = await send(`UBENCH${String(i % 50).padStart(3, "0")}`, query);
        run.latencies.push(performance.now() - t0);
        if (status !== 200) run.errors++;
      } catch {
        // A keep-alive socket the server closed while idle (ECONNRESET): counted, not timed.
        run.errors++;
      }
    },
    done(): LoadRun {
      return { ...run, seconds: (performance.now() - started) / 1000 };
    },
  };
}

export async function sendLookups(
  target: LoadTarget,
  queries: readonly string[],
  count: number,
  inFlight: number,
): Promise<LoadRun> {
  const recorder = lookupRecorder(target);
  let next = 0;
  const worker = async () => {
    while (next < count) await recorder.send(queries, next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return recorder.done();
}

/**
 * An open loop: `count` lookups sent at a steady `perSecond`, each on time whether or not the ones
 * before it have been answered, as Slack would send them. Below the bot's capacity nothing queues, so
 * the latencies are those of one lookup; the closed loop above measures the bot saturated.
 */
export async function sendLookupsAtRate(
  target: LoadTarget,
  queries: readonly string[],
  count: number,
  perSecond: number,
): Promise<LoadRun> {
  const recorder = lookupRecorder(target);
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(recorder.send(queries, i));
  }
  await Promise.all(sent);
  return recorder.done();
}

/** Several runs as one: every latency, every error, the time spent sending. */
export function combinedRuns(runs: readonly LoadRun[]): LoadRun {
  return {
    latencies: runs.flatMap((run) => run.latencies),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
