import { describe, expect, it } from "vitest";
import {
  csvRecordToItem,
  signalColumns,
  signalFieldBit,
  signalItemSchema,
  toSnapshot,
} from "../../src/domain/health/signals.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function aSignalItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { externalId: "ACME-1", date: "2026-06-10", ...overrides };
}

/** Each problem as "path: message", the way an HTTP 400 body or a CLI line would name it. */
function problemsOf(input: unknown): string[] {
  const parsed = signalItemSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("one incoming signal snapshot", () => {
  it("accepts an account and a date with no signals at all", () => {
    expect(problemsOf(aSignalItem())).toEqual([]);
  });

  it("accepts every signal with sensible values", () => {
    const item = aSignalItem({
      featuresUsed: 12,
      featuresInPlan: 20,
      adoptionPct: 60,
      powerUserLogins: 35,
      sponsorLastResponse: "2026-06-10",
      tickets30d: 4,
      p1P2Tickets30d: 1,
      invoiceDaysOverdue: 0,
      seatsActive: 48,
      seatsPurchased: 50,
      nps: -20,
      csat: 4.3,
    });
    expect(problemsOf(item)).toEqual([]);
  });

  it("lets seats in use exceed the seats bought: that is an expansion signal, not an error", () => {
    expect(problemsOf(aSignalItem({ seatsActive: 60, seatsPurchased: 50 }))).toEqual([]);
  });

  it("reads null as unknown, like an absent field", () => {
    const parsed = signalItemSchema.parse(aSignalItem({ tickets30d: null, nps: null }));
    expect(toSnapshot(parsed)).toMatchObject({ tickets30d: null, nps: null });
  });

  it("trims the external id and refuses a blank or overlong one", () => {
    expect(signalItemSchema.parse(aSignalItem({ externalId: "  ACME-1 " })).externalId).toBe("ACME-1");
    expect(problemsOf(aSignalItem({ externalId: "  " }))).toEqual(["externalId: must not be blank"]);
    expect(problemsOf(aSignalItem({ externalId: "x".repeat(256) }))).toEqual([
      "externalId: must be at most 255 characters",
    ]);
    expect(problemsOf({ date: "2026-06-10" })).toEqual(["externalId: must be the account's external id"]);
  });

  it.each(["2026-02-30", "2025-02-29", "10/06/2026", "2026-6-1", "2026-06-10T00:00:00Z", ""])(
    "refuses the date %j",
    (date) => {
      expect(problemsOf(aSignalItem({ date }))).toEqual(["date: must be a real date in the form YYYY-MM-DD"]);
    },
  );

  it.each([
    ["0000-01-01", "0000"],
    ["9999-12-31", "9999"],
    ["1899-12-31", "1899"],
  ])("refuses the year of %s, by the same rule as the accounts CSV", (date, year) => {
    expect(problemsOf(aSignalItem({ date }))).toEqual([
      `date: ${year} is not a plausible year (1900 to 2200)`,
    ]);
    expect(problemsOf(aSignalItem({ sponsorLastResponse: date }))).toContain(
      `sponsorLastResponse: ${year} is not a plausible year (1900 to 2200)`,
    );
  });

  it("refuses an external id with a NUL or a line break, naming where", () => {
    expect(problemsOf(aSignalItem({ externalId: "ACME\u00001" }))).toEqual([
      "externalId: contains a NUL character (U+0000) at character 5; remove it",
    ]);
    expect(problemsOf(aSignalItem({ externalId: "ACME\n1" }))).toEqual([
      "externalId: contains a control character (U+000A) at character 5; remove it",
    ]);
  });

  it("accepts the 29th of February in a leap year", () => {
    expect(problemsOf(aSignalItem({ date: "2028-02-29" }))).toEqual([]);
  });

  it("refuses a sponsor response after the snapshot date", () => {
    expect(problemsOf(aSignalItem({ sponsorLastResponse: "2026-06-11" }))).toEqual([
      "sponsorLastResponse: must not be after the snapshot date (2026-06-11 is after 2026-06-10)",
    ]);
    expect(problemsOf(aSignalItem({ sponsorLastResponse: "yesterday" }))).toEqual([
      "sponsorLastResponse: must be a real date in the form YYYY-MM-DD",
    ]);
  });

  it.each([
    "featuresUsed",
    "powerUserLogins",
    "tickets30d",
    "p1P2Tickets30d",
    "invoiceDaysOverdue",
    "seatsActive",
    "seatsPurchased",
  ])("refuses a negative, fractional or textual %s", (field) => {
    for (const value of [-1, 2.5, "3"])
      expect(problemsOf(aSignalItem({ [field]: value }))).toEqual([
        `${field}: must be a whole number, 0 or more`,
      ]);
    expect(problemsOf(aSignalItem({ [field]: 3_000_000_000 }))).toEqual([`${field}: is too large`]);
  });

  it("refuses a plan with no features", () => {
    expect(problemsOf(aSignalItem({ featuresInPlan: 0 }))).toEqual([
      "featuresInPlan: must be a whole number, 1 or more",
    ]);
  });

  it("refuses more features used than the plan has", () => {
    expect(problemsOf(aSignalItem({ featuresUsed: 21, featuresInPlan: 20 }))).toEqual([
      "featuresUsed: must not exceed featuresInPlan (21 used of 20)",
    ]);
    expect(problemsOf(aSignalItem({ featuresUsed: 20, featuresInPlan: 20 }))).toEqual([]);
  });

  it("refuses more P1/P2 tickets than tickets", () => {
    expect(problemsOf(aSignalItem({ tickets30d: 2, p1P2Tickets30d: 3 }))).toEqual([
      "p1P2Tickets30d: must not exceed tickets30d (3 P1/P2 of 2 tickets)",
    ]);
  });

  it.each([
    [{ adoptionPct: 100.5 }, "adoptionPct: must be a percentage from 0 to 100"],
    [{ adoptionPct: -1 }, "adoptionPct: must be a percentage from 0 to 100"],
    [{ nps: 101 }, "nps: must be a whole-number NPS from -100 to 100"],
    [{ nps: 12.5 }, "nps: must be a whole-number NPS from -100 to 100"],
    [{ csat: 0.5 }, "csat: must be a CSAT from 1 to 5"],
    [{ csat: 6 }, "csat: must be a CSAT from 1 to 5"],
  ])("refuses %j", (fields, problem) => {
    expect(problemsOf(aSignalItem(fields))).toEqual([problem]);
  });

  it("reports unknown fields, so a misspelt column is not silently dropped", () => {
    expect(problemsOf(aSignalItem({ ticket30d: 4, logins: 3 }))).toEqual([
      ": unknown fields ticket30d, logins",
    ]);
  });

  it("reports every problem of an item at once", () => {
    const problems = problemsOf(
      aSignalItem({
        featuresUsed: 30,
        featuresInPlan: 20,
        tickets30d: -1,
        nps: 1.5,
        sponsorLastResponse: "2027-01-01",
      }),
    );
    expect(problems).toHaveLength(4);
  });

  it("refuses something that is not an item", () => {
    for (const input of [null, "ACME-1", [aSignalItem()]])
      expect(problemsOf(input)).toEqual([": must be an object with externalId and date"]);
  });
});

describe("an item becomes a snapshot", () => {
  it("puts dates at UTC midnight and leaves unknown signals null", () => {
    const item = signalItemSchema.parse(aSignalItem({ sponsorLastResponse: "2026-05-01", featuresUsed: 0 }));
    expect(toSnapshot(item)).toEqual({
      date: day("2026-06-10"),
      clearedFields: 0,
      featuresUsed: 0,
      featuresInPlan: null,
      adoptionPct: null,
      powerUserLogins: null,
      sponsorLastResponse: day("2026-05-01"),
      tickets30d: null,
      p1P2Tickets30d: null,
      invoiceDaysOverdue: null,
      seatsActive: null,
      seatsPurchased: null,
      nps: null,
      csat: null,
    });
  });
});

describe("a field sent as null", () => {
  it("is marked cleared, where a field left out is only not sent", () => {
    const item = signalItemSchema.parse({ externalId: "ACC-1", date: "2026-06-10", nps: null, csat: 4 });
    const snapshot = toSnapshot(item);
    expect(snapshot.clearedFields).toBe(signalFieldBit("nps"));
    expect(snapshot.clearedFields & signalFieldBit("featuresUsed")).toBe(0);
  });
});

describe("a CSV record becomes an item", () => {
  it("maps every documented column to its field", () => {
    expect(Object.keys(signalColumns)).toEqual([
      "external_id",
      "date",
      "features_used",
      "features_in_plan",
      "adoption_pct",
      "power_user_logins",
      "sponsor_last_response",
      "tickets_30d",
      "p1_p2_tickets_30d",
      "invoice_days_overdue",
      "seats_active",
      "seats_purchased",
      "nps",
      "csat",
    ]);
    expect(signalColumns.tickets_30d).toBe("tickets30d");
    expect(signalColumns.p1_p2_tickets_30d).toBe("p1P2Tickets30d");
  });

  it("parses numbers, keeps ids and dates as text, and drops blank cells as unknown", () => {
    const item = csvRecordToItem({
      external_id: " 00123 ",
      date: "2026-06-10",
      features_used: "12",
      features_in_plan: " 20 ",
      adoption_pct: "62.5",
      sponsor_last_response: "2026-05-01",
      tickets_30d: "",
      p1_p2_tickets_30d: "  ",
      nps: "-20",
      csat: "4.5",
    });
    expect(item).toEqual({
      externalId: "00123",
      date: "2026-06-10",
      featuresUsed: 12,
      featuresInPlan: 20,
      adoptionPct: 62.5,
      sponsorLastResponse: "2026-05-01",
      nps: -20,
      csat: 4.5,
    });
    expect(problemsOf(item)).toEqual([]);
  });

  it("leaves a number it cannot read as text, for the schema to report", () => {
    const item = csvRecordToItem({ external_id: "A", date: "2026-06-10", tickets_30d: "1,5", nps: "1e2" });
    expect(item).toMatchObject({ tickets30d: "1,5", nps: "1e2" });
    expect(problemsOf(item)).toEqual([
      "tickets30d: must be a whole number, 0 or more",
      "nps: must be a whole-number NPS from -100 to 100",
    ]);
  });

  it("reads headers whatever their case, and keeps unknown columns so they are reported", () => {
    const item = csvRecordToItem({ " External_ID ": "A", DATE: "2026-06-10", region: "EMEA" });
    expect(item).toEqual({ externalId: "A", date: "2026-06-10", region: "EMEA" });
    expect(problemsOf(item)).toEqual([": unknown field region"]);
  });
});
