import { describe, expect, it } from "vitest";
import type { AccountCardData } from "../../src/domain/call-prep.ts";
import { accountCard } from "../../src/slack/views/account-card.ts";
import type { Block, MessagePayload } from "../../src/slack/views/blocks.ts";
import {
  cardData,
  daysFromToday,
  play,
  stakeholder,
  today,
  touch,
  withAccount,
} from "../helpers/account-card-data.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

/** Everything a reader sees, block by block, in order. */
function visibleText(payload: MessagePayload): string {
  const texts = (block: Block): string[] => {
    switch (block.type) {
      case "header":
        return [block.text.text];
      case "section":
        return [block.text?.text ?? "", ...(block.fields ?? []).map((field) => field.text)];
      case "context":
        return block.elements.map((element) => element.text);
      case "actions":
        return block.elements.map((element) => ("text" in element ? element.text.text : ""));
      default:
        return [];
    }
  };
  return payload.blocks.flatMap(texts).join("\n");
}

/** The texts Slack parses for mentions, links and formatting. */
function mrkdwnTexts(payload: MessagePayload): string[] {
  return payload.blocks.flatMap((block) => {
    const texts =
      block.type === "section"
        ? [...(block.text ? [block.text] : []), ...(block.fields ?? [])]
        : block.type === "context"
          ? block.elements
          : [];
    return texts.filter((text) => text.type === "mrkdwn").map((text) => text.text);
  });
}

function card(data: AccountCardData, options: Parameters<typeof accountCard>[1] = { today }): MessagePayload {
  const payload = accountCard(data, options);
  expectWithinSlackLimits(payload, "message");
  return payload;
}

