import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountCardRecord } from "../../src/db/repositories/account-card.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { aHealthScore, anAccount, aPlay, aStakeholder, aTouch, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

type Reply = { response_type?: string; text?: string; blocks?: { type: string; [key: string]: unknown }[] };

const parse = (body: string): Reply => JSON.parse(body) as Reply;
const allText = (reply: Reply): string => JSON.stringify(reply.blocks ?? []) + (reply.text ?? "");

function actionIds(reply: Reply): string[] {
  const ids: string[] = [];
  for (const block of reply.blocks ?? []) {
    const accessory = block.accessory as { action_id?: string } | undefined;
    if (accessory?.action_id) ids.push(accessory.action_id);
    for (const element of (block.elements as { action_id?: string }[] | undefined) ?? []) {
      if (element.action_id) ids.push(element.action_id);
    }
  }
  return ids;
}

function buttonValue(reply: Reply, actionId: string): string {
  for (const block of reply.blocks ?? []) {
    const candidates = [block.accessory, ...((block.elements as unknown[]) ?? [])] as {
      action_id?: string;
      value?: string;
    }[];
    const hit = candidates.find((element) => element?.action_id === actionId);
    if (hit?.value) return hit.value;
  }
  throw new Error(`no button ${actionId}`);
}

describe("/account", () => {
  let running: RunningApp;
  let acmeId: string;

  beforeAll(async () => {
    running = await startRunningApp({ now: new Date("2026-11-23T09:00:00Z") });
    const prisma = running.db.prisma;
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    // On the team, added by an admin before their first use: Slack fills in who they are.
    await aUser(prisma, { slackUserId: "UCALLER01", name: null, email: null, timeZone: null });
    const acme = await anAccount(prisma, {
      name: "Acme Corporation",
      externalId: "0015g00000ACME",
      ownerId: maria.id,
      arr: "120000.50",
      segment: "enterprise",
      contractStart: new Date("2026-01-10T00:00:00Z"),
      renewalDate: new Date("2027-01-10T00:00:00Z"),
    });
    acmeId = acme.id;
    await anAccount(prisma, { name: "Zürich Précision AG", ownerId: maria.id });
    await anAccount(prisma, { name: "Acme Logistics", ownerId: maria.id, arr: "20000.00" });
    await anAccount(prisma, { name: "Globex Industries", ownerId: maria.id });
    await aStakeholder(prisma, acme.id, { name: "Dana Whitfield", role: "economic_buyer" });
    await aStakeholder(prisma, acme.id, { name: "Sam Ortiz", role: "executive_sponsor" });
    for (let day = 1; day <= 8; day++) {
      await aTouch(prisma, acme.id, {
        authorId: maria.id,
        occurredAt: new Date(Date.UTC(2026, 10, day, 10)),
        summary: `Touch number ${day}`,
      });
    }
    await aPlay(prisma, acme.id, {
      kind: "second_sponsor",
      reason: "Only one executive sponsor",
      ownerId: maria.id,
    });
    // A month of decline, and one score from long before that the sparkline leaves out.
    const history: [string, number][] = [
      ["2026-09-01", 90],
      ["2026-10-24", 64],
      ["2026-11-09", 58],
      ["2026-11-16", 46],
      ["2026-11-19", 40],
    ];
    for (const [day, score] of history)
      await aHealthScore(prisma, acme.id, { date: new Date(`${day}T00:00:00Z`), score, band: "yellow" });
    await aHealthScore(prisma, acme.id, { score: 34, band: "red", reasons: ["sponsor dark for 52 days"] });
  });
  afterAll(async () => running?.stop());
  beforeEach(() => {
    running.slack.reset();
    running.slack.addUser({
      id: "UCALLER01",
      name: "caller",
      realName: "Chris Caller",
      tz: "America/New_York",
    });
  });

  it("reads who wrote each touch and who owns and claimed each play, by Slack id", async () => {
    const record = await accountCardRecord(running.db.client, acmeId);
    expect(record?.touches.map((touch) => touch.authorSlackId)).toEqual(Array(6).fill("UMARIA001"));
    expect(record?.plays).toMatchObject([{ ownerSlackId: "UMARIA001", claimedBySlackId: null }]);
  });

  it("answers an exact name with the call-prep card, privately, inside the acknowledgement", async () => {
    const reply = await running.requests.command("/account", "Acme Corporation", { userId: "UCALLER01" });
    expect(reply.status).toBe(200);
    const card = parse(reply.body);
    expect(card.response_type).toBe("ephemeral");
    expectWithinSlackLimits(card, "message");
    const text = allText(card);
    expect(text).toContain("Acme Corporation");
    expect(text).toContain("<@UMARIA001>");
    expect(text).toMatch(/\$120,000\.50|\$120K/);
    expect(text).toContain("2027-01-10");
    expect(text).toContain("Dana Whitfield");
    expect(text).toContain("Sam Ortiz");
    expect(text).toContain("Touch number 8");
    expect(text).toContain("Touch number 3");
    expect(text).not.toContain("Touch number 2");
    expect(text).toContain("Only one executive sponsor");
    expect(text).toContain("🔴 34 ▆▅▄▄▃ · −12 vs 7 days ago · −30 vs 30 days ago · as of 2026-11-22");
    expect(text).toContain("sponsor dark for 52 days");
    expect(actionIds(card)).toContain("account_share");
  });

  it("finds by CRM id, case and accents ignored, and tolerates typos", async () => {
    for (const query of ["0015g00000acme", "ACME corporation", "acme corp", "Acme Corportion"]) {
      const card = parse((await running.requests.command("/account", query, { userId: "UCALLER01" })).body);
      expect(allText(card), query).toContain("Acme Corporation");
    }
    const zurich = parse(
      (await running.requests.command("/account", "zurich", { userId: "UCALLER01" })).body,
    );
    expect(allText(zurich)).toContain("Zürich Précision AG");
  });

  it("offers a ranked pick-list when several accounts match, best match first", async () => {
    const list = parse((await running.requests.command("/account", "acm", { userId: "UCALLER01" })).body);
    expectWithinSlackLimits(list, "message");
    const text = allText(list);
    expect(text).toContain("Acme Corporation");
    expect(text).toContain("Acme Logistics");
    expect(text).not.toContain("Globex");
    expect(text.indexOf("Acme Corporation")).toBeLessThan(text.indexOf("Acme Logistics"));
    const ids = actionIds(list);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("corrects a misspelt word and says so above the pick-list", async () => {
    const list = parse((await running.requests.command("/account", "acmee", { userId: "UCALLER01" })).body);
    expectWithinSlackLimits(list, "message");
    const text = allText(list);
    expect(text).toContain("Includes names with “acme”: some words you typed look misspelt.");
    expect(text.indexOf("Acme Corporation")).toBeLessThan(text.indexOf("Acme Logistics"));
  });

  it("opens the chosen account from the pick-list in place", async () => {
    const list = parse((await running.requests.command("/account", "acme", { userId: "UCALLER01" })).body);
    const openId = actionIds(list).find((id) => id.startsWith("account_open_")) as string;
    const click = await running.requests.blockAction({
      userId: "UCALLER01",
      actionId: openId,
      value: buttonValue(list, openId),
    });
    expect(click.status).toBe(200);
    const response = await running.slack.waitForResponse((r) => r.id === click.responseId);
    expect(response.body.replace_original).toBe(true);
    expectWithinSlackLimits(response.body, "message");
    expect(allText(response.body as Reply)).toContain("Touch number 8");
  });

  it("previews the card as it would be shared, marked with who shares it, before posting anything", async () => {
    const click = await running.requests.blockAction({
      userId: "UCALLER01",
      actionId: "account_share",
      value: acmeId,
    });
    const response = await running.slack.waitForResponse((r) => r.id === click.responseId);
    expect(response.body.response_type).toBe("ephemeral");
    expectWithinSlackLimits(response.body, "message");
    expect(allText(response.body as Reply)).toContain("Shared by <@UCALLER01>");
    expect(actionIds(response.body as Reply)).not.toContain("account_share");
    expect(actionIds(response.body as Reply)).toContain("account_share_confirm");
  });

  it("replies with the closest names when nothing matches", async () => {
    const reply = parse(
      (await running.requests.command("/account", "Globx Industires", { userId: "UCALLER01" })).body,
    );
    expect(allText(reply)).toContain("Globex Industries");
    const none = parse(
      (await running.requests.command("/account", "qqqqzzzz", { userId: "UCALLER01" })).body,
    );
    expect(none.text).toMatch(/no account/i);
  });

  it("explains empty, overlong and mention queries without an error trace", async () => {
    for (const query of ["", "x".repeat(500), "<@U012AB3CD>", "<!channel>", "*_~"]) {
      const reply = await running.requests.command("/account", query, { userId: "UCALLER01" });
      expect(reply.status).toBe(200);
      const body = parse(reply.body);
      expectWithinSlackLimits(body, "message");
      expect(body.response_type).toBe("ephemeral");
      expect(allText(body)).toMatch(/\/account/);
      expect(allText(body)).not.toMatch(/Error|stack|at \w+ \(/);
    }
    expect(running.logLines.filter((line) => line.includes("ERROR"))).toEqual([]);
  });

  it("says a search with a NUL or another control character holds one, instead of going wrong", async () => {
    for (const query of ["Ac\u0000me", "Acme\u0007"]) {
      const reply = await running.requests.command("/account", query, { userId: "UCALLER01" });
      expect(reply.status).toBe(200);
      const body = parse(reply.body);
      expectWithinSlackLimits(body, "message");
      expect(body.text).toMatch(/invisible control character/);
      expect(allText(body)).not.toMatch(/Something went wrong/);
    }
    expect(running.logLines.filter((line) => line.includes("ERROR"))).toEqual([]);
  });

  it("fills in a team member's name and time zone from users.info on their first use", async () => {
    await running.requests.command("/account", "acme corporation", { userId: "UCALLER01" });
    const caller = await running.db.prisma.user.findUnique({ where: { slackUserId: "UCALLER01" } });
    expect(caller).toMatchObject({ role: "csm", name: "Chris Caller", timeZone: "America/New_York" });
  });

  it("renders a markdown-looking account name harmlessly", async () => {
    await anAccount(running.db.prisma, { name: "<!channel> *Evil* Corp" });
    const card = parse(
      (await running.requests.command("/account", "evil corp", { userId: "UCALLER01" })).body,
    );
    // Slack only acts on <!channel> inside mrkdwn; plain_text (the header) shows it literally.
    const mrkdwnTexts = JSON.stringify(card.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
    expect(mrkdwnTexts.join("\n")).not.toContain("<!channel>");
    expect(card.text).toContain("&lt;!channel&gt; *Evil* Corp");
  });
});
