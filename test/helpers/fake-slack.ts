// A stand-in for Slack's Web API at the HTTP boundary: the app's real WebClient (and Bolt's respond())
// talk to this local server exactly as they would to slack.com, and every call is recorded for assertions.
// Response shapes follow Slack's method reference, trimmed to the fields the app could read. It keeps no
// channel history: chat.update/delete accept any ts, views.update any view id, where Slack would say
// message_not_found / not_found; use failNext() to test those paths. File uploads land in `files`
// (fake-files.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { json } from "../../src/http/json.ts";
import { conversationObject, type FakeConversation } from "./fake-conversations.ts";
import { FakeFiles } from "./fake-files.ts";

export type { FakeConversation } from "./fake-conversations.ts";
export type { FakeFile } from "./fake-files.ts";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
  /** HTTP status the fake answered with (429 for an injected rate limit). */
  status: number;
  /** The JSON body the fake answered with. */
  response: Record<string, unknown>;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  email?: string;
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** A multi-channel guest. */
  isRestricted?: boolean;
  /** A single-channel guest. */
  isUltraRestricted?: boolean;
  /** Another organisation's workspace (a Slack Connect user); the fake's own team when absent. */
  teamId?: string;
}

type Args = Record<string, unknown>;
type Reply = Record<string, unknown>;
type Handler = (args: Args) => Reply;

interface Waiter<T> {
  matches: (item: T) => boolean;
  resolve: (item: T) => void;
}

const baseTs = 1_700_000_000;
const defaultTz = "America/Los_Angeles";

export class FakeSlack {
  readonly apiUrl: string;
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId = "B0FAKEBOT1";
  readonly appId = "A0FAKEAPP1";
  /** The WebSocket URL apps.connections.open hands out (see fake-socket-mode.ts). */
  socketModeUrl: string | null = null;
  /** What files.uploadV2 uploaded: `files.shared()` lists each file with its bytes and conversation. */
  readonly files: FakeFiles;

  private readonly users = new Map<string, FakeUser>();
  private readonly conversations = new Map<string, FakeConversation>();
  /**
   * Whom users.info knows besides the users added: running-app.ts answers with the test database's team,
   * who are full members of the workspace unless a test says otherwise with addUser.
   */
  memberLookup: ((id: string) => Promise<FakeUser | null>) | null = null;
  private readonly views = new Map<string, Args>();
  private readonly injected = new Map<
    string,
    ({ kind: "rateLimit"; seconds: number } | { kind: "fail"; error: string; details?: Reply })[]
  >();
  private readonly delays = new Map<string, number[]>();
  private callWaiters: Waiter<RecordedCall>[] = [];
  private responseWaiters: Waiter<RecordedResponse>[] = [];
  private tsCounter = 0;
  private viewCounter = 0;
  private readonly methods: Record<string, Handler>;

  private constructor(
    private readonly server: Server,
    private readonly baseUrl: string,
    options: { teamId?: string; botUserId?: string },
  ) {
    this.apiUrl = `${baseUrl}/api/`;
    this.files = new FakeFiles(`${baseUrl}/upload/`);
    this.teamId = options.teamId ?? "T0001";
    this.botUserId = options.botUserId ?? "U0FAKEBOT1";
    this.users.set(this.botUserId, { id: this.botUserId, name: "csm-bot", realName: "CSM Bot", isBot: true });
    this.methods = this.buildMethods();
  }

