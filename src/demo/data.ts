// The script of the demo book (`csm seed --demo`): the team, the companies and the health story each
// one tells, the people at them, and what CSMs write after calls. Plain data; demo-book.ts turns it
// into rows. Every name here is invented; email domains use the reserved .example top-level domain.
import type { Role, Segment, StakeholderRole, TouchKind } from "../generated/prisma/client.ts";

export interface DemoTeamMember {
  slackUserId: string;
  name: string;
  email: string;
  timeZone: string;
  role: Role;
}

export const demoDigestChannelId = "CDEMO0001";

/** The first member is the manager; the others are CSMs who report to them. */
export const demoTeam: readonly DemoTeamMember[] = [
  {
    slackUserId: "UDEMO0001",
    name: "Dana Whitfield",
    email: "dana.whitfield@demo.example",
    timeZone: "America/New_York",
    role: "manager",
  },
  {
    slackUserId: "UDEMO0002",
    name: "María López",
    email: "maria.lopez@demo.example",
    timeZone: "Europe/Madrid",
    role: "csm",
  },
  {
    slackUserId: "UDEMO0003",
    name: "Kenji Watanabe",
    email: "kenji.watanabe@demo.example",
    timeZone: "Asia/Tokyo",
    role: "csm",
  },
  {
    slackUserId: "UDEMO0004",
    name: "Amara Okafor",
    email: "amara.okafor@demo.example",
    timeZone: "Africa/Lagos",
    role: "csm",
  },
  {
    slackUserId: "UDEMO0005",
    name: "Liam O'Connor",
    email: "liam.oconnor@demo.example",
    timeZone: "America/Chicago",
    role: "csm",
  },
];

/** The made-up team's Slack ids: the demo book is theirs until someone takes it over. */
export const demoTeamSlackIds = demoTeam.map((member) => member.slackUserId);

/** How an account's health moves over the eight weeks of history the demo shows. */
export type HealthStory =
  | "thriving"
  | "steady"
  | "improving"
  | "recovering"
  | "slipping"
  | "flat"
  | "sponsor_dark"
  | "at_risk"
  | "critical";

export interface DemoCompany {
  name: string;
  segment: Segment;
  story: HealthStory;
  /** Executive sponsors mapped: fewer than two is deliberate, the card should warn about it. */
  sponsors: 0 | 1 | 2;
  /** When the first contract was signed; more than 12 means it has renewed once. */
  signedMonthsAgo: number;
}

// name, segment, health story, executive sponsors, months since signature. The first red account is
// the one `seed --demo` suggests trying with /account.
const companies: [string, Segment, HealthStory, DemoCompany["sponsors"], number][] = [
  ["Zürich Précision AG", "enterprise", "critical", 1, 10],
  ["Acme Corporation", "enterprise", "thriving", 2, 8],
  ["Globex Industries", "mid_market", "slipping", 1, 7],
  ["Initech", "smb", "steady", 0, 5],
  ["Nordlicht Logistik GmbH", "enterprise", "sponsor_dark", 2, 9],
  ["Café Olé Franchising", "smb", "improving", 1, 3],
  ["Björkman & Söner AB", "mid_market", "at_risk", 1, 9],
  ["Maison Lefèvre SAS", "mid_market", "flat", 1, 6],
  ["Umbrella Health Systems", "enterprise", "recovering", 1, 11],
  ["Blue Heron Analytics", "mid_market", "thriving", 2, 13],
  ["Pinecrest Dental Group", "smb", "steady", 1, 4],
  ["Kōbe Precision Robotics", "enterprise", "improving", 2, 5],
  ["Tierra Viva Cooperativa", "smb", "critical", 0, 8],
  ["Halvorsen Energi ASA", "enterprise", "steady", 2, 12],
  ["Brightline Learning", "mid_market", "at_risk", 2, 10],
  ["São Paulo Fintech Labs", "mid_market", "improving", 1, 2],
  ["Oakridge Property Partners", "smb", "thriving", 1, 7],
  ["Veridian Dynamics", "enterprise", "slipping", 2, 6],
  ["Copperleaf Payments", "mid_market", "steady", 2, 4],
  ["Ålesund Seafood Export", "mid_market", "flat", 1, 9],
  ["Ridgeway Manufacturing", "mid_market", "critical", 1, 11],
  ["Lumière Studios", "smb", "improving", 0, 1],
  ["Northwind Traders", "mid_market", "thriving", 2, 10],
  ["Contoso Pharmaceuticals", "enterprise", "sponsor_dark", 1, 7],
  ["Dvořák Audio s.r.o.", "smb", "steady", 1, 13],
  ["Meridian Freight Co.", "mid_market", "recovering", 2, 8],
  ["Şahin Tekstil A.Ş.", "mid_market", "steady", 1, 3],
  ["Greenfield Agritech", "smb", "slipping", 0, 6],
  ["Helios Solar Systems", "enterprise", "thriving", 2, 12],
  ["Pelican Bay Hospitality", "smb", "at_risk", 1, 10],
  ["Quantum Leaf Software", "smb", "steady", 1, 2],
  ["Nakamura Logistics K.K.", "enterprise", "flat", 2, 5],
  ["Crestview Insurance Group", "enterprise", "improving", 1, 9],
  ["Bäckerei Maier Holding", "smb", "thriving", 1, 11],
  ["Iron Harbor Security", "mid_market", "sponsor_dark", 2, 4],
  ["Évora Wines & Spirits", "smb", "critical", 1, 9],
];
export const demoCompanies: readonly DemoCompany[] = companies.map(
  ([name, segment, story, sponsors, signedMonthsAgo]) => ({
    name,
    segment,
    story,
    sponsors,
    signedMonthsAgo,
  }),
);

