// The App Home and /portfolio stay within Slack's limits however big the book: a CSM with 400 accounts,
// all of them needing attention, renewing and with plays, and a manager with 60 CSMs.
import { describe, expect, it } from "vitest";
import { summarizePortfolio } from "../../src/domain/portfolio/summary.ts";
import type { HomeDashboard } from "../../src/services/home-dashboard.ts";
import type { ScopedMetrics } from "../../src/services/metrics.ts";
import type { PlayListing } from "../../src/services/play-listing.ts";
import type { BookPortfolio } from "../../src/services/portfolio.ts";
import { homeView } from "../../src/slack/views/home.ts";
import { teamPortfolioMessage } from "../../src/slack/views/portfolio.ts";
import { renewalOutcomeButton } from "../../src/slack/views/renewal-outcome-modal.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const now = new Date("2026-12-07T15:00:00Z");
const today = new Date("2026-12-07T00:00:00Z");
const long = "Very Long Account Name Incorporated & Partners <International> ".repeat(3);

function book(owner: number, accounts: number): BookPortfolio {
  const list = Array.from({ length: accounts }, (_, i) => ({
    id: `a${owner}-${i}`,
    name: `${long}${i}`,
    arr: "123456.78",
    renewalDate: new Date(today.getTime() + ((i % 120) - 30) * 86_400_000),
    renewalCommit: null,
    band: i % 2 ? "red" : "yellow",
  }));
  const plays = list.map((a) => ({
    id: `p${a.id}`,
    kind: "save",
    dueAt: today,
    accountId: a.id,
    accountName: a.name,
  }));
  return {
    holder: { id: `u${owner}`, slackUserId: `U${String(owner).padStart(8, "0")}`, name: `CSM ${owner}` },
    summary: summarizePortfolio(list, plays, today, now),
    accounts: list,
    metrics: { nrr: 104.3, grr: 91.2, from: "2025-12-07", to: "2026-12-07" } as ScopedMetrics,
  };
}

function playsOf(accounts: number) {
  return Array.from({ length: accounts }, (_, a) => {
    const play = (i: number): PlayListing => ({
      id: `p${a}-${i}`,
      kind: "save",
      reason: `Health red: ${i} `.repeat(20),
      status: "open",
      dueAt: today,
      snoozedUntil: null,
      ownerSlackId: "U00000001",
      claimedBySlackId: null,
      arrAtRisk: "1000.00",
      account: { id: `a${a}`, name: long, ownerSlackId: "U00000001", band: "red" },
    });
    return {
      account: play(0).account,
      entries: [0, 1, 2, 3, 4].map((i) => ({ play: play(i), checklist: [] })),
      playCount: 5,
    };
  });
}

describe("big books within Slack's limits", () => {
  it("a CSM with 400 accounts gets a Home of at most 100 blocks", () => {
    const own = book(1, 400);
    const home: HomeDashboard = {
      selection: "own",
      holder: own.holder,
      book: own,
      members: [],
      choices: [],
      attention: own.accounts.slice(0, 10).map((account) => ({
        account: {
          ...account,
          overduePlays: 3,
          ownerSlackId: own.holder.slackUserId,
          trend: [null, 10, 90, 50],
        },
        reasons: ["renewal 30 days past due", "red", "3 plays overdue"],
      })),
      renewals: own.summary.renewalsSoon
        .slice(0, 8)
        .map((r) => ({ ...r, ownerSlackId: own.holder.slackUserId })),
      plays: playsOf(400),
    };
    const view = homeView(home, now, {
      demoAccountsOnOffer: 36,
      notice: "x".repeat(4000),
      digest: "Digest at 08:30",
      outcomeButton: renewalOutcomeButton,
    });
    expectWithinSlackLimits(view, "home");
    expect(JSON.stringify(view)).toContain("More in `/plays`.");
  });

  it("a manager with 60 CSMs gets a Home and a /portfolio within limits, the rest counted", () => {
    const members = Array.from({ length: 60 }, (_, i) => book(i + 2, 5));
    const total = book(0, 300);
    const home: HomeDashboard = {
      selection: "team",
      holder: null,
      book: total,
      members,
      choices: members.map((m) => m.holder).concat(members.map((m) => m.holder)),
      attention: [],
      renewals: [],
      plays: [],
    };
    const view = homeView(home, now);
    expectWithinSlackLimits(view, "home");
    expect(JSON.stringify(view)).toContain("…and 30 more books.");
    const message = teamPortfolioMessage("Your team", total, [
      ...members,
      ...members,
      ...members,
      ...members,
      ...members,
      ...members,
      ...members,
    ]);
    expectWithinSlackLimits(message, "message");
    expect(JSON.stringify(message)).toContain("…and 20 more books.");
  });
});