describe("the /account card a CSM reads before a call", () => {
  it("opens with the name and the facts that frame the call", () => {
    const payload = card(cardData());
    expect(payload.blocks[0]).toEqual({
      type: "header",
      text: expect.objectContaining({ text: "Acme Corporation" }),
    });
    const text = visibleText(payload);
    expect(text).toContain("<@U0CSM>");
    expect(text).toContain("Mid-market");
    expect(text).toContain("$120,000");
    expect(text).toContain("Adoption · day 45");
    expect(text).toContain("2027-03-01 · in 98 days");
    expect(text).toContain("🟢 82 · as of 2026-11-20");
    expect(text).toContain("Power users up 20% week over week");
    expect(text).toContain("CRM id 0015g00000XyZ01 · Plan: Business · 250 seats");
    expect(payload.text).toBe("Acme Corporation · $120K ARR · renews in 98 days");
  });

  it("shows an ARR the CRM left blank as unknown, never as $0", () => {
    const text = visibleText(card(withAccount({ arr: null })));
    expect(text).toContain("*ARR*\nunknown");
    expect(text).not.toContain("$0");
  });

  it("says when nobody owns the account, no health is scored and the stage is derived", () => {
    const text = visibleText(card({ ...withAccount({ stageDerived: true }), owner: null, health: null }));
    expect(text).toContain("Unassigned");
    expect(text).toContain("No health data yet");
    expect(text).toContain("Adoption · day 45 _(derived)_");
  });

  it("flags a renewal inside the T-90 window and an overdue one", () => {
    const soon = visibleText(card(withAccount({ renewalDate: daysFromToday(25) })));
    expect(soon).toMatch(/🚨 \d{4}-\d{2}-\d{2} · in 25 days · inside T-30/);
    expect(visibleText(card(withAccount({ renewalDate: daysFromToday(75) })))).toContain("⚠️");

    const late = card(withAccount({ renewalDate: daysFromToday(-3) }));
    expect(visibleText(late)).toContain("overdue by 3 days");
    expect(late.text).toContain("renewal overdue by 3 days");
  });

  it("shows red health with its sparkline, its trend and its reasons, and warns when no play is attached", () => {
    const health = {
      score: 34,
      band: "red" as const,
      date: new Date("2026-11-20T00:00:00Z"),
      reasons: ["Sponsor dark 52 days", "3 P1 tickets", "Invoice 40 days late", "Seats unused"],
      trend: [90, 70, 61, 48, 34],
      vs7d: -12,
      vs30d: -30,
    };
    const text = visibleText(card({ ...cardData(), health }));
    expect(text).toContain("🔴 34 █▆▅▄▃ · −12 vs 7 days ago · −30 vs 30 days ago · as of 2026-11-20");
    expect(text).toContain("Invoice 40 days late");
    expect(text).not.toContain("Seats unused");
    expect(text).toContain("+1 more");
    expect(text).toContain("no open play");

    expect(visibleText(card({ ...cardData(), health, openPlays: [play()] }))).not.toContain("no open play");
  });

  it("says when there is not enough data for a band, with what is missing or stale", () => {
    const health = {
      score: 62,
      band: "unknown" as const,
      date: new Date("2026-11-20T00:00:00Z"),
      reasons: [
        "not enough data: 2 of 5 health signals known and fresh (3 needed)",
        "no usage data for 9 days",
      ],
    };
    const text = visibleText(card({ ...cardData(), health }));
    expect(text).toContain("⚪ Not enough data (62)");
    expect(text).toContain("no usage data for 9 days");
    expect(text).not.toContain("no open play");
  });

  it("shows a renewal that passed with no outcome as overdue, whatever stage the CRM set", () => {
    const overdue = withAccount({ renewalDate: daysFromToday(-3), stage: "renewal_overdue" });
    expect(visibleText(card(overdue))).toContain("Renewal overdue");
  });

  it("draws the last two weeks of scores, and says only what the history supports", () => {
    const health = (overrides: Partial<NonNullable<AccountCardData["health"]>>) =>
      cardData({ health: { score: 72, band: "green", date: today, reasons: [], ...overrides } });
    const month = Array.from({ length: 20 }, (_, day) => (day < 6 ? 5 : 95));
    expect(visibleText(card(health({ trend: month, vs7d: 5, vs30d: null })))).toContain(
      "🟢 72 ██████████████ · +5 vs 7 days ago · as of 2026-11-23",
    );
    expect(visibleText(card(health({ trend: [72, 72], vs7d: 0, vs30d: 0 })))).toContain(
      "🟢 72 ▆▆ · ±0 vs 7 days ago · ±0 vs 30 days ago · as of",
    );
    // One score is no line yet, and no history older than a week is no change to report.
    expect(visibleText(card(health({ trend: [72], vs7d: null, vs30d: null })))).toContain(
      "🟢 72 · as of 2026-11-23",
    );
  });

  it("groups stakeholders by role, with sentiment and sponsors gone dark", () => {
    const stakeholders = [
      stakeholder({ name: "Pat Power", role: "power_user", title: null }),
      stakeholder({ name: "Ann Cole", role: "executive_sponsor", lastContactOn: daysFromToday(-52) }),
      stakeholder({ name: "Dana Fox", role: "economic_buyer", sentiment: "negative" }),
      stakeholder({ name: "Raj Iyer", role: "executive_sponsor", lastContactOn: null, sentiment: "unknown" }),
    ];
    const text = visibleText(card({ ...cardData(), stakeholders }));
    const order = ["*Economic buyer*", "*Executive sponsors*", "*Power user*"].map((label) =>
      text.indexOf(label),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("🙁 Dana Fox, CFO");
    expect(text).toContain("Ann Cole, CFO · ⚠️ dark 52 days");
    expect(text).toContain("❔ Raj Iyer, CFO · no contact logged");
  });

  it("shows the map's warnings: sponsors from day 60, no economic buyer, a key contact who left", () => {
    const atDay = (day: number, stakeholders: AccountCardData["stakeholders"]) =>
      cardData({ stakeholders, account: { ...cardData().account, contractStart: daysFromToday(-day) } });
    const one = atDay(75, [stakeholder(), stakeholder({ role: "executive_sponsor" })]);
    expect(visibleText(card(one))).toContain("Only one executive sponsor at day 75");
    const none = atDay(75, [stakeholder()]);
    expect(visibleText(card(none))).toContain("No executive sponsor mapped at day 75");
    // Before day 60 the second sponsor is not yet due.
    expect(visibleText(card(atDay(45, [stakeholder()])))).not.toMatch(/executive sponsor/i);
    expect(visibleText(card(cardData()))).not.toMatch(/Only one executive sponsor|No executive sponsor/);
    const noBuyer = cardData({ stakeholders: [stakeholder({ role: "champion" })] });
    expect(visibleText(card(noBuyer))).toContain("No economic buyer mapped");
    const left = cardData({
      stakeholders: [
        stakeholder(),
        stakeholder({ name: "Lee Park", role: "champion", leftOn: daysFromToday(-5) }),
      ],
    });
    const text = visibleText(card(left));
    expect(text).toContain("Lee Park (champion) left");
    expect(text).toContain("Stakeholders* · 1 mapped");
  });

  it("lists the last six touches newest first and leaves the seventh out", () => {
    const touches = Array.from({ length: 7 }, (_, i) =>
      touch({
        occurredAt: daysFromToday(-1 - i),
        summary: `Touch number ${i + 1}`,
        nextStep: `Step ${i + 1}`,
      }),
    );
    const text = visibleText(card(cardData({ touches: [...touches].reverse() })));
    const positions = [1, 2, 3, 4, 5, 6].map((n) => text.indexOf(`Touch number ${n}`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).not.toContain("Touch number 7");
    expect(text).toContain("*2026-11-22 · Call* by <@U0CSM> — Touch number 1");
    expect(text).toContain("Next: Step 1");
  });

  it("asks for touches to be logged when there are none", () => {
    expect(visibleText(card(cardData({ touches: [] })))).toContain(
      "No touches logged yet — log one within 24 h of every customer conversation.",
    );
  });

  it("shows open plays with who claimed them, when they are due, and their buttons", () => {
    const plays = [
      play({ status: "claimed", claimedBySlackId: "U0ALEX", dueAt: new Date("2026-11-24T12:00:00Z") }),
      play({ id: "play-2", kind: "renewal_risk", reason: "Renewal inside 90 days", ownerSlackId: null }),
    ];
    const payload = card(cardData({ openPlays: plays }));
    expectWithinSlackLimits(payload, "message");
    const text = visibleText(payload);
    expect(text).toContain("*Sponsor dark* — Executive sponsor silent for 52 days");
    expect(text).toContain(
      "Claimed by <@U0ALEX> · due <!date^1795521600^{date_short_pretty} {time}|2026-11-24 12:00 UTC>",
    );
    expect(text).toContain("*Renewal risk* — Renewal inside 90 days\nUnclaimed · due");
    const actionIds = payload.blocks.flatMap((block) =>
      block.type === "actions" ? block.elements.map((element) => element.action_id) : [],
    );
    // Soonest due first; the claimed play has no Claim button; Log touch to Share, then the contract's row.
    expect(actionIds).toEqual([
      "play_claim_0",
      "play_snooze_0",
      "play_reassign_0",
      "play_close_0",
      "play_snooze_1",
      "play_reassign_1",
      "play_close_1",
      "touch_open",
      "stakeholders_open",
      "prep_open",
      "plan_edit",
      "qbr_open",
      "account_share",
      "churn_open",
    ]);
  });

  it("shows an open save play first with the account's other signal plays as its checklist, each with buttons", () => {
    const plays = [
      play({
        id: "billing",
        kind: "billing_check",
        reason: "Invoice 12 days overdue",
        dueAt: daysFromToday(0.5),
      }),
      play({ id: "save", kind: "save", reason: "Health red: 31", dueAt: daysFromToday(1) }),
      play({
        id: "sponsor",
        kind: "sponsor_reengage",
        reason: "Executive sponsor dark for 52 days",
        claimedBySlackId: "U0ALEX",
        status: "claimed",
      }),
    ];
    const payload = card(cardData({ openPlays: plays }));
    expectWithinSlackLimits(payload, "message");
    const text = visibleText(payload);
    const at = (needle: string) => text.indexOf(needle);
    expect(text).toContain("*Open plays* · 3");
    expect(text).toContain("*Save play* — Health red: 31\nUnclaimed · owner <@U0CSM> · due");
    expect(text).toContain("Save plan checklist: 2 steps below, due with this play");
    expect(text).toContain("↳ *Billing check* — Invoice 12 days overdue · owner <@U0CSM>");
    expect(text).toContain(
      "↳ *Re-engage the sponsor* — Executive sponsor dark for 52 days · claimed by <@U0ALEX>",
    );
    expect(at("*Save play*")).toBeLessThan(at("↳ *Billing check*"));
    expect(at("↳ *Billing check*")).toBeLessThan(at("↳ *Re-engage the sponsor*"));
    // One due time on the card: the save play's; its steps are worked to it.
    expect(text.match(/due <!date/g)).toHaveLength(1);
    const closes = payload.blocks.flatMap((block) =>
      block.type === "actions"
        ? block.elements.flatMap((element) =>
            element.action_id.startsWith("play_close_")
              ? [JSON.parse((element as { value: string }).value).p]
              : [],
          )
        : [],
    );
    expect(closes).toEqual(["save", "billing", "sponsor"]);
  });

  it("lets people work plays on a card shared in a channel, keeping who shared it", () => {
    const shared = card(cardData({ openPlays: [play()] }), { today, shared: { bySlackId: "U0ALEX" } });
    const claim = shared.blocks
      .flatMap((block) => (block.type === "actions" ? block.elements : []))
      .find((element) => element.action_id === "play_claim_0");
    expect(JSON.parse((claim as { value: string }).value)).toEqual({
      p: "play-1",
      s: "account",
      by: "U0ALEX",
    });
  });

  it("shows the success plan objective and goals with their status", () => {
    const successPlan = {
      objective: "Cut ticket handling time in half",
      goals: [
        {
          kpi: "Median handling time",
          target: "4 h",
          current: "6 h",
          status: "at_risk" as const,
          dueOn: null,
        },
        {
          kpi: "Agents onboarded",
          target: "120",
          current: null,
          status: "achieved" as const,
          dueOn: new Date("2027-01-15T00:00:00Z"),
        },
      ],
    };
    const text = visibleText(card(cardData({ successPlan })));
    expect(text).toContain("Cut ticket handling time in half");
    expect(text).toContain("🟡 At risk · *Median handling time*: 6 h of 4 h");
    expect(text).toContain("✅ Achieved · *Agents onboarded*: target 120 · due 2027-01-15");
    expect(visibleText(card(cardData({ successPlan: null })))).toContain("No success plan yet");
  });

  it("offers Log touch, Stakeholders, Prep, Success plan, Record QBR and Share buttons, and a shared card says who shared it instead", () => {
    const own = card(cardData());
    expect(own.blocks.at(-2)).toMatchObject({
      type: "actions",
      elements: [
        { type: "button", action_id: "touch_open", value: "acc_1" },
        { type: "button", action_id: "stakeholders_open", value: "acc_1" },
        { type: "button", action_id: "prep_open", value: "acc_1" },
        { type: "button", action_id: "plan_edit", value: "acc_1" },
        { type: "button", action_id: "qbr_open", value: "acc_1" },
        { type: "button", action_id: "account_share", value: "acc_1" },
      ],
    });

    const shared = card(cardData(), { today, shared: { bySlackId: "U0ALEX" } });
    expect(shared.blocks.some((block) => block.type === "actions")).toBe(false);
    expect(visibleText(shared)).toContain("Shared by <@U0ALEX>");
  });

  it("offers Record renewal from T-90 and past due, Record churn on its own row until the account churns", () => {
    const contractRow = (data: AccountCardData) => {
      const last = card(data).blocks.at(-1);
      return last?.type === "actions" && last.block_id === "account_contract"
        ? last.elements.map((element) => [element.action_id, "value" in element ? element.value : null])
        : [];
    };
    expect(contractRow(cardData())).toEqual([["churn_open", "acc_1"]]);
    const due = [
      ["renewal_outcome_open", "acc_1"],
      ["churn_open", "acc_1"],
    ];
    expect(contractRow(withAccount({ renewalDate: daysFromToday(90) }))).toEqual(due);
    expect(contractRow(withAccount({ renewalDate: daysFromToday(-40) }))).toEqual(due);
    expect(contractRow(withAccount({ renewalDate: daysFromToday(91) }))).toEqual([["churn_open", "acc_1"]]);
    const churnedData = withAccount({
      renewalDate: daysFromToday(-40),
      churnedAt: new Date("2026-10-14T00:00:00Z"),
    });
    expect(contractRow(churnedData)).toEqual([]);
    const churned = card(churnedData);
    expect(visibleText(churned)).toContain("*Renewal*\n⚫ Churned on 2026-10-14");
    expect(visibleText(churned)).toContain("*Stage*\nChurned");
    expect(churned.text).toContain("churned on 2026-10-14");
  });

  it("keeps hostile CRM text from pinging, linking or formatting the card", () => {
    const hostile = "<!channel> <@U999> <https://evil.example|click> & more";
    const data = cardData({
      stakeholders: [stakeholder({ name: hostile, title: hostile })],
      touches: [touch({ summary: hostile, nextStep: hostile })],
      openPlays: [play({ kind: hostile, reason: hostile })],
      successPlan: {
        objective: hostile,
        goals: [{ kpi: hostile, target: hostile, current: hostile, status: "missed", dueOn: null }],
      },
    });
    const payload = card({
      ...data,
      account: { ...data.account, name: hostile, plan: hostile, externalId: hostile },
    });
    // The header is plain_text, which Slack never parses; everything else is mrkdwn and must be escaped.
    expect(payload.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
    const parsed = [payload.text, ...mrkdwnTexts(payload)].join("\n");
    expect(parsed).not.toContain("<!channel>");
    expect(parsed).not.toContain("<@U999>");
    expect(parsed).not.toContain("<https://");
    expect(parsed).toContain("&lt;!channel&gt; &lt;@U999&gt;");
  });

  it("stays within Slack's limits for a huge account", () => {
    const essay = "Long notes ".repeat(300);
    const roles = [
      "economic_buyer",
      "champion",
      "executive_sponsor",
      "power_user",
      "end_user",
      "blocker",
    ] as const;
    const data = cardData({
      stakeholders: Array.from({ length: 50 }, (_, i) =>
        stakeholder({ name: `Person ${i} ${essay}`, title: essay, role: roles[i % roles.length] }),
      ),
      touches: Array.from({ length: 30 }, (_, i) =>
        touch({ occurredAt: daysFromToday(-i), summary: essay, nextStep: essay }),
      ),
      openPlays: Array.from({ length: 20 }, (_, i) => play({ id: `play-${i}`, kind: essay, reason: essay })),
      successPlan: {
        objective: essay,
        goals: Array.from({ length: 15 }, () => ({
          kpi: essay,
          target: essay,
          current: essay,
          status: "on_track" as const,
          dueOn: null,
        })),
      },
      health: {
        score: 50,
        band: "yellow",
        date: today,
        reasons: Array.from({ length: 20 }, () => essay),
        trend: [1, 2, 3],
      },
    });
    const payload = card({ ...data, account: { ...data.account, name: essay, plan: essay } });
    const text = visibleText(payload);
    expect(text).toContain("+4 more"); // of nine economic buyers, five shown
    expect(text).toContain("+13 more"); // of twenty plays, seven shown
  });
});
