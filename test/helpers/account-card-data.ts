// Call-prep card data for view tests: a healthy mid-market account with its people, a touch and a plan;
// override what the test is about.
import type { AccountCardData } from "../../src/domain/call-prep.ts";

export const today = new Date("2026-11-23T09:00:00Z");
export const daysFromToday = (days: number) => new Date(today.getTime() + days * 86_400_000);

type Stakeholder = AccountCardData["stakeholders"][number];
type Touch = AccountCardData["touches"][number];
type Play = AccountCardData["openPlays"][number];

let people = 0;
export function stakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  people += 1;
  return {
    id: `person-${people}`,
    otherRoles: [],
    leftOn: null,
    name: "Dana Fox",
    title: "CFO",
    role: "economic_buyer",
    sentiment: "positive",
    lastContactOn: daysFromToday(-10),
    ...overrides,
  };
}

export function touch(overrides: Partial<Touch> = {}): Touch {
  return {
    kind: "call",
    occurredAt: daysFromToday(-3),
    summary: "Walked through the rollout plan",
    nextStep: null,
    authorSlackId: "U0CSM",
    stakeholderIds: [],
    ...overrides,
  };
}

export function play(overrides: Partial<Play> = {}): Play {
  return {
    id: "play-1",
    kind: "sponsor_dark",
    reason: "Executive sponsor silent for 52 days",
    status: "open",
    dueAt: daysFromToday(1),
    snoozedUntil: null,
    ownerSlackId: "U0CSM",
    claimedBySlackId: null,
    ...overrides,
  };
}

export function cardData(overrides: Partial<AccountCardData> = {}): AccountCardData {
  return {
    account: {
      id: "acc_1",
      externalId: "0015g00000XyZ01",
      name: "Acme Corporation",
      segment: "mid_market",
      arr: "120000.00",
      contractStart: daysFromToday(-45),
      renewalDate: new Date("2027-03-01T00:00:00Z"),
      stage: "adoption",
      stageDerived: false,
      plan: "Business",
      seatsPurchased: 250,
    },
    owner: { slackUserId: "U0CSM", name: "Casey" },
    health: {
      score: 82,
      band: "green",
      date: new Date("2026-11-20T00:00:00Z"),
      reasons: ["Power users up 20% week over week"],
    },
    stakeholders: [
      stakeholder(),
      stakeholder({ name: "Lee Park", title: "Ops lead", role: "champion" }),
      stakeholder({ name: "Ann Cole", title: "CTO", role: "executive_sponsor" }),
      stakeholder({ name: "Raj Iyer", title: "COO", role: "executive_sponsor", sentiment: "neutral" }),
    ],
    touches: [touch()],
    openPlays: [],
    successPlan: {
      objective: "Cut ticket handling time in half",
      goals: [
        { kpi: "Median handling time", target: "4 h", current: "6 h", status: "on_track", dueOn: null },
      ],
    },
    ...overrides,
  };
}

export function withAccount(account: Partial<AccountCardData["account"]>): AccountCardData {
  const data = cardData();
  return { ...data, account: { ...data.account, ...account } };
}
