// The bench's sender of /account commands: what Slack sends (a signed, form-encoded slash command), at
// as little CPU as it can, because it shares the machine with what it measures. The test client
// (test/helpers/slack-requests.ts) makes fresh ids and a fresh signature for every request and sends
// through fetch; at 1,700-2,000 requests/s that took a whole core, so the bare app's figures were
// partly the sender's. Here each user and query is signed once a minute (Slack's signatures stay
// valid for five) and sent through node:http with keep-alive; the answer is read, not parsed.
import http from "node:http";
import { signSlackRequest, slashCommandForm } from "../test/helpers/slack-requests.ts";

export interface CommandTarget {
  url: string;
  signingSecret: string;
  responseUrl: (id: string) => string;
}

interface Signed {
  body: Buffer;
  headers: http.OutgoingHttpHeaders;
  signedAt: number;
}

const resignAfterSeconds = 60;

export function commandSender(target: CommandTarget, connections: number) {
  const url = new URL(target.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const signed = new Map<string, Signed>();
  let sent = 0;

  function signedCommand(userId: string, text: string): Signed {
    const key = `${userId}\n${text}`;
    const now = Math.floor(Date.now() / 1000);
    const known = signed.get(key);
    if (known && now - known.signedAt < resignAfterSeconds) return known;
    const id = `bench-${sent}`;
    const body = Buffer.from(
      slashCommandForm({
        command: "/account",
        text,
        userId,
        teamId: "T0001",
        apiAppId: "A0FAKEAPP1",
        responseUrl: target.responseUrl(id),
        triggerId: `${now}.${sent}.bench`,
      }).toString(),
    );
    const fresh: Signed = {
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": body.length,
        "x-slack-request-timestamp": String(now),
        "x-slack-signature": signSlackRequest(target.signingSecret, now, body.toString()),
      },
      signedAt: now,
    };
    signed.set(key, fresh);
    return fresh;
  }

  /** Sends `/account text` as `userId`; resolves with the HTTP status once the whole answer is in. */
  return function send(userId: string, text: string): Promise<number> {
    sent++;
    const { body, headers } = signedCommand(userId, text);
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers },
        (response) => {
          response.on("data", () => {});
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  };
}
