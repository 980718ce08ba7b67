// When the bot offers to record a renewal's outcome, and the renewal date it proposes for the next term.
import { describe, expect, it } from "vitest";
import { renewalOutcomeDue, rolledRenewalDate } from "../../src/domain/renewals/outcome.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = day("2026-12-07");

describe("recording a renewal's outcome", () => {
  it("is offered from T-90 on and for a renewal past due, not earlier, not without a date, not after a churn", () => {
    const due = (renewalDate: string | null, churnedAt: string | null = null) =>
      renewalOutcomeDue(
        { renewalDate: renewalDate ? day(renewalDate) : null, churnedAt: churnedAt ? day(churnedAt) : null },
        today,
      );
    expect(due("2027-03-07")).toBe(true);
    expect(due("2027-03-08")).toBe(false);
    expect(due("2026-12-07")).toBe(true);
    expect(due("2026-06-30")).toBe(true);
    expect(due(null)).toBe(false);
    expect(due("2026-12-31", "2026-11-01")).toBe(false);
  });

  it("proposes the renewal date rolled forward by the term: a year stays a year across a leap day", () => {
    expect(iso(rolledRenewalDate(day("2026-12-31"), day("2027-12-31")))).toBe("2028-12-31");
    expect(iso(rolledRenewalDate(day("2027-03-01"), day("2028-03-01")))).toBe("2029-03-01");
    expect(iso(rolledRenewalDate(day("2024-02-29"), day("2025-02-28")))).toBe("2026-02-28");
  });

  it("keeps a term of whole months, a month-end term on month ends, and an odd term by its days", () => {
    expect(iso(rolledRenewalDate(day("2026-07-15"), day("2027-01-15")))).toBe("2027-07-15");
    expect(iso(rolledRenewalDate(day("2025-08-31"), day("2026-02-28")))).toBe("2026-08-31");
    expect(iso(rolledRenewalDate(day("2026-01-01"), day("2029-01-01")))).toBe("2032-01-01");
    expect(iso(rolledRenewalDate(day("2026-03-10"), day("2026-12-31")))).toBe("2027-10-23");
  });

  it("rolls by a year when the term's start is unknown or not before the renewal", () => {
    expect(iso(rolledRenewalDate(null, day("2026-12-31")))).toBe("2027-12-31");
    expect(iso(rolledRenewalDate(day("2027-01-01"), day("2026-12-31")))).toBe("2027-12-31");
  });
});