export const segmentTerms: Record<
  Segment,
  { arrDollars: [number, number]; seats: [number, number]; plans: readonly string[]; featuresInPlan: number }
> = {
  enterprise: {
    arrDollars: [140_000, 480_000],
    seats: [250, 1500],
    plans: ["Enterprise"],
    featuresInPlan: 20,
  },
  mid_market: {
    arrDollars: [32_000, 115_000],
    seats: [40, 260],
    plans: ["Growth", "Business"],
    featuresInPlan: 14,
  },
  smb: { arrDollars: [6_000, 24_000], seats: [8, 40], plans: ["Starter", "Team"], featuresInPlan: 8 },
};

/** A signal's value eight weeks ago, last week and this week; the last step may be a cliff. */
export type Curve = readonly [number, number, number];

export interface StoryScript {
  /** Share of the plan's features used weekly, 0-1. */
  adoption: Curve;
  /** Power-user logins per week, as a multiple of the account's usual level. */
  logins: Curve;
  sponsorDarkDays: Curve;
  tickets30d: Curve;
  p1P2Tickets30d: Curve;
  invoiceDaysOverdue: Curve;
  csat: number;
  /** How the people sound: sets sentiments, touch wording and goal progress. */
  mood: "good" | "mixed" | "bad";
  touches: [number, number];
}

