import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

describe(`a person whose Slack id changed, on ${testEngine}`, () => {
  let running: RunningApp;
  let patId: string;
  beforeAll(async () => {
    running = await startRunningApp();
    const prisma = running.db.prisma;
    // Named by email in a CRM export, or on the team before being re-invited to the workspace.
    const pat = await aUser(prisma, { slackUserId: "UPATOLD01", name: "Pat Old", email: "pat@example.com" });
    patId = pat.id;
    const account = await anAccount(prisma, { name: "Initech", ownerId: pat.id });
    await aPlay(prisma, account.id, { ownerId: pat.id, reason: "Sponsor went dark" });
    running.slack.addUser({ id: "UPATNEW01", realName: "Pat New", email: "pat@example.com" });
  });
  afterAll(async () => running?.stop());

  it("is the same team member: /plays lists their plays, and the new Slack id is stored and audited", async () => {
    const reply = await running.requests.command("/plays", "", { userId: "UPATNEW01" });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toContain("Something went wrong");
    expect(reply.body).toContain("Sponsor went dark");

    const prisma = running.db.prisma;
    expect(
      await prisma.user.findMany({ where: { email: { equals: "pat@example.com", mode: "insensitive" } } }),
    ).toMatchObject([{ id: patId, slackUserId: "UPATNEW01", name: "Pat New" }]);
    expect(await prisma.auditLog.findMany({ where: { entityId: patId } })).toMatchObject([
      { action: "user.slack_id", entityType: "User", changes: { slackUserId: ["UPATOLD01", "UPATNEW01"] } },
    ]);
  });

  it("answers /account from the new id too", async () => {
    const reply = await running.requests.command("/account", "Initech", { userId: "UPATNEW01" });
    expect(reply.body).toContain("Initech");
    expect(reply.body).toContain("<@UPATNEW01>");
  });
});
