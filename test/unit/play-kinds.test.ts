import { describe, expect, it } from "vitest";
import {
  isPlayKind,
  isSignalPlayKind,
  isSnoozeDays,
  playKindHint,
  playKindLabel,
  playKinds,
  playOutcomeLabel,
  playOutcomes,
  signalPlayKinds,
} from "../../src/domain/plays/kinds.ts";

describe("play kinds", () => {
  it("labels each kind the way a CSM says it", () => {
    expect(playKinds.map(playKindLabel)).toEqual([
      "Save play",
      "Health review",
      "Re-engage the sponsor",
      "Map a second executive sponsor",
      "Adoption workshop",
      "Power-user check-in",
      "Support escalation review",
      "Billing check",
      "NPS recovery",
      "Data gap",
    ]);
  });

  it("gives every kind a one-line hint of what to do", () => {
    for (const kind of playKinds) {
      const hint = playKindHint(kind);
      expect(hint).toMatch(/^[A-Z].+\.$/);
      expect(hint).not.toContain("\n");
    }
    expect(playKindHint("renewal_lock")).toBeNull();
  });

  it("reads a kind this build does not know as its humanized name", () => {
    expect(playKindLabel("renewal_lock")).toBe("Renewal lock");
    expect(playKindLabel("qbr-prep")).toBe("Qbr prep");
    expect(playKindLabel("")).toBe("Play");
    expect(isPlayKind("renewal_lock")).toBe(false);
  });

  it("has the signal rules own all seven kinds", () => {
    expect([...signalPlayKinds]).toEqual([...playKinds]);
    expect(playKinds.every(isSignalPlayKind)).toBe(true);
  });
});

describe("closing and snoozing", () => {
  it("labels the outcomes a person picks, and the one the rules record", () => {
    expect(playOutcomes.map(playOutcomeLabel)).toEqual([
      "Done",
      "No change needed",
      "Escalated",
      "Customer unresponsive",
    ]);
    expect(playOutcomeLabel("signal_cleared")).toBe("Signal cleared");
  });

  it("snoozes for 1, 3 or 7 days only", () => {
    expect([1, 2, 3, 7, 14].filter(isSnoozeDays)).toEqual([1, 3, 7]);
  });
});