export const storyScripts: Record<HealthStory, StoryScript> = {
  thriving: {
    adoption: [0.72, 0.77, 0.79],
    logins: [1, 1.06, 1.1],
    sponsorDarkDays: [9, 6, 4],
    tickets30d: [3, 2, 2],
    p1P2Tickets30d: [0, 0, 0],
    invoiceDaysOverdue: [0, 0, 0],
    csat: 4.7,
    mood: "good",
    touches: [5, 10],
  },
  steady: {
    adoption: [0.64, 0.66, 0.65],
    logins: [1, 1, 0.98],
    sponsorDarkDays: [18, 16, 20],
    tickets30d: [4, 4, 5],
    p1P2Tickets30d: [0, 0, 0],
    invoiceDaysOverdue: [0, 0, 0],
    csat: 4.4,
    mood: "good",
    touches: [0, 7],
  },
  improving: {
    adoption: [0.4, 0.6, 0.64],
    logins: [0.6, 0.92, 1],
    sponsorDarkDays: [38, 12, 8],
    tickets30d: [9, 4, 3],
    p1P2Tickets30d: [2, 0, 0],
    invoiceDaysOverdue: [12, 0, 0],
    csat: 4.2,
    mood: "good",
    touches: [4, 9],
  },
  recovering: {
    adoption: [0.24, 0.4, 0.42],
    logins: [0.4, 0.7, 0.74],
    sponsorDarkDays: [58, 38, 40],
    tickets30d: [13, 9, 8],
    p1P2Tickets30d: [3, 2, 2],
    invoiceDaysOverdue: [30, 8, 5],
    csat: 3.6,
    mood: "mixed",
    touches: [5, 9],
  },
  slipping: {
    adoption: [0.7, 0.5, 0.44],
    logins: [1, 0.82, 0.7],
    sponsorDarkDays: [10, 36, 44],
    tickets30d: [3, 7, 8],
    p1P2Tickets30d: [0, 1, 1],
    invoiceDaysOverdue: [0, 0, 14],
    csat: 3.9,
    mood: "mixed",
    touches: [2, 6],
  },
  flat: {
    adoption: [0.42, 0.43, 0.41],
    logins: [0.8, 0.8, 0.78],
    sponsorDarkDays: [32, 35, 38],
    tickets30d: [8, 8, 9],
    p1P2Tickets30d: [1, 1, 1],
    invoiceDaysOverdue: [0, 4, 0],
    csat: 3.8,
    mood: "mixed",
    touches: [1, 5],
  },
  sponsor_dark: {
    adoption: [0.62, 0.6, 0.58],
    logins: [1, 0.95, 0.9],
    sponsorDarkDays: [6, 46, 53],
    tickets30d: [4, 5, 5],
    p1P2Tickets30d: [0, 0, 0],
    invoiceDaysOverdue: [0, 0, 0],
    csat: 4.1,
    mood: "mixed",
    touches: [2, 6],
  },
  at_risk: {
    adoption: [0.55, 0.38, 0.34],
    logins: [1, 0.82, 0.3],
    sponsorDarkDays: [14, 47, 55],
    tickets30d: [4, 9, 10],
    p1P2Tickets30d: [0, 2, 2],
    invoiceDaysOverdue: [0, 6, 14],
    csat: 3.2,
    mood: "bad",
    touches: [2, 6],
  },
  critical: {
    adoption: [0.32, 0.27, 0.24],
    logins: [0.55, 0.42, 0.15],
    sponsorDarkDays: [30, 55, 62],
    tickets30d: [10, 12, 13],
    p1P2Tickets30d: [2, 3, 3],
    invoiceDaysOverdue: [20, 35, 42],
    csat: 2.8,
    mood: "bad",
    touches: [2, 5],
  },
};

export const firstNames: readonly string[] =
  "Anna Ben Chloé Daniel Elif Farah Gustav Hana Ines Jonas Kwame Léa Mateo Nadia Olivier Priya Quentin Rosa Søren Tomás Uma Viktor Wei Yusuf Zoë Aiko Björn Camila Dmitri Emma François Grace Hiroshi Ivana José Kofi".split(
    " ",
  );

export const lastNames: readonly string[] =
  "Andersson Bauer Chen Dubois Eriksen Fischer García Hansen Ibáñez Jensen Kowalski Larsen Müller Nakamura Okoye Petrović Quinn Rossi Schneider Tanaka Umar Varga Weber Xu Yilmaz Zhang Novák Lindqvist Moreau Costa".split(
    " ",
  );

export const titlesByRole: Record<StakeholderRole, readonly string[]> = {
  economic_buyer: ["CFO", "VP Finance", "COO", "Head of Procurement", "VP Operations"],
  champion: [
    "Director of Operations",
    "Head of Revenue Operations",
    "Support Operations Lead",
    "Program Manager",
  ],
  executive_sponsor: [
    "CEO",
    "Chief Revenue Officer",
    "CTO",
    "SVP Customer Experience",
    "Chief Digital Officer",
  ],
  power_user: ["Operations Analyst", "Support Team Lead", "Sales Ops Manager", "Reporting Specialist"],
  end_user: ["Support Agent", "Account Executive", "Planner"],
  blocker: ["Head of IT", "IT Security Lead", "Procurement Manager"],
};

/** First names of the people a touch can mention; a missing role falls back to someone mapped. */
export interface TouchCast {
  champion: string;
  buyer: string;
  sponsor: string;
  powerUser: string;
}

export interface TouchScript {
  kind: TouchKind;
  /** Who took part; a sponsor counts only when the touch is not after their last response. */
  with: readonly (keyof TouchCast)[];
  summary: (cast: TouchCast) => string;
  nextStep: ((cast: TouchCast) => string) | null;
}

