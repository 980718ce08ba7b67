// A renewal reminder's buttons, clicked in Slack: recording the commit status (for the people who may),
// logging a touch and opening the account, each answered to the clicker alone, the shared reminder left
// as it was sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/generated/prisma/client.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

type Message = { response_type?: string; replace_original?: boolean; text?: string; blocks?: unknown[] };

describe("a renewal reminder's buttons", () => {
  let running: RunningApp;
  let owner: User;
  let manager: User;
  let colleague: User;
  let admin: User;
  let accountId: string;
  const prisma = () => running.db.prisma;

  beforeAll(async () => {
    running = await startRunningApp({ now: new Date("2026-11-02T09:00:00Z") });
    manager = await aUser(prisma(), { name: "Ines Manager", role: "manager" });
    owner = await aUser(prisma(), { name: "Maria Lopez", managerId: manager.id });
    colleague = await aUser(prisma(), { name: "Tom Colleague" });
    admin = await aUser(prisma(), { name: "Ada Admin", role: "admin" });
    accountId = (await anAccount(prisma(), { name: "Acme Corporation", ownerId: owner.id })).id;
  });
  afterAll(async () => running?.stop());

  async function click(user: User, actionId: string): Promise<Message> {
    const sent = await running.requests.blockAction({
      userId: user.slackUserId,
      actionId,
      value: accountId,
      channelId: "C0RENEW01",
    });
    expect(sent.status).toBe(200);
    const response = await running.slack.waitForResponse((r) => r.id === sent.responseId);
    const message = response.body as Message;
    expectWithinSlackLimits(message, "message");
    return message;
  }

  it("the owner records the commit: written with its audit row, told privately, the reminder untouched", async () => {
    const reply = await click(owner, "renewal_commit_committed");
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(reply.text).toContain("Acme Corporation");
    expect(reply.text).toContain("committed");
    const account = await prisma().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({
      renewalCommit: "committed",
      renewalCommitAt: new Date("2026-11-02T09:00:00Z"),
    });
    const audit = await prisma().auditLog.findFirstOrThrow({
      where: { entityId: accountId, action: "account.renewal_commit" },
    });
    expect(audit).toMatchObject({ actorId: owner.id, changes: { renewalCommit: [null, "committed"] } });
  });

  it("the owner's manager and an admin may record it too", async () => {
    await click(manager, "renewal_commit_at_risk");
    expect((await prisma().account.findUniqueOrThrow({ where: { id: accountId } })).renewalCommit).toBe(
      "at_risk",
    );
    await click(admin, "renewal_commit_unknown");
    expect((await prisma().account.findUniqueOrThrow({ where: { id: accountId } })).renewalCommit).toBe(
      "unknown",
    );
  });

  it("anyone else is told privately who may, and nothing changes", async () => {
    const reply = await click(colleague, "renewal_commit_committed");
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(reply.text).toBe(
      `Only Maria Lopez (<@${owner.slackUserId}>), their manager or an admin can record this renewal's commit status.`,
    );
    expect((await prisma().account.findUniqueOrThrow({ where: { id: accountId } })).renewalCommit).toBe(
      "unknown",
    );
  });

  it("Open the account answers the clicker with the account card, as a new private message", async () => {
    const reply = await click(colleague, "renewal_account_open");
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(reply.blocks)).toContain("Acme Corporation");
  });

  it("Log a touch opens the touch modal on the reminder's account for the owner, and tells anyone else privately who may", async () => {
    running.slack.reset();
    await running.requests.blockAction({
      userId: owner.slackUserId,
      actionId: "touch_open",
      value: accountId,
      channelId: "C0RENEW01",
    });
    const call = await running.slack.waitFor("views.open");
    const view = call.args.view as { callback_id?: string; blocks?: unknown[] };
    expectWithinSlackLimits(view, "modal");
    expect(view.callback_id).toBe("touch_log");
    expect(JSON.stringify(view.blocks)).toContain(`"value":"${accountId}"`);

    running.slack.reset();
    const reply = await click(colleague, "touch_open");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(
      /^Only Maria Lopez, their manager or an admin can log touches on this account/,
    );
    expect(running.slack.callsTo("views.open")).toHaveLength(0);
  });
});
