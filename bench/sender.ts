// The bench's sender of /account commands: what Slack sends (a signed, form-encoded slash command), at
// as little CPU as it can, because it shares the machine with what it measures. Signing every request
// afresh and sending through fetch took a whole core at 2,000 requests/s; here each user and query is
// signed once a minute (Slack's signatures stay valid for five) and sent through node:http with
// keep-alive; the answer is read, not parsed. A request given a response id of its own is signed for
// it alone, so that an answer the bot delivers later, to that response_url, can be told apart.
import http from "node:http";
import { signSlackRequest, slashCommandForm } from "../test/helpers/slack-requests.ts";

export interface CommandTarget {
  url: string;
  signingSecret: string;
  responseUrl: (id: string) => string;
  /** Resolves when something is posted to the response_url of `id` (the fake Slack sees it). */
  responded: (id: string) => Promise<unknown>;
}

interface Signed {
  body: Buffer;
  headers: http.OutgoingHttpHeaders;
  signedAt: number;
}

export interface Answer {
  status: number;
  /** Bytes of the HTTP answer: 0 is an empty ack, the reply then follows through the response_url. */
  bytes: number;
}

const resignAfterSeconds = 60;

export function commandSender(target: CommandTarget, connections: number) {
  const url = new URL(target.url);
  // A timeout lets Node's agent apply the bot's Keep-Alive hint (timeout=5): it drops an idle connection
  // a second before the bot would, rather than reusing one the bot is closing (an ECONNRESET counted
  // against the bot). Node ignores the hint when the agent has no timeout of its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, timeout: 60_000 });
  const signed = new Map<string, Signed>();
  let sent = 0;

  function sign(userId: string, text: string, responseId: string, now: number): Signed {
    const body = Buffer.from(
      slashCommandForm({
        command: "/account",
        text,
        userId,
        teamId: "T0001",
        apiAppId: "A0FAKEAPP1",
        responseUrl: target.responseUrl(responseId),
        triggerId: `${now}.${sent}.bench`,
      }).toString(),
    );
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": body.length,
      "x-slack-request-timestamp": String(now),
      "x-slack-signature": signSlackRequest(target.signingSecret, now, body.toString()),
    };
    return { body, headers, signedAt: now };
  }

  function signedCommand(userId: string, text: string, responseId?: string): Signed {
    const now = Math.floor(Date.now() / 1000);
    if (responseId) return sign(userId, text, responseId, now);
    const key = `${userId}\n${text}`;
    const known = signed.get(key);
    if (known && now - known.signedAt < resignAfterSeconds) return known;
    const fresh = sign(userId, text, `bench-${sent}`, now);
    signed.set(key, fresh);
    return fresh;
  }

  /** Sends `/account text` as `userId`; resolves once the whole answer is in. */
  return function send(userId: string, text: string, responseId?: string): Promise<Answer> {
    sent++;
    const { body, headers } = signedCommand(userId, text, responseId);
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers },
        (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  };
}
