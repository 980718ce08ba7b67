import { describe, expect, it } from "vitest";
import { renewalCalendar, stepsToFire } from "../../src/domain/renewals/calendar.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("the renewal calendar", () => {
  const calendar = renewalCalendar(day("2026-01-01"), day("2027-01-01"));

  it("opens the expansion conversation as month 7 starts, locks at T-90, wants the commit at T-60, escalates at T-30", () => {
    expect(calendar.map((step) => [step.step, iso(step.dueOn)])).toEqual([
      ["expansion_conversation", "2026-07-03"],
      ["renewal_lock", "2026-10-03"],
      ["commit_check", "2026-11-02"],
      ["escalation", "2026-12-02"],
      ["record_outcome", "2027-01-01"],
    ]);
    expect(iso(calendar[0]?.doneBy as Date)).toBe("2026-10-03");
    expect(iso(calendar.at(-1)?.doneBy as Date)).toBe("2027-01-08");
  });

  it("scales the expansion step with the term", () => {
    const threeYears = renewalCalendar(day("2026-01-01"), day("2029-01-01"));
    expect(iso(threeYears[0]?.dueOn as Date)).toBe("2027-07-03");
  });

  it("fires the step that fell due, once, and skips earlier ones that never fired", () => {
    const onLockDay = stepsToFire(calendar, day("2026-10-03"), new Set(["expansion_conversation"]), false);
    expect(onLockDay.fire?.step).toBe("renewal_lock");
    expect(onLockDay.skip).toEqual([]);
    // Imported (or back up) at T-45: the commit check, not three reminders at once.
    const late = stepsToFire(calendar, day("2026-11-17"), new Set(), false);
    expect(late.fire?.step).toBe("commit_check");
    expect(late.skip.map((step) => step.step)).toEqual(["expansion_conversation", "renewal_lock"]);
    expect(
      stepsToFire(
        calendar,
        day("2026-11-17"),
        new Set(["expansion_conversation", "renewal_lock", "commit_check"]),
        false,
      ).fire,
    ).toBeNull();
  });

  it("sends no step past its done-by day: a renewal long past brings no reminder, one just past asks for the outcome", () => {
    const justPast = stepsToFire(calendar, day("2027-01-04"), new Set(), false);
    expect(justPast.fire?.step).toBe("record_outcome");
    // Imported months after the renewal: every step is recorded skipped, none is sent.
    const longPast = stepsToFire(calendar, day("2027-04-01"), new Set(), false);
    expect(longPast.fire).toBeNull();
    expect(longPast.skip.map((step) => step.step)).toEqual([
      "expansion_conversation",
      "renewal_lock",
      "commit_check",
      "escalation",
      "record_outcome",
    ]);
    // The done-by day itself is too late: the outcome was to be recorded by 8 January.
    expect(stepsToFire(calendar, day("2027-01-08"), new Set(), false).fire).toBeNull();
    expect(stepsToFire(calendar, day("2027-01-07"), new Set(), false).fire?.step).toBe("record_outcome");
  });

  it("does not escalate a committed renewal", () => {
    const recorded = new Set(["expansion_conversation", "renewal_lock", "commit_check"] as const);
    const committed = stepsToFire(calendar, day("2026-12-02"), recorded, true);
    expect(committed.fire).toBeNull();
    expect(committed.skip.map((step) => step.step)).toEqual(["escalation"]);
    expect(stepsToFire(calendar, day("2026-12-02"), recorded, false).fire?.step).toBe("escalation");
  });
});