export const goodTouches: readonly TouchScript[] = [
  {
    kind: "call",
    with: ["champion"],
    summary: (c) =>
      `Weekly check-in with ${c.champion}: the second team went live on Monday and already routes 40% of requests through the new workflow.`,
    nextStep: (c) => `Send ${c.champion} the rollout checklist for the third team`,
  },
  {
    kind: "email",
    with: ["champion"],
    summary: (c) =>
      `Sent ${c.champion} last month's adoption report: reporting and automation use up across all teams.`,
    nextStep: (c) => `Ask ${c.champion} which report the leadership team reads`,
  },
  {
    kind: "meeting",
    with: ["powerUser"],
    summary: (c) =>
      `Workflow design session with ${c.powerUser} and two team leads; mapped the approval flow they still run in spreadsheets.`,
    nextStep: (c) => `Build the approval template and review it with ${c.powerUser} on Thursday`,
  },
  {
    kind: "qbr",
    with: ["champion", "buyer"],
    summary: (c) =>
      `QBR with ${c.buyer} and ${c.champion}: checked the success plan KPIs against the baseline and co-wrote the value summary.`,
    nextStep: () => "Send the co-authored value summary and open the expansion conversation",
  },
  {
    kind: "call",
    with: ["buyer"],
    summary: (c) =>
      `Expansion discovery with ${c.buyer}: the finance team wants the same set-up for 60 more seats next quarter.`,
    nextStep: (c) => `Send a seat-expansion proposal to ${c.buyer} before their budget meeting`,
  },
  {
    kind: "slack",
    with: ["champion"],
    summary: (c) =>
      `${c.champion} asked in the shared channel about SSO group sync; pointed to the guide and the admin webinar.`,
    nextStep: null,
  },
  {
    kind: "in_person",
    with: ["powerUser"],
    summary: (c) =>
      `On-site visit: trained 12 new agents with ${c.powerUser}; they asked for an advanced reporting session.`,
    nextStep: () => "Schedule the advanced reporting session",
  },
  {
    kind: "ebr",
    with: ["buyer", "sponsor"],
    summary: (c) =>
      `EBR with ${c.sponsor}: the product is part of next year's operations plan; ${c.sponsor} will join the next QBR.`,
    nextStep: (c) => `Send the EBR recap to ${c.sponsor} and ${c.buyer}`,
  },
  {
    kind: "email",
    with: ["champion"],
    summary: (c) =>
      `Shared the automation builder release notes with ${c.champion}; two of their open requests map directly to it.`,
    nextStep: () => "Demo the automation builder to the operations team",
  },
  {
    kind: "call",
    with: ["champion", "powerUser"],
    summary: (c) =>
      `Walked ${c.champion} and ${c.powerUser} through the new team-lead dashboard; they want weekly exports to their BI tool.`,
    nextStep: (c) => `Set up the scheduled export with ${c.powerUser}`,
  },
];

export const concerningTouches: readonly TouchScript[] = [
  {
    kind: "call",
    with: ["champion"],
    summary: (c) =>
      `${c.champion} says two team leads went back to spreadsheets; power-user logins fell sharply last week.`,
    nextStep: () => "Book a 30-minute workflow review with the team leads this week",
  },
  {
    kind: "email",
    with: ["sponsor"],
    summary: (c) =>
      `Third follow-up to ${c.sponsor} on the renewal timeline; no reply since the last review.`,
    nextStep: (c) => `Ask ${c.champion} for a warm re-introduction to ${c.sponsor}`,
  },
  {
    kind: "call",
    with: ["powerUser"],
    summary: (c) =>
      `Escalation call with ${c.powerUser}: three P1 tickets on the CRM sync in two weeks; the team no longer trusts the data.`,
    nextStep: (c) => `Get engineering on a joint call with ${c.powerUser} and share a fix date`,
  },
  {
    kind: "meeting",
    with: ["buyer"],
    summary: (c) =>
      `${c.buyer} raised budget pressure: finance is reviewing every tool above $50k and wants a usage report.`,
    nextStep: (c) => `Prepare a usage and value report for ${c.buyer} before the finance review`,
  },
  {
    kind: "email",
    with: ["buyer"],
    summary: (c) =>
      `Reminded ${c.buyer} about the overdue invoice; accounts payable is waiting for a new PO.`,
    nextStep: () => "Check with billing whether the PO arrived",
  },
  {
    kind: "call",
    with: ["champion"],
    summary: (c) => `${c.champion} is leaving the company at the end of the month; no successor named yet.`,
    nextStep: (c) => `Ask ${c.champion} to introduce a new day-to-day owner before leaving`,
  },
  {
    kind: "meeting",
    with: ["champion"],
    summary: (c) =>
      `Adoption review with ${c.champion}: only ticketing is used; reporting and automations untouched since onboarding.`,
    nextStep: () => "Run an adoption workshop on reporting and automations",
  },
  {
    kind: "slack",
    with: ["powerUser"],
    summary: (c) =>
      `${c.powerUser} reported slow dashboards again in the shared channel; the ticket is now a P2.`,
    nextStep: (c) => `Follow the P2 ticket and update ${c.powerUser} within 24 h`,
  },
];

