// Sends what Slack sends to the app's Bolt HTTP receiver: slash commands, interactivity payloads and
// Events API envelopes, signed with the signing secret, so tests go through Bolt's own verification.
import { createHmac, randomBytes } from "node:crypto";

export interface SlackReply {
  status: number;
  body: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface SendOptions {
  contentType?: string;
  timestamp?: number;
  secret?: string;
  signature?: string;
  /** Extra headers, e.g. `X-Slack-Retry-Num` for a redelivered event. */
  headers?: Record<string, string>;
}

/** What Slack calls each kind of request in Socket Mode. */
export type DeliveryKind = "slash_commands" | "interactive" | "events_api";

/**
 * Another way for requests to reach the app than signed HTTP: a Socket Mode envelope (see
 * fake-socket-mode.ts). Gets what Slack would put in the envelope's `payload`.
 */
export type Delivery = (kind: DeliveryKind, payload: Record<string, unknown>) => Promise<SlackReply>;

export interface SlackRequestsOptions {
  /** The app's HTTP receiver; unused with `deliver`. */
  url: string;
  signingSecret: string;
  /** Sends through Socket Mode instead of HTTP. */
  deliver?: Delivery;
  teamId?: string;
  responseUrl: (id: string) => string;
  /** The bot user the events are addressed to (Events API `authorizations`). */
  botUserId?: string;
  apiAppId?: string;
}

interface BlockActionOptions {
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  selectedOption?: string;
  /** A pick in a users_select (no value: what it is about travels in `blockId`). */
  selectedUser?: string;
  channelId?: string;
  messageTs?: string;
  message?: { text: string; blocks: unknown[] };
  /** The modal, or with type "home" the Home tab, the click is in. */
  view?: {
    id: string;
    type?: "modal" | "home";
    callback_id?: string;
    private_metadata?: string;
    blocks?: unknown[];
    /** The hash Slack gave the view when it was opened or updated (views.update checks it). */
    hash?: string;
  };
  container?: Record<string, unknown>;
}

/** "v0=" + hex HMAC-SHA256 of `v0:{timestamp}:{body}`, as in Slack's request signing. */
export function signSlackRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

const form = "application/x-www-form-urlencoded";
const verificationToken = "legacy-verification-token";

export interface SlashCommandFields {
  command: string;
  text: string;
  userId: string;
  userName?: string;
  channelId?: string;
  teamId: string;
  apiAppId: string;
  responseUrl: string;
  triggerId: string;
}

/** The form Slack posts for a slash command (also sent by the bench's own sender). */
export function slashCommandForm(fields: SlashCommandFields): URLSearchParams {
  return new URLSearchParams({
    token: verificationToken,
    team_id: fields.teamId,
    team_domain: "fake-team",
    channel_id: fields.channelId ?? "C0GENERAL1",
    channel_name: "general",
    user_id: fields.userId,
    user_name: fields.userName ?? fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: fields.apiAppId,
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId,
  });
}

export class SlackRequests {
  private readonly teamId: string;
  private readonly apiAppId: string;
  private readonly botUserId: string;
  private tsCounter = 0;

  constructor(private readonly options: SlackRequestsOptions) {
    this.teamId = options.teamId ?? "T0001";
    this.apiAppId = options.apiAppId ?? "A0FAKEAPP1";
    this.botUserId = options.botUserId ?? "U0FAKEBOT1";
  }

  async command(
    command: string,
    text: string,
    options: { userId: string; channelId?: string; userName?: string },
  ): Promise<SlackReply & { responseId: string }> {
    const responseId = newId();
    const body = slashCommandForm({
      ...options,
      command,
      text,
      teamId: this.teamId,
      apiAppId: this.apiAppId,
      responseUrl: this.options.responseUrl(responseId),
      triggerId: triggerId(),
    });
    const reply = this.options.deliver
      ? await this.options.deliver("slash_commands", Object.fromEntries(body))
      : await this.send(body.toString());
    return { ...reply, responseId };
  }

  /**
   * A click in a message (ephemeral unless `message` is given, so Slack sends no `message` then) or, with
   * `view`, in a modal or Home tab (no response_url then, as from Slack).
   */
  async blockAction(options: BlockActionOptions): Promise<SlackReply & { responseId: string }> {
    const responseId = newId();
    const channelId = options.channelId ?? "C0GENERAL1";
    const messageTs = options.messageTs ?? this.nextTs();
    const action: Record<string, unknown> = {
      action_id: options.actionId,
      block_id: options.blockId ?? `blk-${options.actionId}`.slice(0, 255),
      action_ts: this.nextTs(),
    };
    if (options.selectedUser !== undefined) {
      Object.assign(action, { type: "users_select", selected_user: options.selectedUser });
    } else if (options.selectedOption === undefined) {
      Object.assign(action, {
        type: "button",
        ...(options.value === undefined ? {} : { value: options.value }),
      });
    } else {
      const selected = {
        text: { type: "plain_text", text: options.selectedOption, emoji: true },
        value: options.selectedOption,
      };
      Object.assign(action, { type: "static_select", selected_option: selected });
    }
    const fromView = options.view !== undefined;
    const view = options.view && this.viewObject({ type: "modal", state: { values: {} }, ...options.view });
    const container =
      options.container ??
      (fromView
        ? { type: "view", view_id: options.view?.id }
        : {
            type: "message",
            message_ts: messageTs,
            channel_id: channelId,
            is_ephemeral: options.message === undefined,
          });
    const payload = {
      type: "block_actions",
      ...this.common(options.userId),
      container,
      trigger_id: triggerId(),
      ...(fromView
        ? { view }
        : {
            channel: { id: channelId, name: "general" },
            ...(options.message
              ? { message: { type: "message", user: this.botUserId, ts: messageTs, ...options.message } }
              : {}),
            state: { values: {} },
            response_url: this.options.responseUrl(responseId),
          }),
      actions: [action],
    };
    return { ...(await this.sendPayload(payload)), responseId };
  }

