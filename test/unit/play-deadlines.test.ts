import { describe, expect, it } from "vitest";
import { defaultHealthConfig, parseHealthConfig } from "../../src/domain/health/config.ts";
import { awakeAt, claimDeadlineDays, claimedDueAt, wokenDueAt } from "../../src/domain/plays/deadlines.ts";

const settings = defaultHealthConfig.plays;
const now = new Date("2026-06-10T09:00:00Z");

describe("a claimed play's working deadline", () => {
  it("depends on the kind: a week for a save play, three days for a late invoice", () => {
    expect(claimedDueAt("save", now, settings)).toEqual(new Date("2026-06-17T09:00:00Z"));
    expect(claimedDueAt("billing_check", now, settings)).toEqual(new Date("2026-06-13T09:00:00Z"));
    expect(claimDeadlineDays("second_sponsor", settings)).toBe(14);
  });

  it("gives a kind the settings do not name the default", () => {
    expect(claimDeadlineDays("renewal_lock", settings)).toBe(7);
    expect(claimDeadlineDays("constructor", settings)).toBe(7);
  });

  it("follows the team's settings, which keep the defaults of the kinds they do not name", () => {
    const parsed = parseHealthConfig({
      plays: { claimDeadlineDays: { save: 10, renewal_lock: 2 }, defaultClaimDeadlineDays: 4 },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    const team = parsed.config.plays;
    expect(claimDeadlineDays("save", team)).toBe(10);
    expect(claimDeadlineDays("renewal_lock", team)).toBe(2);
    expect(claimDeadlineDays("billing_check", team)).toBe(3);
    expect(claimDeadlineDays("nps_recovery", team)).toBe(5);
    expect(claimDeadlineDays("qbr_prep", team)).toBe(4);
  });
});

describe("a snoozed play waking", () => {
  const until = new Date("2026-06-12T09:00:00Z");
  const snoozed = { status: "snoozed" as const, snoozedUntil: until, claimedBySlackId: null };

  it("is due a day after it wakes", () => {
    expect(wokenDueAt(until, settings)).toEqual(new Date("2026-06-13T09:00:00Z"));
  });

  it("reads as woken once its snooze has run out: claimed if someone holds it, open otherwise", () => {
    expect(awakeAt(snoozed, now)).toBe(snoozed);
    expect(awakeAt(snoozed, until)).toEqual({ ...snoozed, status: "open", snoozedUntil: null });
    expect(awakeAt({ ...snoozed, claimedBySlackId: "U1" }, until)).toMatchObject({ status: "claimed" });
    const open = { status: "open" as const, snoozedUntil: null, claimedBySlackId: null };
    expect(awakeAt(open, until)).toBe(open);
  });
});
