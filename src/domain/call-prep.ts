// What the call-prep card knows of an account: its facts, people, touches,
// open plays, success plan and health. One vocabulary for the read model that loads it, the lookup that
// assembles it and the view that draws it.
import type { HealthBand } from "./health/score.ts";
import type { ContractState } from "./lifecycle.ts";

export type Segment = "enterprise" | "mid_market" | "smb";

export type StakeholderRole =
  | "economic_buyer"
  | "champion"
  | "executive_sponsor"
  | "power_user"
  | "end_user"
  | "blocker";
export type Sentiment = "positive" | "neutral" | "negative" | "unknown";
export type TouchKind = "call" | "meeting" | "email" | "slack" | "qbr" | "ebr" | "in_person";
export type GoalStatus = "on_track" | "at_risk" | "achieved" | "missed";
/** A play's status while it is not closed. */
export type OpenPlayStatus = "open" | "claimed" | "snoozed";

/** The account's own facts, as the CRM import keeps them. */
export interface AccountFacts {
  id: string;
  externalId: string;
  name: string;
  segment: Segment | null;
  /** Decimal as text ("120000.50"): never a float. */
  arr: string | null;
  contractStart: Date | null;
  renewalDate: Date | null;
  stage: ContractState | null;
  /** Start of the current term: the contract start, or the last renewal. */
  termStart?: Date | null;
  plan: string | null;
  seatsPurchased: number | null;
  /** The renewal's commit status as recorded before the date; null when never recorded. */
  renewalCommit?: "committed" | "at_risk" | "unknown" | null;
  /** Set once the account churned: it has no renewal left to record. */
  churnedAt?: Date | null;
}

export interface AccountOwner {
  slackUserId: string;
  name: string | null;
}

export interface StakeholderSummary {
  id: string;
  name: string;
  title: string | null;
  role: StakeholderRole;
  otherRoles: StakeholderRole[];
  sentiment: Sentiment;
  lastContactOn: Date | null;
  /** Set for someone who left the company: kept for the map's history and its warnings. */
  leftOn: Date | null;
}

export interface TouchSummary {
  kind: TouchKind;
  occurredAt: Date;
  summary: string;
  nextStep: string | null;
  authorSlackId: string | null;
  /** The people on the map who took part. */
  stakeholderIds: string[];
}

export interface SuccessPlanSummary {
  objective: string;
  goals: { kpi: string; target: string; current: string | null; status: GoalStatus; dueOn: Date | null }[];
}

/** A play that is not closed, with who owns it and who claimed it. */
export interface OpenPlaySummary {
  id: string;
  kind: string;
  reason: string;
  status: OpenPlayStatus;
  dueAt: Date;
  snoozedUntil: Date | null;
  ownerSlackId: string | null;
  claimedBySlackId: string | null;
}

export interface AccountCardData {
  /** `stage` is the effective stage: set by the CSM, or derived from the contract dates. */
  account: AccountFacts & { stageDerived: boolean };
  owner: AccountOwner | null;
  health: {
    score: number;
    band: HealthBand;
    date: Date;
    reasons: string[];
    /** Recent scores, oldest to newest: the sparkline. */
    trend?: number[];
    /** Today's score minus the score 7 (30) days ago; null when the history does not reach back that far. */
    vs7d?: number | null;
    vs30d?: number | null;
  } | null;
  stakeholders: StakeholderSummary[];
  /** Newest first; the card shows at most six. */
  touches: TouchSummary[];
  /** Plays that are not closed; shown with their buttons, five at most. */
  openPlays: OpenPlaySummary[];
  successPlan: SuccessPlanSummary | null;
  /** The latest QBR or EBR, when one was recorded. */
  lastReview?: ReviewSummary | null;
}

export interface ReviewSummary {
  kind: "qbr" | "ebr";
  heldOn: Date;
  valueVerified: boolean;
  expansionAsked: boolean;
  nextReviewOn: Date | null;
  /** Each goal reviewed, as recorded: [{ kpi, value, met }]. */
  goalOutcomes: { kpi?: string; value?: string | null; met?: string }[];
}
