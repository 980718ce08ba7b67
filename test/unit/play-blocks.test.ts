import { describe, expect, it } from "vitest";
import { parsePlayActionValue, parsePlayBlockId } from "../../src/slack/parse/play-action.ts";
import type { ActionsBlock, Block, SectionBlock } from "../../src/slack/views/blocks.ts";
import { type PlayItem, playBlocks, playStatusLine, slackTime } from "../../src/slack/views/play-blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const now = new Date("2026-11-23T09:00:00Z");
const tomorrow = new Date("2026-11-24T10:00:00Z");

function play(overrides: Partial<PlayItem> = {}): PlayItem {
  return {
    id: "cmplay000000000000000001",
    kind: "save",
    reason: "Health red: 34 (sponsor dark for 52 days)",
    status: "open",
    dueAt: tomorrow,
    snoozedUntil: null,
    ownerSlackId: "UMARIA001",
    claimedBySlackId: null,
    ...overrides,
  };
}

const listed = (overrides: Partial<PlayItem> = {}) => ({
  ...play(overrides),
  account: { name: "Acme Corporation" },
  arrAtRisk: "120000.00",
});

function actionElements(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === "actions" ? block.elements : []));
}

describe("a play's blocks", () => {
  it("shows the due time in each reader's own time zone, with a UTC fallback", () => {
    expect(slackTime(tomorrow)).toBe("<!date^1795514400^{date_short_pretty} {time}|2026-11-24 10:00 UTC>");
  });

  it("says who has the play and when it is due", () => {
    const due = slackTime(tomorrow);
    expect(playStatusLine(play(), now)).toBe(`Unclaimed · owner <@UMARIA001> · due ${due}`);
    expect(playStatusLine(play({ ownerSlackId: null }), now)).toBe(`Unclaimed · due ${due}`);
    expect(playStatusLine(play({ status: "claimed", claimedBySlackId: "UALEX0001" }), now)).toBe(
      `Claimed by <@UALEX0001> · due ${due}`,
    );
    const until = new Date("2026-11-26T09:00:00Z");
    expect(playStatusLine(play({ status: "snoozed", snoozedUntil: until, dueAt: until }), now)).toBe(
      `Snoozed until ${slackTime(until)} · owner <@UMARIA001>`,
    );
    expect(
      playStatusLine(play({ status: "snoozed", snoozedUntil: until, claimedBySlackId: "UALEX0001" }), now),
    ).toBe(`Snoozed until ${slackTime(until)} · claimed by <@UALEX0001>`);
  });

  it("flags an overdue play, but not one due this very instant", () => {
    expect(playStatusLine(play({ dueAt: new Date("2026-11-22T09:00:00Z") }), now)).toContain("· ⚠️ overdue");
    expect(playStatusLine(play({ dueAt: now }), now)).not.toContain("overdue");
  });

  it("offers Claim, Snooze, Reassign and Close, with ids unique per position and values naming the play and surface", () => {
    const [section, actions] = playBlocks(play(), { index: 3, surface: { kind: "plays" }, now });
    expect((section as SectionBlock).text?.text).toContain("*Save play* — Health red: 34");
    const [claim, snooze, reassign, close] = (actions as ActionsBlock).elements;
    expect(claim).toMatchObject({ type: "button", action_id: "play_claim_3", style: "primary" });
    expect(snooze).toMatchObject({ type: "static_select", action_id: "play_snooze_3" });
    expect(reassign).toMatchObject({
      type: "users_select",
      action_id: "play_reassign_3",
      placeholder: { text: "Reassign…" },
    });
    expect(close).toMatchObject({ type: "button", action_id: "play_close_3" });
    expect(parsePlayActionValue((claim as { value: string }).value)).toEqual({
      playId: "cmplay000000000000000001",
      surface: { kind: "plays" },
    });
    const options = snooze?.type === "static_select" ? snooze.options : [];
    expect(options.map((option) => option.text.text)).toEqual(["1 day", "3 days", "7 days"]);
    expect(options.map((option) => parsePlayActionValue(option.value)?.days)).toEqual([1, 3, 7]);
  });

  it("hides Claim once somebody has claimed the play", () => {
    const blocks = playBlocks(play({ status: "claimed", claimedBySlackId: "UALEX0001" }), {
      index: 0,
      surface: { kind: "plays" },
      now,
    });
    expect(actionElements(blocks).map((element) => element.action_id)).toEqual([
      "play_snooze_0",
      "play_reassign_0",
      "play_close_0",
    ]);
  });

  it("names the play and surface in the actions block's id, for the Reassign menu that has no value", () => {
    const surface = { kind: "account", sharedBy: "UALEX0001" } as const;
    const [, actions] = playBlocks(play(), { index: 0, surface, now });
    expect(parsePlayBlockId(actions.block_id)).toEqual({ playId: "cmplay000000000000000001", surface });
    for (const junk of [undefined, "", "blk-1", "play:", "play:{}", 'play:{"p":"x","s":"plays","d":3}'])
      expect(parsePlayBlockId(junk), String(junk)).toBeNull();
  });

  it("keeps option values under Slack's 150 characters and the block id under 255 for the longest surface", () => {
    const blocks = playBlocks(play({ id: "x".repeat(64) }), {
      index: 14,
      surface: { kind: "account", sharedBy: "W0123456789ABCDEFGHIJ" },
      now,
    });
    expectWithinSlackLimits({ text: "play", blocks }, "message");
  });

  it("keeps hostile play text from pinging or linking", () => {
    const hostile = "<!channel> <@U999> <https://evil.example|click>";
    const [section] = playBlocks(
      { ...listed({ kind: hostile, reason: hostile }), account: { name: hostile } },
      {
        index: 0,
        surface: { kind: "plays" },
        now,
      },
    );
    const text = (section as SectionBlock).text?.text ?? "";
    expect(text).not.toMatch(/<!channel>|<@U999>|<https:/);
    expect(text).toContain("&lt;!channel&gt;");
  });
});
