// The bench's two ways of sending /account: a closed loop (a fixed number of lookups in flight, each
// sender waiting for its answer before the next: the app's capacity) and an open loop (lookups on a
// fixed schedule whatever the answers, as Slack sends them: the latency a CSM sees). Runs in the bench
// driver, a process of its own, so its CPU and memory are not charged to the app it measures.
import { type CommandTarget, commandSender } from "./sender.ts";

/** The people the lookups come from, in turn: full members of the workspace, none an account owner. */
export const benchCallers = Array.from({ length: 50 }, (_, i) => `UBENCH${String(i).padStart(3, "0")}`);

export interface Lookups {
  /** Milliseconds from each lookup's start (open loop: its scheduled time) to its whole answer. */
  latencies: number[];
  /** Answers other than HTTP 200, and connections that failed. */
  errors: number;
  seconds: number;
}

/** Connections a sender keeps open: the closed loop's 20, and an open loop's stragglers. */
const maxConnections = 32;
let lookupIds = 0;

function lookupRecorder(target: CommandTarget, queries: readonly string[]) {
  const send = commandSender(target, maxConnections);
  const lookups: Lookups = { latencies: [], errors: 0, seconds: 0 };
  const started = performance.now();
  return {
    /**
     * Sends lookup `i`, timed from `since` (by default now). With `followUp`, an empty ack is timed
     * until the reply the bot then posts to the lookup's response_url: that is when the CSM sees it.
     */
    async send(i: number, since = performance.now(), followUp = false): Promise<void> {
      const user = benchCallers[i % benchCallers.length] as string;
      const responseId = followUp ? `lookup-${lookupIds++}` : undefined;
      try {
        const answer = await send(user, queries[i % queries.length] as string, responseId);
        if (responseId && answer.bytes === 0) await target.responded(responseId);
        lookups.latencies.push(performance.now() - since);
        if (answer.status !== 200) lookups.errors++;
      } catch {
        lookups.errors++;
      }
    },
    done: (): Lookups => ({ ...lookups, seconds: (performance.now() - started) / 1000 }),
  };
}

/** `count` lookups, `inFlight` at a time. */
export async function closedLoop(
  target: CommandTarget,
  queries: readonly string[],
  count: number,
  inFlight: number,
): Promise<Lookups> {
  const recorder = lookupRecorder(target, queries);
  let next = 0;
  const sender = async () => {
    while (next < count) await recorder.send(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return recorder.done();
}

/**
 * Lookups at `perSecond`, lookup i due at start + i / perSecond, for as long as `more(i)` says so. Each
 * is timed from when it was due, so a late send (this process busy) counts against the app, as a
 * queued request would (no coordinated omission), until the CSM would see its answer.
 */
export async function openLoop(
  target: CommandTarget,
  queries: readonly string[],
  perSecond: number,
  more: (sent: number) => boolean,
): Promise<Lookups> {
  const recorder = lookupRecorder(target, queries);
  const start = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; more(i); i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(recorder.send(i, due, true));
  }
  await Promise.all(sent);
  return recorder.done();
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
