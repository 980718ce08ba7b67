// Slack's side of Socket Mode: the WebSocket server whose URL FakeSlack's apps.connections.open hands
// out. It greets each connection with `hello`, as Slack does, and delivers requests as envelopes the
// app must acknowledge on the same socket; SlackRequests sends through it with `deliver`.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { FakeSlack } from "./fake-slack.ts";
import type { Delivery, SlackReply } from "./slack-requests.ts";

const ackTimeoutMs = 5_000;

export class FakeSocketMode {
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, (reply: SlackReply) => void>();
  private connectedWaiters: (() => void)[] = [];
  /** Every connection the app opened, in order (a reconnect opens another). */
  connections = 0;

  private constructor(
    private readonly server: WebSocketServer,
    private readonly appId: string,
  ) {
    server.on("connection", (socket) => {
      this.connections += 1;
      this.sockets.push(socket);
      socket.on("message", (data) => this.acknowledged(data.toString()));
      socket.on("close", () => this.sockets.splice(this.sockets.indexOf(socket), 1));
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: this.sockets.length,
          debug_info: { host: "fake-socket-mode", approximate_connection_time: 18_060 },
          connection_info: { app_id: this.appId },
        }),
      );
      for (const resolve of this.connectedWaiters.splice(0)) resolve();
    });
  }

  /** Starts the server and makes `slack`'s apps.connections.open hand out its URL. */
  static async start(slack: FakeSlack): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    slack.socketModeUrl = `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${slack.appId}`;
    return new FakeSocketMode(server, slack.appId);
  }

  /** Resolves once the app has a connection open. */
  connected(): Promise<void> {
    if (this.sockets.length) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Sends one envelope on the newest connection and waits for the app's acknowledgement of it. */
  readonly deliver: Delivery = (kind, payload) => {
    const socket = this.sockets.at(-1);
    if (!socket) return Promise.reject(new Error("FakeSocketMode: the app has no open connection"));
    const envelopeId = randomUUID();
    const acked = new Promise<SlackReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`FakeSocketMode: no acknowledgement of ${kind} envelope within ${ackTimeoutMs} ms`));
      }, ackTimeoutMs);
      this.pending.set(envelopeId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: kind,
        payload,
        accepts_response_payload: kind !== "events_api",
        ...(kind === "events_api" ? { retry_attempt: 0, retry_reason: "" } : {}),
      }),
    );
    return acked;
  };

  /** Sends `text` as it is on the newest connection: a message Slack should never send. */
  sendRaw(text: string): void {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error("FakeSocketMode: the app has no open connection");
    socket.send(text);
  }

  /** Asks the app to reconnect, as Slack does before it recycles a connection. */
  requestReconnect(): void {
    for (const socket of this.sockets)
      socket.send(JSON.stringify({ type: "disconnect", reason: "refresh_requested" }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acknowledged(raw: string): void {
    const message = JSON.parse(raw) as { envelope_id?: string; payload?: Record<string, unknown> };
    const resolve = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
    if (!resolve || !message.envelope_id) return;
    this.pending.delete(message.envelope_id);
    const payload = message.payload ?? {};
    const body = Object.keys(payload).length ? JSON.stringify(payload) : "";
    resolve({ status: 200, body, json: body ? payload : undefined });
  }
}
