// The portfolio chart on its way to Slack: the bot's own Web API client uploads the PNG with
// files.uploadV2 into the person's direct message with the bot, against the fake Slack.
import type { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { portfolioChartPng } from "../../src/charts/portfolio-chart.ts";
import { createLogger } from "../../src/logger.ts";
import { sendPortfolioChart } from "../../src/slack/surfaces/portfolio-chart.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { webClientOn } from "../helpers/notifier.ts";

const botToken = "xoxb-chart-test-token";
const ana = "UANA00001";
const anasDirectMessage = "DANA00001";
const title = "Ana's book: NRR, GRR and ARR by band";

describe("the portfolio chart, uploaded to Slack", () => {
  let slack: FakeSlack;
  let client: WebClient;
  let png: Buffer;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({ id: ana, realName: "Ana Alvarez" });
    client = webClientOn(
      slack,
      botToken,
      createLogger({ level: "error", secrets: [botToken], write: () => {} }),
    );
    png = portfolioChartPng({
      title,
      trend: [
        { to: "2026-10-31", nrr: 101.2, grr: 93.4 },
        { to: "2026-11-30", nrr: null, grr: null },
        { to: "2026-12-07", nrr: 103.7, grr: 92 },
      ],
      arrByBand: [
        { band: "green", arr: 188_000 },
        { band: "red", arr: 50_000.5 },
      ],
    });
  });
  afterAll(async () => slack?.close());
  beforeEach(() => slack.reset());

  it("arrives as a PNG in the person's direct message with the bot", async () => {
    const sent = await sendPortfolioChart(client, { userSlackId: ana }, png, title);
    expect(sent).toEqual({ ok: true, channelId: anasDirectMessage });
    expect(slack.callsTo("conversations.open")[0]?.args).toMatchObject({ users: ana });
    const [file, ...others] = slack.files.shared();
    expect(others).toEqual([]);
    expect(file).toMatchObject({ channelId: anasDirectMessage, filename: "portfolio-chart.png", title });
    expect(file?.bytes?.equals(png)).toBe(true);
    expect(file?.bytes?.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(slack.callsTo("files.getUploadURLExternal")[0]?.token).toBe(botToken);
  });

  it("goes to the direct message even when asked for in a channel, where others would see the figures", async () => {
    const fromChannel = await sendPortfolioChart(
      client,
      { userSlackId: ana, channelId: "C0SALES01" },
      png,
      title,
    );
    expect(fromChannel).toEqual({ ok: true, channelId: anasDirectMessage });
    const fromDirectMessage = await sendPortfolioChart(
      client,
      { userSlackId: ana, channelId: anasDirectMessage },
      png,
      title,
    );
    expect(fromDirectMessage).toEqual({ ok: true, channelId: anasDirectMessage });
    expect(slack.files.shared().map((file) => file.channelId)).toEqual([
      anasDirectMessage,
      anasDirectMessage,
    ]);
  });

  it("comes back with a message naming the permission an admin must add, when a scope is missing", async () => {
    slack.failNext("files.getUploadURLExternal", "missing_scope", {
      needed: "files:write",
      provided: "chat:write,commands",
    });
    expect(await sendPortfolioChart(client, { userSlackId: ana }, png, title)).toEqual({
      ok: false,
      message:
        "I could not send you the chart: the app lacks the Slack permission files:write. An admin can add it by reinstalling the app from its manifest.",
    });
    slack.failNext("conversations.open", "missing_scope", { needed: "im:write" });
    const noDirectMessage = await sendPortfolioChart(client, { userSlackId: ana }, png, title);
    expect(noDirectMessage).toMatchObject({
      ok: false,
      message: expect.stringContaining("permission im:write"),
    });
    expect(slack.files.shared()).toEqual([]);
  });

  it("comes back with a message when Slack will not share the file in the direct message", async () => {
    slack.failNext("files.completeUploadExternal", "not_in_channel");
    expect(await sendPortfolioChart(client, { userSlackId: ana }, png, title)).toEqual({
      ok: false,
      message:
        "I could not send you the chart: Slack would not let me post in our direct message (not_in_channel).",
    });
    slack.failNext("files.getUploadURLExternal", "file_uploads_disabled");
    expect(await sendPortfolioChart(client, { userSlackId: ana }, png, title)).toMatchObject({
      ok: false,
      message: expect.stringContaining("does not let the bot upload files"),
    });
    expect(slack.files.shared()).toEqual([]);
  });
});
