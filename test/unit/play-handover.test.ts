import { describe, expect, it } from "vitest";
import { slackTime } from "../../src/slack/views/play-blocks.ts";
import { playHandover } from "../../src/slack/views/play-handover.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const now = new Date("2026-11-23T09:00:00Z");
const tomorrow = new Date("2026-11-24T10:00:00Z");

function handedOver(accountName = "Acme Corporation") {
  return {
    id: "cmplay000000000000000001",
    kind: "save",
    reason: "Health red: 34 (sponsor dark for 52 days)",
    status: "open" as const,
    dueAt: tomorrow,
    snoozedUntil: null,
    ownerSlackId: "UPRIYA001",
    claimedBySlackId: null,
    account: { name: accountName },
    arrAtRisk: "120000.00",
  };
}

describe("the DM telling someone a play was handed to them", () => {
  it("says who handed over which play on which account, when it is due, with the play's buttons", () => {
    const message = playHandover(handedOver(), { bySlackId: "UMARIA001", now });

    expectWithinSlackLimits(message, "message");
    expect(message.text).toBe(
      `<@UMARIA001> handed you a play on Acme Corporation: Save play, due ${slackTime(tomorrow)}`,
    );
    expect(JSON.stringify(message.blocks)).toContain("<@UMARIA001> handed you a play on *Acme Corporation*");
    expect(message.blocks.map((block) => block.type)).toEqual(["section", "section", "actions"]);
  });

  it("keeps a hostile account name inert in the notification text and the blocks", () => {
    const message = playHandover(handedOver(`<!channel> ${"Initech ".repeat(40)}`), {
      bySlackId: "UMARIA001",
      now,
    });

    expectWithinSlackLimits(message, "message");
    expect(message.text).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(message)).not.toContain("<!channel>");
  });
});