  viewSubmission(options: {
    userId: string;
    callbackId: string;
    privateMetadata?: string;
    values: Record<string, Record<string, unknown>>;
    viewId?: string;
  }): Promise<SlackReply> {
    const view = this.viewObject({
      id: options.viewId ?? `V${newId().toUpperCase()}`,
      type: "modal",
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? "",
      state: { values: options.values },
    });
    return this.sendPayload({
      type: "view_submission",
      ...this.common(options.userId),
      trigger_id: triggerId(),
      view,
      response_urls: [],
    });
  }

  async messageShortcut(options: {
    userId: string;
    callbackId: string;
    channelId: string;
    message: { ts: string; text: string; user?: string };
  }): Promise<SlackReply & { responseId: string }> {
    const responseId = newId();
    const payload = {
      type: "message_action",
      ...this.common(options.userId),
      callback_id: options.callbackId,
      trigger_id: triggerId(),
      action_ts: this.nextTs(),
      message_ts: options.message.ts,
      channel: { id: options.channelId, name: "general" },
      message: { type: "message", ...options.message },
      response_url: this.options.responseUrl(responseId),
    };
    return { ...(await this.sendPayload(payload)), responseId };
  }

  /** An external select asking for its options as someone types; `view` is the modal with its state. */
  blockSuggestion(options: {
    userId: string;
    actionId: string;
    value: string;
    view?: Record<string, unknown>;
  }): Promise<SlackReply> {
    const view = this.viewObject({ type: "modal", state: { values: {} }, ...options.view });
    return this.sendPayload({
      type: "block_suggestion",
      ...this.common(options.userId),
      container: { type: "view", view_id: view.id },
      action_id: options.actionId,
      block_id: options.actionId,
      value: options.value,
      view,
    });
  }

  globalShortcut(options: { userId: string; callbackId: string }): Promise<SlackReply> {
    return this.sendPayload({
      type: "shortcut",
      ...this.common(options.userId),
      callback_id: options.callbackId,
      trigger_id: triggerId(),
      action_ts: this.nextTs(),
    });
  }

  /** An Events API delivery; pass `X-Slack-Retry-Num` in `options.headers` to simulate a redelivery. */
  event(event: Record<string, unknown>, options: Pick<SendOptions, "headers"> = {}): Promise<SlackReply> {
    const eventTs = this.nextTs();
    const envelope = {
      token: verificationToken,
      team_id: this.teamId,
      api_app_id: this.apiAppId,
      event: { event_ts: eventTs, ...event },
      type: "event_callback",
      event_id: `Ev${newId().toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.teamId,
          user_id: this.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${newId()}`,
    };
    if (this.options.deliver) return this.options.deliver("events_api", envelope);
    return this.send(JSON.stringify(envelope), { contentType: "application/json", ...options });
  }

  /** Sends a raw body; the signature is computed from `secret` (default: the app's) unless `signature` is given. */
  async send(rawBody: string, options: SendOptions = {}): Promise<SlackReply> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature =
      options.signature ?? signSlackRequest(options.secret ?? this.options.signingSecret, timestamp, rawBody);
    const response = await fetch(this.options.url, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? form,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature,
        "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        ...options.headers,
      },
      body: rawBody,
    });
    const body = await response.text();
    return { status: response.status, body, json: parseJson(body) };
  }

  private sendPayload(payload: Record<string, unknown>): Promise<SlackReply> {
    if (this.options.deliver) return this.options.deliver("interactive", payload);
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  private common(userId: string): Record<string, unknown> {
    return {
      token: verificationToken,
      api_app_id: this.apiAppId,
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: this.teamId },
      team: { id: this.teamId, domain: "fake-team" },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private viewObject(view: Record<string, unknown>): Record<string, unknown> {
    return {
      team_id: this.teamId,
      app_id: this.apiAppId,
      bot_id: "B0FAKEBOT1",
      blocks: [],
      private_metadata: "",
      callback_id: "",
      external_id: "",
      title: { type: "plain_text", text: "Modal", emoji: true },
      hash: `${Math.floor(Date.now() / 1000)}.${newId()}`,
      previous_view_id: null,
      root_view_id: view.id,
      clear_on_close: false,
      notify_on_close: false,
      ...view,
    };
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }
}

function newId(): string {
  return randomBytes(6).toString("hex");
}

function triggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString("hex")}`;
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
