import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { SlackRequests, signSlackRequest } from "../helpers/slack-requests.ts";

const quickRetries = { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 10 };

describe("the fake Slack Web API, driven by the real WebClient", () => {
  let fake: FakeSlack;
  let client: WebClient;

  beforeAll(async () => {
    fake = await FakeSlack.start({ teamId: "T0ACME", botUserId: "U0BOT" });
    client = new WebClient("xoxb-test", {
      slackApiUrl: fake.apiUrl,
      retryConfig: quickRetries,
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    fake.reset();
    fake.addUser({
      id: "UMARIA001",
      name: "maria",
      realName: "Maria Lopez",
      email: "Maria@Example.com",
      tz: "Europe/Madrid",
    });
  });

  it("answers auth.test as the bot of the configured team, and records the bearer token", async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, team_id: "T0ACME", user_id: "U0BOT" });
    expect(auth.bot_id).toMatch(/^B/);
    expect(fake.callsTo("auth.test")[0]?.token).toBe("xoxb-test");
  });

  it("finds a known user by id, with name, time zone and email", async () => {
    const { user } = await client.users.info({ user: "UMARIA001" });
    expect(user).toMatchObject({
      id: "UMARIA001",
      name: "maria",
      real_name: "Maria Lopez",
      tz: "Europe/Madrid",
      deleted: false,
      is_bot: false,
      profile: { email: "Maria@Example.com", real_name: "Maria Lopez", display_name: "maria" },
    });
    expect([3600, 7200]).toContain(user?.tz_offset);
  });

  it("answers user_not_found for an unknown id, as a platform error", async () => {
    await expect(client.users.info({ user: "UNOBODY" })).rejects.toMatchObject({
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "user_not_found" },
    });
  });

  it("looks users up by email, case-insensitively, and misses with users_not_found", async () => {
    const { user } = await client.users.lookupByEmail({ email: "maria@example.com" });
    expect(user?.id).toBe("UMARIA001");
    await expect(client.users.lookupByEmail({ email: "ghost@example.com" })).rejects.toMatchObject({
      data: { error: "users_not_found" },
    });
    expect(fake.callsTo("users.lookupByEmail").map((call) => call.args.email)).toEqual([
      "maria@example.com",
      "ghost@example.com",
    ]);
  });

  it("records a posted message and its update with the blocks parsed back to objects", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Acme* is red" } }];
    const posted = await client.chat.postMessage({ channel: "C0DIGEST1", text: "Acme is red", blocks });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(posted.channel).toBe("C0DIGEST1");
    const updatedBlocks = [
      { type: "section", text: { type: "mrkdwn", text: "*Acme* claimed by <@UMARIA001>" } },
    ];
    const updated = await client.chat.update({
      channel: "C0DIGEST1",
      ts: posted.ts as string,
      text: "Claimed",
      blocks: updatedBlocks,
    });
    expect(updated).toMatchObject({ ok: true, channel: "C0DIGEST1", ts: posted.ts, text: "Claimed" });

    expect(fake.calls.map((call) => call.method)).toEqual(["chat.postMessage", "chat.update"]);
    expect(fake.callsTo("chat.postMessage")[0]?.args).toEqual({
      channel: "C0DIGEST1",
      text: "Acme is red",
      blocks,
    });
    expect((await fake.waitFor("chat.update")).args.blocks).toEqual(updatedBlocks);
  });

  it("gives every message a unique, increasing ts", async () => {
    const stamps: string[] = [];
    for (let i = 0; i < 3; i++)
      stamps.push((await client.chat.postMessage({ channel: "C1", text: `m${i}` })).ts as string);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort((a, b) => Number(a) - Number(b))).toEqual(stamps);
  });

  it("opens a DM channel for a user and posts to it", async () => {
    const opened = await client.conversations.open({ users: "UMARIA001" });
    expect(opened.channel?.id).toMatch(/^D/);
    const posted = await client.chat.postMessage({ channel: "UMARIA001", text: "Your digest" });
    expect(posted.channel).toBe(opened.channel?.id);
  });

  it("takes a file through files.uploadV2's three calls, with its bytes, name, title and conversation", async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]);
    const { channel } = await client.conversations.open({ users: "UMARIA001" });
    const uploaded = await client.filesUploadV2({
      channel_id: channel?.id as string,
      file: bytes,
      filename: "chart.png",
      title: "Your book",
      alt_text: "NRR and GRR by month",
    });
    expect(fake.calls.map((call) => call.method)).toEqual([
      "conversations.open",
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
    ]);
    expect(fake.callsTo("files.getUploadURLExternal")[0]?.args).toMatchObject({
      filename: "chart.png",
      length: String(bytes.length),
    });
    expect(fake.files.shared()).toEqual([
      {
        id: expect.stringMatching(/^F/),
        filename: "chart.png",
        length: bytes.length,
        altText: "NRR and GRR by month",
        bytes,
        title: "Your book",
        channelId: channel?.id,
        initialComment: null,
      },
    ]);
    expect(JSON.stringify(uploaded)).toContain('"mimetype":"image/png"');
  });

  it("refuses a user id as the conversation of an upload, as Slack does", async () => {
    await expect(
      client.filesUploadV2({ channel_id: "UMARIA001", file: Buffer.from("x"), filename: "a.png" }),
    ).rejects.toMatchObject({ data: { error: "invalid_arguments" } });
    expect(fake.files.shared()).toEqual([]);
  });

  it("adds Slack's own fields to an injected failure", async () => {
    fake.failNext("conversations.open", "missing_scope", { needed: "im:write", provided: "chat:write" });
    await expect(client.conversations.open({ users: "UMARIA001" })).rejects.toMatchObject({
      data: { ok: false, error: "missing_scope", needed: "im:write" },
    });
  });

  it("opens a modal with a view id and keeps that id when the modal is updated", async () => {
    const view = {
      type: "modal" as const,
      callback_id: "log_touch",
      title: { type: "plain_text" as const, text: "Working…" },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: "1.2.3", view });
    const viewId = opened.view?.id as string;
    expect(viewId).toMatch(/^V/);
    expect(opened.view).toMatchObject({ callback_id: "log_touch", title: { text: "Working…" } });
    const updated = await client.views.update({
      view_id: viewId,
      view: { ...view, title: { type: "plain_text", text: "Done" } },
    });
    expect(updated.view).toMatchObject({ id: viewId, title: { text: "Done" } });
    expect(
      (await client.views.publish({ user_id: "UMARIA001", view: { type: "home", blocks: [] } })).view?.id,
    ).toMatch(/^V/);
  });

  it("answers unknown methods with unknown_method and calls without a token with not_authed", async () => {
    const post = (method: string, headers: Record<string, string>) =>
      fetch(`${fake.apiUrl}${method}`, { method: "POST", headers, body: "channel=C1" }).then((r) => r.json());
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(await post("no.such.method", { ...form, authorization: "Bearer xoxb-test" })).toEqual({
      ok: false,
      error: "unknown_method",
    });
    expect(await post("chat.postMessage", form)).toEqual({ ok: false, error: "not_authed" });
  });

  it("opens Socket Mode connections for an app-level token only, and takes that token nowhere else", async () => {
    const post = (method: string, token: string) =>
      fetch(`${fake.apiUrl}${method}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json());
    const notAllowed = { ok: false, error: "not_allowed_token_type" };
    expect(await post("apps.connections.open", "xoxb-test")).toEqual(notAllowed);
    expect(await post("chat.postMessage", "xapp-1-A1-2-abc")).toEqual(notAllowed);
    expect(await post("apps.connections.open", "xapp-1-A1-2-abc")).toEqual({
      ok: false,
      error: "fake_socket_mode_not_started",
    });
    fake.socketModeUrl = "ws://127.0.0.1:9/link";
    expect(await post("apps.connections.open", "xapp-1-A1-2-abc")).toEqual({
      ok: true,
      url: "ws://127.0.0.1:9/link",
    });
    fake.socketModeUrl = null;
  });

  it("fails the next call on request, once", async () => {
    fake.failNext("chat.postMessage", "channel_not_found");
    await expect(client.chat.postMessage({ channel: "C404", text: "hi" })).rejects.toMatchObject({
      data: { error: "channel_not_found" },
    });
    await expect(client.chat.postMessage({ channel: "C404", text: "hi" })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("rate-limits the next call with Retry-After, which WebClient waits out and retries by itself", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const started = Date.now();
    const posted = await client.chat.postMessage({ channel: "C0DIGEST1", text: "digest" });
    expect(posted.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const calls = fake.callsTo("chat.postMessage");
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(calls[1]?.response).toMatchObject({ ok: true, ts: posted.ts });
  });

  it("waits for a call that has not happened yet, and times out with what it did see", async () => {
    const waiting = fake.waitFor("chat.postEphemeral", (call) => call.args.user === "UMARIA001");
    await client.chat.postEphemeral({ channel: "C1", user: "UMARIA001", text: "Only you" });
    expect((await waiting).response).toMatchObject({ ok: true, message_ts: expect.any(String) });
    await expect(fake.waitFor("chat.delete", undefined, 50)).rejects.toThrow(
      /no matching chat\.delete call within 50 ms\. Calls so far: chat\.postEphemeral/,
    );
  });

  it("records what the app POSTs to a response_url", async () => {
    const url = fake.responseUrl("click-1");
    const waiting = fake.waitForResponse((r) => r.id === "click-1");
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replace_original: true, text: "Acme" }),
    });
    expect((await waiting).body).toEqual({ replace_original: true, text: "Acme" });
    expect(fake.responses).toHaveLength(1);
  });
});

describe("signed requests to the app, as Slack sends them", () => {
  it("signs with Slack's v0 HMAC-SHA256 scheme (the worked example in Slack's request-signing guide)", () => {
    const body = [
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V",
      "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=",
      "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN",
      "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    ].join("");
    expect(signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, body)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    );
  });

  describe("against a recording server", () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let server: ReturnType<typeof createServer>;
    let requests: SlackRequests;

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk) => {
          body += chunk;
        });
        req.on("end", () => {
          received.push({ headers: req.headers, body });
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ response_type: "ephemeral", text: "ok" }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      requests = new SlackRequests({
        url: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: "s3cret",
        teamId: "T0ACME",
        responseUrl: (id) => `http://127.0.0.1:9/response/${id}`,
      });
    });
    afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      received.length = 0;
    });

    const last = () => received[received.length - 1] as { headers: IncomingHttpHeaders; body: string };

    it("sends a slash command form-encoded and signed over the exact body", async () => {
      const reply = await requests.command("/account", "acme corp", { userId: "UMARIA001" });
      expect(reply).toMatchObject({ status: 200, json: { response_type: "ephemeral", text: "ok" } });
      const { headers, body } = last();
      const timestamp = Number(headers["x-slack-request-timestamp"]);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
      expect(headers["x-slack-signature"]).toBe(signSlackRequest("s3cret", timestamp, body));
      expect(headers["content-type"]).toBe("application/x-www-form-urlencoded");
      const form = Object.fromEntries(new URLSearchParams(body));
      expect(form).toMatchObject({
        command: "/account",
        text: "acme corp",
        user_id: "UMARIA001",
        team_id: "T0ACME",
        response_url: `http://127.0.0.1:9/response/${reply.responseId}`,
      });
      expect(form.trigger_id).toBeTruthy();
    });

    it("gives every request its own response id", async () => {
      const first = await requests.command("/account", "a", { userId: "U1" });
      const second = await requests.blockAction({ userId: "U1", actionId: "account_share", value: "acc_1" });
      expect(first.responseId).not.toBe(second.responseId);
    });

    it("sends a button click as a block_actions payload with a response_url", async () => {
      const click = await requests.blockAction({
        userId: "UMARIA001",
        actionId: "account_share",
        value: "acc_1",
      });
      const payload = JSON.parse(new URLSearchParams(last().body).get("payload") as string);
      expect(payload).toMatchObject({
        type: "block_actions",
        user: { id: "UMARIA001", team_id: "T0ACME" },
        team: { id: "T0ACME" },
        container: { type: "message", is_ephemeral: true },
        response_url: `http://127.0.0.1:9/response/${click.responseId}`,
        actions: [{ action_id: "account_share", value: "acc_1", type: "button" }],
      });
    });

    it("sends a select choice from a modal without a response_url", async () => {
      await requests.blockAction({
        userId: "UMARIA001",
        actionId: "pick_stage",
        selectedOption: "renewal",
        view: { id: "V123", callback_id: "log_touch" },
      });
      const payload = JSON.parse(new URLSearchParams(last().body).get("payload") as string);
      expect(payload.response_url).toBeUndefined();
      expect(payload).toMatchObject({
        container: { type: "view", view_id: "V123" },
        view: { id: "V123", type: "modal", callback_id: "log_touch" },
        actions: [{ type: "static_select", selected_option: { value: "renewal" } }],
      });
    });

    it("sends a view submission with the state values", async () => {
      const values = { summary: { text: { type: "plain_text_input", value: "QBR went well" } } };
      await requests.viewSubmission({
        userId: "UMARIA001",
        callbackId: "log_touch",
        privateMetadata: "acc_1",
        values,
      });
      const payload = JSON.parse(new URLSearchParams(last().body).get("payload") as string);
      expect(payload).toMatchObject({
        type: "view_submission",
        view: { type: "modal", callback_id: "log_touch", private_metadata: "acc_1", state: { values } },
      });
    });

    it("sends events as a JSON event_callback envelope", async () => {
      await requests.event({ type: "app_home_opened", user: "UMARIA001", tab: "home" });
      const { headers, body } = last();
      expect(headers["content-type"]).toBe("application/json");
      expect(JSON.parse(body)).toMatchObject({
        type: "event_callback",
        team_id: "T0ACME",
        event: { type: "app_home_opened", user: "UMARIA001" },
      });
    });

    it("can sign with another secret, an old timestamp or a forged signature", async () => {
      await requests.send("a=1", { secret: "other", timestamp: 1_000 });
      expect(last().headers["x-slack-signature"]).toBe(signSlackRequest("other", 1_000, "a=1"));
      expect(last().headers["x-slack-request-timestamp"]).toBe("1000");
      await requests.send("a=1", { signature: "v0=deadbeef" });
      expect(last().headers["x-slack-signature"]).toBe("v0=deadbeef");
    });
  });
});
