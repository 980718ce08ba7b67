// users.info is asked once per person for a few minutes, then again: a person made a guest or
// deactivated loses access within that time.
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standingTtlMs, webAccessPolicy } from "../../src/slack/web/access-policy.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { botToken } from "../helpers/running-app.ts";

describe("the access policy's view of Slack", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await FakeSlack.start();
  });
  afterAll(async () => slack?.close());

  it("keeps users.info's answer briefly, then asks again and sees the change", async () => {
    let now = 1_000_000;
    const policy = webAccessPolicy(new WebClient(botToken, { slackApiUrl: slack.apiUrl }), "team", () => now);
    slack.addUser({ id: "UPAT00001", realName: "Pat" });

    expect((await policy.profile("UPAT00001"))?.standing?.isRestricted).toBe(false);
    slack.addUser({ id: "UPAT00001", realName: "Pat", isRestricted: true });
    now += standingTtlMs - 1;
    expect((await policy.profile("UPAT00001"))?.standing?.isRestricted).toBe(false);
    now += 1;
    expect((await policy.profile("UPAT00001"))?.standing).toMatchObject({
      isRestricted: true,
      teamId: "T0001",
    });
    expect(slack.callsTo("users.info")).toHaveLength(2);
  });

  it("asks auth.test for the workspace once", async () => {
    const policy = webAccessPolicy(new WebClient(botToken, { slackApiUrl: slack.apiUrl }), "team");
    expect(await policy.home()).toEqual({ teamId: "T0001", enterpriseId: null });
    await policy.home();
    expect(slack.callsTo("auth.test")).toHaveLength(1);
  });
});
