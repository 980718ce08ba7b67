import { describe, expect, it } from "vitest";
import { compareUrgency, dueAtFor, isOverdue, sortByUrgency } from "../../src/domain/plays/urgency.ts";

const now = new Date("2026-06-10T09:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function aPlay(name: string, dueInHours: number, arrAtRisk = "50000.00") {
  return { name, dueAt: hoursFromNow(dueInHours), arrAtRisk, account: `${name} Inc.` };
}
const names = (plays: { name: string }[]) => plays.map((play) => play.name);

describe("the order a CSM works their plays in", () => {
  it("puts overdue plays first, the most overdue first, whatever their ARR", () => {
    const plays = [
      aPlay("due tomorrow, big", 20, "900000.00"),
      aPlay("a day late", -24, "1000.00"),
      aPlay("an hour late", -1, "500000.00"),
      aPlay("a week late", -168, "10.00"),
    ];
    expect(names(sortByUrgency(plays, now))).toEqual([
      "a week late",
      "a day late",
      "an hour late",
      "due tomorrow, big",
    ]);
  });

  it("ranks equally late plays by ARR at risk", () => {
    const plays = [aPlay("small", -5, "1000.00"), aPlay("large", -5, "2000.00")];
    expect(names(sortByUrgency(plays, now))).toEqual(["large", "small"]);
  });

  it("ranks plays not yet due by due time, soonest first, and plays due together by ARR at risk", () => {
    const plays = [
      aPlay("small, soon", 1, "1000"),
      aPlay("large, later", 20, "250000.5"),
      aPlay("large, sooner", 3, "250000.50"),
      aPlay("mid, soon", 1, "120000.05"),
    ];
    expect(names(sortByUrgency(plays, now))).toEqual([
      "mid, soon",
      "small, soon",
      "large, sooner",
      "large, later",
    ]);
  });

  it("compares two plays as the sort does: negative when the first is more urgent, zero when equal", () => {
    expect(compareUrgency(aPlay("late", -1), aPlay("soon", 1), now)).toBeLessThan(0);
    expect(compareUrgency(aPlay("later", 5), aPlay("soon", 1), now)).toBeGreaterThan(0);
    expect(compareUrgency(aPlay("big", 1, "2.00"), aPlay("small", 1, "1.00"), now)).toBeLessThan(0);
    expect(compareUrgency(aPlay("a", 1, "1.0"), aPlay("b", 1, "1.00"), now)).toBe(0);
  });

  it("compares ARR exactly, where floating point could not tell the amounts apart", () => {
    // Both amounts are the same double; a float comparison would fall back to the due time.
    expect(Number("900719925474099.30")).toBe(Number("900719925474099.20"));
    const plays = [aPlay("less", 1, "900719925474099.20"), aPlay("more", 1, "900719925474099.30")];
    expect(names(sortByUrgency(plays, now))).toEqual(["more", "less"]);
  });

  it("reads 120000.5 as fifty cents more than 120000.05", () => {
    const plays = [aPlay("five cents", 1, "120000.05"), aPlay("fifty cents", 1, "120000.5")];
    expect(names(sortByUrgency(plays, now))).toEqual(["fifty cents", "five cents"]);
  });

  it("does not count a play due this very instant as late", () => {
    expect(isOverdue(now, now)).toBe(false);
    expect(isOverdue(hoursFromNow(-0.001), now)).toBe(true);
    const plays = [aPlay("later", 5, "2.00"), aPlay("due now", 0, "1.00"), aPlay("a moment late", -0.001)];
    expect(names(sortByUrgency(plays, now))).toEqual(["a moment late", "due now", "later"]);
  });

  it("returns a new array with the plays' other fields, leaving the input as it was", () => {
    const plays = [aPlay("b", 5, "1.00"), aPlay("a", 1, "2.00")];
    const sorted = sortByUrgency(plays, now);
    expect(sorted.map((play) => play.account)).toEqual(["a Inc.", "b Inc."]);
    expect(names(plays)).toEqual(["b", "a"]);
  });

  it("keeps the given order of plays equal in every respect", () => {
    const plays = [aPlay("first", 3), aPlay("second", 3), aPlay("third", 3)];
    expect(names(sortByUrgency(plays, now))).toEqual(["first", "second", "third"]);
  });
});

describe("a signal play's due date", () => {
  it("is 24 hours after the signal", () => {
    expect(dueAtFor(new Date("2026-06-10T09:30:00Z"))).toEqual(new Date("2026-06-11T09:30:00Z"));
    expect(dueAtFor(new Date("2026-12-31T23:00:00Z"))).toEqual(new Date("2027-01-01T23:00:00Z"));
  });
});
