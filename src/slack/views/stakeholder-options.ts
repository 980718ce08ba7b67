// The choices the touch and stakeholder modals offer for a person's role and sentiment.
import type { Sentiment, StakeholderRole } from "../../generated/prisma/client.ts";
import { type Option, plain } from "./blocks.ts";
import { stakeholderRoleLabel, stakeholderRoleOrder } from "./wording.ts";

const sentimentLabels: [Exclude<Sentiment, "unknown">, string][] = [
  ["positive", "🙂 Positive"],
  ["neutral", "😐 Neutral"],
  ["negative", "🙁 Negative"],
];

export const option = (text: string, value: string): Option => ({ text: plain(text), value });

export function roleOption(role: StakeholderRole): Option {
  return option(stakeholderRoleLabel(role), role);
}

export function roleOptions(): Option[] {
  return stakeholderRoleOrder.map(roleOption);
}

export function sentimentOptions(): Option[] {
  return sentimentLabels.map(([value, text]) => option(text, value));
}

export function sentimentOption(sentiment: Sentiment): Option | null {
  const found = sentimentLabels.find(([value]) => value === sentiment);
  return found ? option(found[1], found[0]) : null;
}