  static async start(options: { teamId?: string; botUserId?: string } = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`fake Slack failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`, options);
    return fake;
  }

  /** A response_url to put in a payload; what the app POSTs there lands in `responses`. */
  responseUrl(id: string = randomId()): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  waitFor(
    method: string,
    predicate: (c: RecordedCall) => boolean = () => true,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall) => call.method === method && predicate(call);
    return this.wait(this.calls, this.callWaiters, matches, timeoutMs, () => {
      const seen = this.calls.map((call) => call.method);
      return `FakeSlack: no matching ${method} call within ${timeoutMs} ms. Calls so far: ${seen.length ? seen.join(", ") : "none"}.`;
    });
  }

  waitForResponse(
    predicate: (r: RecordedResponse) => boolean = () => true,
    timeoutMs = 2000,
  ): Promise<RecordedResponse> {
    return this.wait(this.responses, this.responseWaiters, predicate, timeoutMs, () => {
      const seen = this.responses.map((response) => response.id);
      return `FakeSlack: no matching POST to a response_url within ${timeoutMs} ms. Response ids so far: ${seen.length ? seen.join(", ") : "none"}.`;
    });
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  addConversation(conversation: FakeConversation): void {
    this.conversations.set(conversation.id, conversation);
  }

  /** The next call to `method` gets HTTP 429 with Retry-After; @slack/web-api waits and retries by itself. */
  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.inject(method, { kind: "rateLimit", seconds: retryAfterSeconds });
  }

  /**
   * The next call to `method` answers `{ ok: false, error }`, as a Slack platform error, with any other
   * fields Slack adds to that error (missing_scope's `needed` and `provided`).
   */
  failNext(method: string, error: string, details: Reply = {}): void {
    this.inject(method, { kind: "fail", error, details });
  }

  /** The next call to `method` is answered after `ms`: a slow Slack, to keep a request in flight. */
  delayNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  /** Forgets calls, responses, views, files and pending injected failures; users stay. */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.views.clear();
    this.files.clear();
    this.injected.clear();
    this.delays.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private inject(
    method: string,
    fault: { kind: "rateLimit"; seconds: number } | { kind: "fail"; error: string; details?: Reply },
  ) {
    const queue = this.injected.get(method) ?? [];
    queue.push(fault);
    this.injected.set(method, queue);
  }

  private wait<T>(
    seen: T[],
    waiters: Waiter<T>[],
    matches: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const already = seen.find(matches);
    if (already) return Promise.resolve(already);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(describe()));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  private notify<T>(item: T, waiters: Waiter<T>[]): void {
    for (const waiter of waiters.filter((w) => w.matches(item))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(item);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const raw = await readBody(req);
    if (req.method === "POST" && url.pathname.startsWith("/upload/")) {
      const fileId = decodeURIComponent(url.pathname.slice("/upload/".length));
      const { status, text } = await this.files.receive(fileId, raw, req.headers["content-type"]);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(text);
      return;
    }
    const body = parseBody(raw.toString("utf8"), req.headers["content-type"]);
    if (req.method === "POST" && url.pathname.startsWith("/response/")) {
      const response = { id: decodeURIComponent(url.pathname.slice("/response/".length)), body };
      this.responses.push(response);
      this.notify(response, this.responseWaiters);
      return json(res, 200, { ok: true });
    }
    if (req.method !== "POST" || !url.pathname.startsWith("/api/"))
      return json(res, 404, { ok: false, error: "not_found" });

    const method = url.pathname.slice("/api/".length);
    const { token: bodyToken, ...args } = body;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof bodyToken === "string" ? bodyToken : undefined);
    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (method === "users.info" && !this.users.has(str(args.user)) && this.memberLookup) {
      const member = await this.memberLookup(str(args.user));
      if (member) this.users.set(member.id, member);
    }
    const { status, reply, headers } = this.answer(method, args, token);
    const call: RecordedCall = { method, args, token, at: Date.now(), status, response: reply };
    this.calls.push(call);
    this.notify(call, this.callWaiters);
    json(res, status, reply, headers);
  }

  private answer(method: string, args: Args, token: string | undefined) {
    const ok = (reply: Reply) => ({ status: 200, reply, headers: {} });
    const handler = this.methods[method];
    if (!handler) return ok({ ok: false, error: "unknown_method" });
    if (!token) return ok({ ok: false, error: "not_authed" });
    if (!token.startsWith("xox") && !token.startsWith("xapp-"))
      return ok({ ok: false, error: "invalid_auth" });
    // An app-level token (xapp-) opens Socket Mode connections, and that method takes no other token.
    if ((method === "apps.connections.open") !== token.startsWith("xapp-"))
      return ok({ ok: false, error: "not_allowed_token_type" });
    const fault = this.injected.get(method)?.shift();
    if (fault?.kind === "rateLimit") {
      return {
        status: 429,
        reply: { ok: false, error: "ratelimited" },
        headers: { "retry-after": String(fault.seconds) },
      };
    }
    if (fault?.kind === "fail") return ok({ ok: false, error: fault.error, ...fault.details });
    return ok(handler(args));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    const micros = this.tsCounter * 100;
    return `${baseTs + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }

  private buildMethods(): Record<string, Handler> {
    const fail = (error: string): Reply => ({ ok: false, error });
    const channelOf = (args: Args) => dmChannelFor(str(args.channel));
    return {
      "apps.connections.open": () =>
        this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : fail("fake_socket_mode_not_started"),
      "auth.test": () => ({
        ok: true,
        url: "https://fake-team.slack.com/",
        team: "Fake Team",
        user: "csm-bot",
        team_id: this.teamId,
        user_id: this.botUserId,
        bot_id: this.botId,
        is_enterprise_install: false,
      }),
      "users.info": (args) => {
        const user = this.users.get(str(args.user));
        return user ? { ok: true, user: this.userObject(user) } : fail("user_not_found");
      },
      "users.lookupByEmail": (args) => {
        const email = str(args.email).toLowerCase();
        const user = [...this.users.values()].find((u) => u.email?.toLowerCase() === email && email !== "");
        return user ? { ok: true, user: this.userObject(user) } : fail("users_not_found");
      },
      "chat.postMessage": (args) => {
        if (!args.channel) return fail("channel_not_found");
        if (!args.text && !args.blocks && !args.attachments) return fail("no_text");
        const ts = this.nextTs();
        return { ok: true, channel: channelOf(args), ts, message: this.messageObject(args, ts) };
      },
      "chat.postEphemeral": (args) => {
        if (!args.channel) return fail("channel_not_found");
        if (!args.user) return fail("user_not_found");
        if (!args.text && !args.blocks && !args.attachments) return fail("no_text");
        return { ok: true, message_ts: this.nextTs() };
      },
      "chat.update": (args) => {
        if (!args.channel) return fail("channel_not_found");
        if (!args.ts) return fail("message_not_found");
        const ts = str(args.ts);
        return {
          ok: true,
          channel: args.channel,
          ts,
          text: str(args.text),
          message: this.messageObject(args, ts),
        };
      },
      "chat.delete": (args) => {
        if (!args.channel) return fail("channel_not_found");
        if (!args.ts) return fail("message_not_found");
        return { ok: true, channel: args.channel, ts: args.ts };
      },
      "chat.getPermalink": (args) => {
        if (!args.channel) return fail("channel_not_found");
        if (!args.message_ts) return fail("message_not_found");
        const ts = str(args.message_ts).replace(".", "");
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://fake-team.slack.com/archives/${str(args.channel)}/p${ts}`,
        };
      },
      "conversations.open": (args) => {
        const first = str(args.users).split(",")[0] ?? "";
        if (!first && !args.channel) return fail("users_list_not_supplied");
        return { ok: true, channel: { id: args.channel ? str(args.channel) : dmChannelFor(first) } };
      },
      "conversations.members": (args) => {
        const conversation = this.conversations.get(str(args.channel));
        if (!conversation?.members) return fail("channel_not_found");
        return { ok: true, members: conversation.members, response_metadata: { next_cursor: "" } };
      },
      "conversations.info": (args) => {
        const id = str(args.channel);
        if (!id) return fail("channel_not_found");
        const known = this.conversations.get(id);
        if (known) return { ok: true, channel: conversationObject(known) };
        const im = id.startsWith("D");
        return {
          ok: true,
          channel: im
            ? {
                id,
                created: baseTs,
                is_im: true,
                is_org_shared: false,
                user: `U${id.slice(1)}`,
                is_user_deleted: false,
              }
            : {
                id,
                name: `channel-${id.toLowerCase()}`,
                is_channel: true,
                is_group: false,
                is_im: false,
                is_private: false,
                is_archived: false,
                is_member: true,
                created: baseTs,
                num_members: 2,
              },
        };
      },
      "files.getUploadURLExternal": (args) => this.files.getUploadURLExternal(args),
      "files.completeUploadExternal": (args) => this.files.completeUploadExternal(args),
      "views.open": (args) => (args.trigger_id ? this.storeView(args.view) : fail("invalid_trigger_id")),
      "views.push": (args) => (args.trigger_id ? this.storeView(args.view) : fail("invalid_trigger_id")),
      "views.update": (args) => {
        const existing = args.view_id ? this.views.get(str(args.view_id)) : undefined;
        if (existing && args.hash && existing.hash !== args.hash) return fail("hash_conflict");
        if (!args.view_id && !args.external_id) return fail("not_found");
        return this.storeView(args.view, args.view_id ? str(args.view_id) : undefined);
      },
      "views.publish": (args) => (args.user_id ? this.storeView(args.view) : fail("user_not_found")),
    };
  }

  /**
   * Stores and echoes a view the way Slack returns it: id, hash, empty state. An update keeps the view id;
   * an unknown view_id is accepted (Slack says not_found) so tests can click in views they never opened.
   */
  private storeView(view: unknown, viewId?: string): Reply {
    if (!isRecord(view)) return { ok: false, error: "invalid_arguments" };
    this.viewCounter += 1;
    const id = viewId ?? `V${String(this.viewCounter).padStart(9, "0")}`;
    const previous = this.views.get(id);
    const stored: Args = {
      id,
      team_id: this.teamId,
      app_id: this.appId,
      bot_id: this.botId,
      private_metadata: "",
      callback_id: "",
      external_id: "",
      blocks: [],
      state: { values: {} },
      previous_view_id: previous?.previous_view_id ?? null,
      root_view_id: previous?.root_view_id ?? id,
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      hash: `${baseTs}.${String(this.viewCounter).padStart(8, "0")}`,
    };
    this.views.set(id, stored);
    return { ok: true, view: stored };
  }

  private messageObject(args: Args, ts: string): Reply {
    return {
      type: "message",
      text: str(args.text),
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      team: this.teamId,
      ts,
      ...(args.blocks ? { blocks: args.blocks } : {}),
      ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
    };
  }

  private userObject(user: FakeUser): Reply {
    const name = user.name ?? user.id.toLowerCase();
    const realName = user.realName ?? name;
    const tz = user.tz ?? defaultTz;
    return {
      id: user.id,
      team_id: user.teamId ?? this.teamId,
      is_restricted: user.isRestricted ?? false,
      is_ultra_restricted: user.isUltraRestricted ?? false,
      name,
      deleted: user.deleted ?? false,
      real_name: realName,
      tz,
      tz_label: timeZoneLabel(tz),
      tz_offset: timeZoneOffsetSeconds(tz),
      is_bot: user.isBot ?? false,
      is_app_user: false,
      is_admin: false,
      is_owner: false,
      updated: baseTs,
      profile: {
        real_name: realName,
        real_name_normalized: realName,
        display_name: name,
        display_name_normalized: name,
        ...(user.email ? { email: user.email } : {}),
        team: this.teamId,
        ...(user.isBot ? { bot_id: this.botId } : {}),
      },
    };
  }
}

function dmChannelFor(id: string): string {
  return /^[UW]/.test(id) ? `D${id.slice(1)}` : id;
}

function timeZoneOffsetSeconds(tz: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(
    at,
  );
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((p) => p.type === "timeZoneName")?.value ?? "");
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === "-" ? -seconds : seconds;
}

function timeZoneLabel(tz: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" }).formatToParts(
    new Date(),
  );
  return parts.find((p) => p.type === "timeZoneName")?.value ?? tz;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Form bodies carry nested values (blocks, view) as JSON strings, the way @slack/web-api sends them. */
function parseBody(raw: string, contentType: string | undefined): Args {
  if (!raw) return {};
  if (contentType?.includes("application/json")) {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : { body: parsed };
  }
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = parseNested(value);
  return args;
}

function parseNested(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 12);
}
