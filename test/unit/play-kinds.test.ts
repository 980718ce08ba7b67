import { describe, expect, it } from "vitest";
import {
  isPlayKind,
  isSignalPlayKind,
  isSnoozeDays,
  mapPlayKinds,
  playKindHint,
  playKindLabel,
  playKinds,
  playOutcomeLabel,
  playOutcomes,
  renewalPlayKinds,
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
      "Open the expansion conversation",
      "Renewal lock (T-90)",
      "Renewal commit check (T-60)",
      "Renewal without a commit (T-30)",
      "Record the renewal outcome",
      "Find the successor",
      "Work the expansion opportunity",
    ]);
  });

  it("gives every kind a one-line hint of what to do", () => {
    for (const kind of playKinds) {
      const hint = playKindHint(kind);
      expect(hint).toMatch(/^[A-Z].+\.$/);
      expect(hint).not.toContain("\n");
    }
    expect(playKindHint("qbr_prep")).toBeNull();
  });

  it("reads a kind this build does not know as its humanized name", () => {
    expect(playKindLabel("qbr_prep")).toBe("Qbr prep");
    expect(playKindLabel("qbr-prep")).toBe("Qbr prep");
    expect(playKindLabel("")).toBe("Play");
    expect(isPlayKind("qbr_prep")).toBe(false);
  });

  it("has the signal rules own their kinds and leave the renewal calendar's plays alone", () => {
    expect([...signalPlayKinds, ...renewalPlayKinds, ...mapPlayKinds]).toEqual([...playKinds]);
    expect(mapPlayKinds.some(isSignalPlayKind)).toBe(false);
    expect(signalPlayKinds.every(isSignalPlayKind)).toBe(true);
    expect(renewalPlayKinds.some(isSignalPlayKind)).toBe(false);
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
