// What the call-prep card (DOMAIN.md "Call prep") knows of an account, its people, touches and success
// plan: one vocabulary for the read model that loads it and the view that draws it.
import type { LifecycleStage } from "./lifecycle.ts";

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

/** The account's own facts, as the CRM import keeps them. */
export interface AccountFacts {
  id: string;
  externalId: string;
  name: string;
  segment: Segment | null;
  /** Decimal as text ("120000.50"): never a float. */
  arr: string;
  contractStart: Date | null;
  renewalDate: Date | null;
  stage: LifecycleStage | null;
  plan: string | null;
  seatsPurchased: number | null;
}

export interface AccountOwner {
  slackUserId: string;
  name: string | null;
}

export interface StakeholderSummary {
  name: string;
  title: string | null;
  role: StakeholderRole;
  sentiment: Sentiment;
  lastContactOn: Date | null;
}

export interface TouchSummary {
  kind: TouchKind;
  occurredAt: Date;
  summary: string;
  nextStep: string | null;
  authorSlackId: string | null;
}

export interface SuccessPlanSummary {
  objective: string;
  goals: { kpi: string; target: string; current: string | null; status: GoalStatus; dueOn: Date | null }[];
}
