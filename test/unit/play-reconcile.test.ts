import { describe, expect, it } from "vitest";
import { type PlayKind, signalPlayKinds } from "../../src/domain/plays/kinds.ts";
import { type CurrentPlay, reconcilePlays } from "../../src/domain/plays/reconcile.ts";
import type { DesiredPlay } from "../../src/domain/plays/rules.ts";

function aDesiredPlay(kind: PlayKind, reason = `${kind} fired`): DesiredPlay {
  return { kind, reason, trigger: { value: 1, threshold: 0 } };
}

/** Every signal kind's trigger read fresh and not firing. */
const everySignalCleared: ReadonlySet<string> = new Set(signalPlayKinds);

let nextId = 1;
function anOpenPlay(kind: string, overrides: Partial<CurrentPlay> = {}): CurrentPlay {
  return { id: `play-${nextId++}`, kind, status: "open", claimedById: null, ...overrides };
}

describe("reconciling an account's plays with its signals", () => {
  it("starts every play the signals call for when the account has none", () => {
    const desired = [aDesiredPlay("save"), aDesiredPlay("sponsor_reengage")];
    expect(reconcilePlays(desired, [], everySignalCleared)).toEqual({ create: desired, close: [], keep: [] });
  });

  it("keeps the play a signal still calls for and does not start a second one of its kind", () => {
    const open = anOpenPlay("sponsor_reengage");
    const result = reconcilePlays(
      [aDesiredPlay("sponsor_reengage", "dark for 60 days")],
      [open],
      everySignalCleared,
    );
    expect(result).toEqual({ create: [], close: [], keep: [open.id] });
  });

  it.each([
    ["claimed", "U-maria"],
    ["snoozed", null],
    ["snoozed", "U-maria"],
  ] as const)(
    "does not duplicate a %s play (claimed by %s) of a kind still called for",
    (status, claimedById) => {
      const current = anOpenPlay("billing_check", { status, claimedById });
      const result = reconcilePlays([aDesiredPlay("billing_check")], [current], everySignalCleared);
      expect(result).toEqual({ create: [], close: [], keep: [current.id] });
    },
  );

  it("starts a kind called for twice only once", () => {
    const first = aDesiredPlay("save", "first");
    expect(reconcilePlays([first, aDesiredPlay("save", "second")], [], everySignalCleared).create).toEqual([
      first,
    ]);
  });

  it("closes an unclaimed play whose signal went away, open or snoozed", () => {
    const open = anOpenPlay("adoption_workshop");
    const snoozed = anOpenPlay("billing_check", { status: "snoozed" });
    expect(reconcilePlays([], [open, snoozed], everySignalCleared)).toEqual({
      create: [],
      close: [open.id, snoozed.id],
      keep: [],
    });
  });

  it.each([
    ["claimed", "U-maria"],
    ["open", "U-maria"],
    ["snoozed", "U-maria"],
    ["claimed", null],
  ] as const)("never closes a play someone took (status %s, claimed by %s)", (status, claimedById) => {
    const taken = anOpenPlay("power_user_checkin", { status, claimedById });
    expect(reconcilePlays([], [taken], everySignalCleared)).toEqual({
      create: [],
      close: [],
      keep: [taken.id],
    });
  });

  it("leaves plays of kinds the signal rules do not own alone", () => {
    const renewal = anOpenPlay("renewal_lock");
    const manual = anOpenPlay("qbr_prep", { status: "snoozed" });
    expect(reconcilePlays([], [renewal, manual], everySignalCleared)).toEqual({
      create: [],
      close: [],
      keep: [renewal.id, manual.id],
    });
  });

  it("creates, closes and keeps in one pass, every current play either closed or kept", () => {
    const stillDark = anOpenPlay("sponsor_reengage");
    const paid = anOpenPlay("billing_check");
    const claimedSave = anOpenPlay("save", { status: "claimed", claimedById: "U-maria" });
    const renewal = anOpenPlay("renewal_lock");
    const desired = [aDesiredPlay("sponsor_reengage"), aDesiredPlay("support_escalation")];
    const result = reconcilePlays(desired, [stillDark, paid, claimedSave, renewal], everySignalCleared);
    expect(result).toEqual({
      create: [desired[1]],
      close: [paid.id],
      keep: [stillDark.id, claimedSave.id, renewal.id],
    });
  });

  it("keeps an unclaimed play whose signal went quiet: only a fresh reading clears a trigger", () => {
    const dark = anOpenPlay("sponsor_reengage");
    const paid = anOpenPlay("billing_check");
    const result = reconcilePlays([], [dark, paid], new Set(["billing_check"]));
    expect(result).toEqual({ create: [], close: [paid.id], keep: [dark.id] });
  });
});
