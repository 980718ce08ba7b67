// What the modal says once a renewal outcome or a churn is recorded: the ARR change by its kind, an ARR
// nobody knew said as such (never as $0 churned), and what was already recorded when the form came twice.
import { describe, expect, it } from "vitest";
import type { RecordedOutcome } from "../../src/services/outcome-account.ts";
import { outcomeRecordedModal } from "../../src/slack/views/renewal-outcome-notices.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const recorded = (overrides: Partial<RecordedOutcome & { again: boolean }> = {}) => ({
  again: false,
  accountName: "Acme Corporation",
  result: "renewed" as const,
  effectiveOn: day("2026-12-31"),
  arrBefore: "50000.00",
  arrAfter: "50000.00",
  closedPlays: 2,
  ...overrides,
});
const renewal = { kind: "renewed" as const, nextRenewalDate: day("2027-12-31") };
const churn = { kind: "churned" as const, voluntary: false, reason: "<!channel> card declined" };

function noticeText(...args: Parameters<typeof outcomeRecordedModal>): string {
  const view = outcomeRecordedModal(...args);
  expectWithinSlackLimits(view, "modal");
  return `${view.title.text}: ${JSON.stringify(view.blocks)}`;
}

describe("the notice after recording a renewal outcome", () => {
  it("says a renewal from an unknown or $0 ARR is new ARR", () => {
    expect(noticeText(recorded({ arrBefore: null, arrAfter: "1200.00" }), renewal)).toContain(
      "renewed at $1,200 ARR, recorded as new ARR (the ARR before was unknown).",
    );
    expect(noticeText(recorded({ arrBefore: "0.00", arrAfter: "1200.00" }), renewal)).toContain(
      "(the ARR before was $0)",
    );
  });

  it("never says an unknown ARR churned as an amount, and keeps the reason inert", () => {
    const text = noticeText(recorded({ result: "churned", arrBefore: null, arrAfter: "0.00" }), churn);
    expect(text).toContain("Churn recorded");
    expect(text).toContain("No ARR is recorded as churn (the ARR before was unknown)");
    expect(text).toContain("&lt;!channel&gt; card declined");
    expect(text).toContain("2 open plays closed.");
  });

  it("says what is already recorded when the same outcome comes again", () => {
    expect(
      noticeText(recorded({ again: true, result: "upsold", arrAfter: "60000.00", closedPlays: 0 }), renewal),
    ).toBe(
      'Already recorded: [{"type":"section","text":{"type":"mrkdwn","text":":information_source: Already recorded: the renewal of *Acme Corporation* on 2026-12-31: renewed with an upsell: $50,000 → $60,000 ARR, an expansion of $10,000. Nothing was recorded twice."}}]',
    );
  });
});
