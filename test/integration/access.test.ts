// Who the bot answers: the team. Guests, people from other organisations and full members not on the
// team are refused privately, on every surface, with nothing stored but an audit row; a viewer reads and
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { clickAs, type Message, playClicks, slashAs, textOf } from "../helpers/card-clicks.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const refused = [
  {
    who: "a single-channel guest",
    user: { id: "UGUEST0001", isUltraRestricted: true },
    says: /Guests of this workspace/,
  },
  {
    who: "a multi-channel guest",
    user: { id: "UGUEST0002", isRestricted: true },
    says: /Guests of this workspace/,
  },
  {
    who: "an external Slack Connect user",
    user: { id: "UEXTERN01", teamId: "TOTHERORG" },
    says: /other organisations/,
  },
  {
    who: "a full member not on the team",
    user: { id: "UNOTTEAM1" },
    says: /answers the team only. Ask <@UADMIN001> to add you \(`csm users add UNOTTEAM1`\)/,
  },
];

describe(`team-only access on ${testEngine}`, () => {
  let running: RunningApp;
  let card: Message;
  let playId: string;
  let accountId: string;

  beforeAll(async () => {
    running = await startRunningApp();
    const prisma = running.db.prisma;
    await aUser(prisma, { slackUserId: "UADMIN001", name: "Ada Admin", role: "admin" });
    await aUser(prisma, { slackUserId: "UVIEWER01", name: "Vic Viewer", role: "viewer" });
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    const account = await anAccount(prisma, {
      name: "Acme Corporation",
      ownerId: maria.id,
      arr: "120000.50",
    });
    accountId = account.id;
    playId = (await aPlay(prisma, account.id, { ownerId: maria.id, reason: "Sponsor went dark" })).id;
    for (const { user } of refused) running.slack.addUser(user);
    card = await slashAs(running, "/account", "Acme Corporation", "UMARIA001");
  });
  afterAll(async () => running?.stop());

  const refusalsOf = (slackUserId: string) =>
    running.db.prisma.auditLog.findMany({ where: { action: "access.refused", entityId: slackUserId } });

  describe.each(refused)("$who", ({ user, says }) => {
    it("is refused /account and /plays privately, and nothing of them is stored but the audit rows", async () => {
      for (const command of ["/account", "/plays"]) {
        const reply = await slashAs(running, command, "Acme Corporation", user.id);
        expectWithinSlackLimits(reply, "message");
        expect(reply.response_type).toBe("ephemeral");
        expect(reply.text).toMatch(says);
        expect(textOf(reply)).not.toMatch(/Acme|120,000|Sponsor went dark/);
      }
      expect(await running.db.prisma.user.count({ where: { slackUserId: user.id } })).toBe(0);
      expect((await refusalsOf(user.id)).map((row) => (row.changes as { request: string }).request)).toEqual([
        "/account",
        "/plays",
      ]);
    });

    it("gets an App Home that says why, and nothing of the book", async () => {
      await running.requests.event({ type: "app_home_opened", user: user.id, tab: "home" });
      const published = await running.slack.waitFor("views.publish", (call) => call.args.user_id === user.id);
      const view = JSON.stringify(published.args.view);
      expect(view).toMatch(says);
      expect(view).not.toContain("Your book");
    });

    it("changes nothing with any play button, and is told why privately", async () => {
      const clicks = playClicks(card, user.id);
      for (const action of [clicks.claim, clicks.snooze, clicks.reassign, clicks.close]) {
        const answer = await clickAs(running, user.id, action);
        expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
        expect(answer.text).toMatch(says);
      }
      expect(await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } })).toMatchObject({
        status: "open",
        claimedById: null,
      });
      expect(running.slack.callsTo("views.open").filter((call) => call.args.trigger_id)).toEqual([]);
    });

    it("changes nothing from a digest's play button or a renewal reminder's commit button in a channel", async () => {
      const digestClaim = { actionId: "play_claim_0", value: JSON.stringify({ p: playId, s: "digest" }) };
      const commit = { actionId: "renewal_commit_committed", value: accountId };
      for (const action of [digestClaim, commit]) {
        const answer = await clickAs(running, user.id, {
          ...action,
          message: { text: "shared", blocks: [] },
        });
        expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
        expect(answer.text).toMatch(says);
      }
      expect(await running.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({
        renewalCommit: null,
      });
    });
  });

  describe("a viewer", () => {
    it("reads /account, /plays and the App Home", async () => {
      expect(textOf(await slashAs(running, "/account", "Acme Corporation", "UVIEWER01"))).toContain(
        "Sponsor went dark",
      );
      expect((await slashAs(running, "/plays", "", "UVIEWER01")).text).not.toMatch(
        /viewer|Something went wrong/,
      );
      await running.requests.event({ type: "app_home_opened", user: "UVIEWER01", tab: "home" });
      const home = await running.slack.waitFor("views.publish", (call) => call.args.user_id === "UVIEWER01");
      expect(JSON.stringify(home.args.view)).toContain("Your book");
    });

    it("changes nothing with any play button, and each refusal is audited", async () => {
      const clicks = playClicks(card, "UVIEWER01");
      for (const action of [clicks.claim, clicks.snooze, clicks.reassign, clicks.close]) {
        const answer = await clickAs(running, "UVIEWER01", action);
        expect(answer.text).toMatch(/your role is viewer/);
      }
      expect(await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } })).toMatchObject({
        status: "open",
        claimedById: null,
        ownerId: expect.any(String),
      });
      expect(await refusalsOf("UVIEWER01")).toHaveLength(4);
      expect(await refusalsOf("UVIEWER01")).toMatchObject([{ changes: { reason: "viewer" } }, {}, {}, {}]);
    });
  });

  it("a team member Slack has since made a guest is refused too", async () => {
    await aUser(running.db.prisma, { slackUserId: "UDEMOTED1", name: "Dee Moted" });
    running.slack.addUser({ id: "UDEMOTED1", isRestricted: true });
    expect((await slashAs(running, "/account", "Acme", "UDEMOTED1")).text).toMatch(
      /Guests of this workspace/,
    );
  });
});

describe(`ACCESS=workspace on ${testEngine}`, () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp({ env: { ACCESS: "workspace" } });
    const maria = await aUser(running.db.prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    await anAccount(running.db.prisma, { name: "Acme Corporation", ownerId: maria.id });
    running.slack.addUser({ id: "UANYONE01", realName: "Any One" });
    running.slack.addUser({ id: "UGUEST0001", isUltraRestricted: true });
  });
  afterAll(async () => running?.stop());

  it("answers every full member, who joins the team as a CSM", async () => {
    expect(textOf(await slashAs(running, "/account", "Acme Corporation", "UANYONE01"))).toContain(
      "<@UMARIA001>",
    );
    expect(await running.db.prisma.user.findUnique({ where: { slackUserId: "UANYONE01" } })).toMatchObject({
      role: "csm",
      name: "Any One",
    });
  });

  it("still refuses guests", async () => {
    expect((await slashAs(running, "/account", "Acme", "UGUEST0001")).text).toMatch(
      /Guests of this workspace/,
    );
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UGUEST0001" } })).toBe(0);
  });
});
