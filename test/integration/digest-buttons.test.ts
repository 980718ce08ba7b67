// The buttons of a digest posted in a channel two CSMs share: whoever may act acts, and is answered
// privately; whoever may not is refused privately, with the reason; the shared message stays as sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { runDigests } from "../../src/services/digest-run.ts";
import { renderDigest } from "../../src/slack/surfaces/digest.ts";
import { testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { notifierOn } from "../helpers/notifier.ts";
import { botToken, type RunningApp, startRunningApp } from "../helpers/running-app.ts";

interface Element {
  action_id?: string;
  value?: string;
}
interface Block {
  elements?: Element[];
}

describe(`a digest's buttons in a shared channel on ${testEngine}`, () => {
  let running: RunningApp;
  let digestBlocks: Block[];
  let playId: string;

  beforeAll(async () => {
    const now = new Date("2026-12-07T09:00:00Z");
    running = await startRunningApp({ now });
    const maria = await aUser(running.db.prisma, {
      slackUserId: "UMARIA001",
      name: "Maria Lopez",
      digestChannelId: "C0SHARED1",
    });
    await aUser(running.db.prisma, {
      slackUserId: "UOMAR0001",
      name: "Omar Reyes",
      digestChannelId: "C0SHARED1",
    });
    const acme = await anAccount(running.db.prisma, { name: "Acme Corporation", ownerId: maria.id });
    await aHealthScore(running.db.prisma, acme.id, { band: "red", date: new Date("2026-12-07T00:00:00Z") });
    playId = (
      await aPlay(running.db.prisma, acme.id, { kind: "save", ownerId: maria.id, reason: "Health red (34)" })
    ).id;
    const logger = createLogger({ level: "error", secrets: [botToken], write: () => {} });
    const deps = {
      db: running.db,
      notifier: notifierOn(running.slack, botToken, logger),
      directory: null,
      render: renderDigest,
    };
    await runDigests(deps, now, { explicit: true, slackUserIds: ["UMARIA001"] });
    const [post] = running.slack.callsTo("chat.postMessage");
    expect(post?.args.channel).toBe("C0SHARED1");
    digestBlocks = post?.args.blocks as Block[];
  });
  afterAll(async () => running?.stop());

  const button = (prefix: string) =>
    digestBlocks
      .flatMap((block) => block.elements ?? [])
      .find((e) => e.action_id?.startsWith(prefix)) as Element;

  async function click(userId: string, prefix: string) {
    const { action_id, value } = button(prefix);
    const sent = await running.requests.blockAction({
      userId,
      actionId: action_id as string,
      ...(value === undefined ? {} : { value }),
      channelId: "C0SHARED1",
      message: { text: "digest", blocks: digestBlocks },
    });
    const response = await running.slack.waitForResponse((r) => r.id === sent.responseId);
    return response.body as { text?: string; response_type?: string; replace_original?: boolean };
  }

  it("refuses privately, with the reason, a colleague who may not snooze the owner's play", async () => {
    const snooze = digestBlocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith("play_snooze_"));
    expect(snooze).toBeDefined();
    const { action_id } = snooze as Element;
    const option = (snooze as unknown as { options: { value: string }[] }).options[0]?.value as string;
    const sent = await running.requests.blockAction({
      userId: "UOMAR0001",
      actionId: action_id as string,
      selectedOption: option,
      channelId: "C0SHARED1",
      message: { text: "digest", blocks: digestBlocks },
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === sent.responseId)).body as Record<
      string,
      unknown
    >;
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(answer.text)).toContain(
      "Only Maria Lopez (<@UMARIA001>), a manager or an admin can snooze this play.",
    );
    expect((await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } })).status).toBe("open");
  });

  it("lets the owner claim from the digest, answers privately, and leaves the shared digest as it was", async () => {
    const answer = await click("UMARIA001", "play_claim_");
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(answer.text).toContain("Done: Save play on *Acme Corporation*");
    expect(await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } })).toMatchObject({
      status: "claimed",
    });
  });
});
