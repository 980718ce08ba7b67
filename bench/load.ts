// A closed-loop load generator: `inFlight` workers each send a signed /account command, wait for the
// answer, and send the next, until `count` have been sent. Runs in the bench driver, a process of its
// own, so its CPU and memory are not charged to the bot it measures.
import { SlackRequests } from "../test/helpers/slack-requests.ts";

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

export async function sendLookups(
  target: LoadTarget,
  queries: readonly string[],
  count: number,
  inFlight: number,
): Promise<LoadRun> {
  const client = new SlackRequests(target);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const query = queries[i % queries.length] as string;
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
  const client = new SlackRequests(target);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const query = queries[i % queries.length] as string;
    const t0 = performance.now();
    sent.push(
      client.command("/account", query, { userId: `UBENCH${String(i % 50).padStart(3, "0")}` }).then(
        (reply) => {
          latencies.push(performance.now() - t0);
          if (reply.status !== 200) errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(sent);
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