export interface GoalScript {
  kpi: string;
  baseline: string;
  /** Where the KPI stands when the goal is on track. */
  midway: string;
  /** Where it stands when the goal has stalled. */
  stalled: string;
  target: string;
}

export const successPlanScripts: readonly { objective: string; goals: readonly GoalScript[] }[] = [
  {
    objective: "Absorb 30% more support volume without hiring",
    goals: [
      { kpi: "Median first-response time", baseline: "9 h", midway: "5 h", stalled: "8 h", target: "2 h" },
      {
        kpi: "Tickets resolved per agent per day",
        baseline: "18",
        midway: "22",
        stalled: "19",
        target: "26",
      },
      { kpi: "CSAT on resolved tickets", baseline: "3.9", midway: "4.2", stalled: "3.9", target: "4.5" },
    ],
  },
  {
    objective: "Close the books in 5 days instead of 12",
    goals: [
      { kpi: "Days to month-end close", baseline: "12", midway: "8", stalled: "11", target: "5" },
      {
        kpi: "Invoices matched automatically",
        baseline: "35%",
        midway: "60%",
        stalled: "38%",
        target: "85%",
      },
      {
        kpi: "Manual journal entries per month",
        baseline: "420",
        midway: "260",
        stalled: "400",
        target: "150",
      },
    ],
  },
  {
    objective: "Give every regional manager one live view of the pipeline",
    goals: [
      { kpi: "Managers using dashboards weekly", baseline: "4", midway: "22", stalled: "6", target: "40" },
      { kpi: "Forecast accuracy at week 8", baseline: "68%", midway: "77%", stalled: "70%", target: "85%" },
      {
        kpi: "Spreadsheets retired",
        baseline: "0 of 23",
        midway: "14 of 23",
        stalled: "3 of 23",
        target: "23 of 23",
      },
    ],
  },
  {
    objective: "Onboard new hires in two weeks instead of six",
    goals: [
      { kpi: "Days to first solo shift", baseline: "42", midway: "25", stalled: "38", target: "14" },
      { kpi: "Training completed in week 1", baseline: "20%", midway: "60%", stalled: "25%", target: "90%" },
      { kpi: "New-hire 90-day retention", baseline: "78%", midway: "84%", stalled: "79%", target: "90%" },
    ],
  },
  {
    objective: "Halve shipment exceptions before peak season",
    goals: [
      { kpi: "Exceptions per 1,000 shipments", baseline: "31", midway: "22", stalled: "29", target: "15" },
      { kpi: "Carrier data feeds connected", baseline: "3", midway: "8", stalled: "4", target: "12" },
      {
        kpi: "'Where is my order' contacts per week",
        baseline: "640",
        midway: "450",
        stalled: "610",
        target: "300",
      },
    ],
  },
  {
    objective: "Move every field team off paper forms",
    goals: [
      { kpi: "Forms submitted digitally", baseline: "15%", midway: "60%", stalled: "20%", target: "95%" },
      { kpi: "Days from inspection to report", baseline: "9", midway: "5", stalled: "8", target: "2" },
      { kpi: "Field users active weekly", baseline: "30", midway: "140", stalled: "45", target: "220" },
    ],
  },
];

export const expansionNotes = [
  "Finance team (about 60 seats) wants the same set-up next quarter",
  "Asked about the analytics add-on for the EMEA region",
  "A second business unit is evaluating; intro to their COO promised",
  "No new use case this quarter; revisit at the EBR",
] as const;
