// Slack's Web API as the digest bench meets it: a local server in front of the tests' fake Slack that
// holds chat.postMessage to Slack's pace, one message a second in a channel, answering a message that
// comes sooner with HTTP 429 and Retry-After, as Slack does; it also answers a share of the other
// messages with 429 at random (a seeded draw, the same run after run). Every other call, and every
// message it lets through, goes on to the fake Slack, which records it: what reached Slack is counted
// there.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeSlack } from "../test/helpers/fake-slack.ts";

export interface PacedSlackOptions {
  /** The least time between two messages accepted in one channel. */
  perChannelMs: number;
  /** Slack's leeway for a message that arrives a little early (network jitter). */
  graceMs: number;
  /** The share of otherwise acceptable messages answered 429 anyway. */
  randomRefusals: number;
  retryAfterSeconds: number;
  seed: number;
}

export interface PacingCounts {
  /** Messages refused for coming within perChannelMs of the channel's last one. */
  tooSoon: number;
  /** Messages refused at random. */
  random: number;
  /** When the first message arrived, and when the last accepted one did (performance.now()). */
  firstArrival: number | null;
  lastAccepted: number | null;
}

export class PacedSlack {
  readonly apiUrl: string;
  readonly counts: PacingCounts = { tooSoon: 0, random: 0, firstArrival: null, lastAccepted: null };
  private readonly lastInChannel = new Map<string, number>();
  private state: number;

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly options: PacedSlackOptions,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api/`;
    this.state = options.seed;
  }

  static async start(fake: FakeSlack, options: PacedSlackOptions): Promise<PacedSlack> {
    let paced: PacedSlack | undefined;
    const server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        const method = (req.url ?? "").replace(/^\/api\//, "");
        if (method === "chat.postMessage" && paced?.refuses(body)) {
          res.writeHead(429, {
            "content-type": "application/json",
            "retry-after": String(options.retryAfterSeconds),
          });
          res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
          return;
        }
        const answer = await fetch(`${fake.apiUrl}${method}`, {
          method: "POST",
          headers: {
            "content-type": req.headers["content-type"] ?? "application/x-www-form-urlencoded",
            ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          },
          body,
        });
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    paced = new PacedSlack(server, (server.address() as AddressInfo).port, options);
    return paced;
  }

  /** Forgets the channels' last messages and the counts, for the next run. */
  reset(): void {
    this.lastInChannel.clear();
    Object.assign(this.counts, { tooSoon: 0, random: 0, firstArrival: null, lastAccepted: null });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Whether Slack would answer this message 429; an accepted one takes its channel's second. */
  private refuses(body: string): boolean {
    const now = performance.now();
    this.counts.firstArrival ??= now;
    const channel = channelOf(body);
    const last = this.lastInChannel.get(channel);
    if (last !== undefined && now - last < this.options.perChannelMs - this.options.graceMs) {
      this.counts.tooSoon++;
      return true;
    }
    if (this.draw() < this.options.randomRefusals) {
      this.counts.random++;
      return true;
    }
    this.lastInChannel.set(channel, now);
    this.counts.lastAccepted = now;
    return false;
  }

  /** A uniform draw in [0, 1) from a linear congruential generator: the same refusals every run. */
  private draw(): number {
    this.state = (Math.imul(this.state, 1_664_525) + 1_013_904_223) >>> 0;
    return this.state / 2 ** 32;
  }
}

function channelOf(body: string): string {
  try {
    return String(JSON.parse(body).channel ?? "");
  } catch {
    return new URLSearchParams(body).get("channel") ?? "";
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
