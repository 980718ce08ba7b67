import { describe, expect, it } from "vitest";
import { accountCard } from "../../src/slack/views/account-card.ts";
import { sharePreview } from "../../src/slack/views/share-preview.ts";
import { cardData, daysFromToday, play, stakeholder, today, touch } from "../helpers/account-card-data.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const data = cardData({
  account: { ...cardData().account, arr: "120000.50" },
  health: {
    score: 34,
    band: "red",
    date: today,
    reasons: ["Invoice 60 days overdue", "NPS comment: clunky UI"],
  },
  stakeholders: [stakeholder({ name: "Dana Fox", sentiment: "negative" })],
  touches: [touch({ summary: "CFO upset about the price", nextStep: "Send the discount" })],
  openPlays: [play()],
});
const shared = (full?: boolean) =>
  JSON.stringify(accountCard(data, { today, shared: { bySlackId: "U0SHARER", ...(full ? { full } : {}) } }));

describe("the card shared in a conversation", () => {
  it("rounds ARR and leaves out sentiment, health reasons, touch notes and next steps", () => {
    const text = shared();
    expect(text).toContain("$120K");
    expect(text).not.toContain("120,000");
    for (const secret of ["🙁", "Invoice 60 days", "NPS comment", "CFO upset", "Send the discount"])
      expect(text).not.toContain(secret);
    expect(text).toContain("Dana Fox");
    expect(text).toContain("details for the team in `/account`");
    // The plays stay workable for those who may act on them.
    expect(text).toContain("play_claim_0");
  });

  it("is the full card when an admin chose so", () => {
    const text = shared(true);
    expect(text).toContain("$120,000.50");
    expect(text).toContain("CFO upset");
    expect(text).not.toContain("details for the team");
  });

  it("is previewed within Slack's limits, even for a huge account", () => {
    const essay = "Long notes ".repeat(300);
    const huge = cardData({
      stakeholders: Array.from({ length: 50 }, (_, i) =>
        stakeholder({ name: `P${i} ${essay}`, title: essay }),
      ),
      touches: Array.from({ length: 30 }, (_, i) => touch({ occurredAt: daysFromToday(-i), summary: essay })),
      openPlays: Array.from({ length: 20 }, (_, i) => play({ id: `play-${i}`, reason: essay })),
    });
    for (const full of [false, true]) {
      const card = accountCard(huge, { today, shared: { bySlackId: "U0SHARER", full } });
      expectWithinSlackLimits(sharePreview(card, "acc_1", !full), "message");
    }
  });
});
