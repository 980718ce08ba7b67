import { describe, expect, it } from "vitest";
import {
  contractState,
  daysBetween,
  deriveStage,
  parseStage,
  stageLabel,
  utcDay,
} from "../../src/domain/lifecycle.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const contractStart = day("2026-01-01");
const dayOfContract = (n: number) => new Date(contractStart.getTime() + n * 86_400_000);

describe("lifecycle stage of an account", () => {
  it.each([
    [0, "onboarding"],
    [29, "onboarding"],
    [30, "adoption"],
    [89, "adoption"],
    [90, "value_realization"],
    [179, "value_realization"],
    [180, "expansion"],
    [269, "expansion"],
    [270, "renewal"],
    [364, "renewal"],
  ] as const)("on day %i of the contract the account is in %s", (n, stage) => {
    expect(deriveStage(contractStart, null, dayOfContract(n))).toBe(stage);
  });

  it("moves into renewal at T-90, whatever day of the contract it is", () => {
    const renewalDate = dayOfContract(365);
    expect(deriveStage(contractStart, renewalDate, dayOfContract(274))).toBe("renewal");
    const sixMonthContract = dayOfContract(182);
    expect(deriveStage(contractStart, sixMonthContract, dayOfContract(44))).toBe("adoption");
    expect(deriveStage(contractStart, sixMonthContract, dayOfContract(91))).toBe("expansion");
    expect(deriveStage(contractStart, sixMonthContract, dayOfContract(92))).toBe("renewal");
  });

  it("scales the stages with the term: a 3-year contract is not in renewal at day 270", () => {
    const threeYears = dayOfContract(3 * 365);
    expect(deriveStage(contractStart, threeYears, dayOfContract(89))).toBe("onboarding");
    expect(deriveStage(contractStart, threeYears, dayOfContract(270))).toBe("value_realization");
    expect(deriveStage(contractStart, threeYears, dayOfContract(540))).toBe("expansion");
    expect(deriveStage(contractStart, threeYears, dayOfContract(810))).toBe("renewal");
  });

  it("reads a renewed term from its own start, not the first contract's", () => {
    const renewedOn = dayOfContract(365);
    expect(deriveStage(renewedOn, dayOfContract(730), dayOfContract(400))).toBe("adoption");
  });

  it("calls a renewal date that passed with no outcome overdue, whatever the CRM's stage says", () => {
    expect(deriveStage(contractStart, dayOfContract(365), dayOfContract(380))).toBe("renewal_overdue");
    expect(contractState("expansion", contractStart, dayOfContract(365), dayOfContract(366))).toBe(
      "renewal_overdue",
    );
    expect(contractState("expansion", contractStart, dayOfContract(365), dayOfContract(200))).toBe(
      "expansion",
    );
    expect(stageLabel("renewal_overdue")).toBe("Renewal overdue");
  });

  it("derives renewal from the renewal date alone, and nothing else without a contract start", () => {
    const today = day("2026-06-01");
    expect(deriveStage(null, day("2026-07-15"), today)).toBe("renewal");
    expect(deriveStage(null, day("2026-12-01"), today)).toBeNull();
    expect(deriveStage(null, null, today)).toBeNull();
  });

  it("counts a contract signed to start next month as onboarding", () => {
    expect(deriveStage(day("2026-07-01"), day("2027-07-01"), day("2026-06-15"))).toBe("onboarding");
  });

  it("ignores the time of day of `today`", () => {
    expect(deriveStage(contractStart, null, new Date("2026-01-30T23:59:59Z"))).toBe("onboarding");
    expect(deriveStage(contractStart, null, new Date("2026-01-31T00:00:01Z"))).toBe("adoption");
  });
});

describe("day arithmetic", () => {
  it("counts whole UTC days, negative when the second date is earlier", () => {
    expect(daysBetween(day("2026-01-01"), day("2026-01-31"))).toBe(30);
    expect(daysBetween(day("2026-03-01"), day("2026-02-01"))).toBe(-28);
    expect(daysBetween(day("2028-02-28"), day("2028-03-01"))).toBe(2);
    expect(daysBetween(new Date("2026-01-01T23:00:00Z"), new Date("2026-01-02T01:00:00Z"))).toBe(1);
  });

  it("truncates a timestamp to its UTC day", () => {
    expect(utcDay(new Date("2026-05-17T22:45:10.123Z")).toISOString()).toBe("2026-05-17T00:00:00.000Z");
  });
});

describe("stage names", () => {
  it("labels stages for people", () => {
    expect(stageLabel("value_realization")).toBe("Value realization");
    expect(stageLabel("onboarding")).toBe("Onboarding");
  });

  it("reads a stage however the CRM spells it", () => {
    expect(parseStage("value-realization")).toBe("value_realization");
    expect(parseStage("Value Realization")).toBe("value_realization");
    expect(parseStage("value_realization")).toBe("value_realization");
    expect(parseStage(" RENEWAL ")).toBe("renewal");
  });

  it("does not guess at other words", () => {
    expect(parseStage("churned")).toBeNull();
    expect(parseStage("")).toBeNull();
  });
});
