import { describe, expect, it } from "vitest";
import { scoreTrend, sparkline } from "../../src/domain/health/trend.ts";

const today = new Date("2026-06-10T09:30:00Z");
const daysAgo = (n: number) => new Date(Date.UTC(2026, 5, 10 - n));
const point = (n: number, score: number) => ({ date: daysAgo(n), score });

describe("the trend of an account's health score", () => {
  it("compares today's score with the scores 7 and 30 days ago", () => {
    const history = [point(30, 80), point(7, 70), point(0, 55)];
    expect(scoreTrend(history, today)).toEqual({ vs7d: -15, vs30d: -25 });
  });

  it("uses the last score known by then when a day is missing, whatever the order", () => {
    const history = [point(0, 60), point(40, 50), point(9, 40), point(12, 30), point(31, 45)];
    expect(scoreTrend(history, today)).toEqual({ vs7d: 20, vs30d: 15 });
  });

  it("takes the latest score at or before today as today's, ignoring later ones", () => {
    const history = [point(8, 50), point(2, 65), point(-1, 10)];
    expect(scoreTrend(history, today)).toEqual({ vs7d: 15, vs30d: null });
  });

  it("has no trend without history that old", () => {
    expect(scoreTrend([point(6, 50), point(0, 70)], today)).toEqual({ vs7d: null, vs30d: null });
    expect(scoreTrend([], today)).toEqual({ vs7d: null, vs30d: null });
    expect(scoreTrend([point(-3, 70)], today)).toEqual({ vs7d: null, vs30d: null });
  });
});

describe("the sparkline on the account card", () => {
  it("draws each score on the absolute 0-100 scale", () => {
    expect(sparkline([0, 25, 50, 75, 100])).toBe("▁▃▅▇█");
    expect(sparkline([12, 13, 37, 38, 62, 63, 87, 88])).toBe("▁▂▃▄▅▆▇█");
  });

  it("draws a steady healthy account high and a steady sick one low", () => {
    expect(sparkline([90, 90, 90])).toBe("███");
    expect(sparkline([20, 20, 20])).toBe("▂▂▂");
  });

  it("clamps scores outside 0-100 and draws nothing for no scores", () => {
    expect(sparkline([-5, 140])).toBe("▁█");
    expect(sparkline([])).toBe("");
  });
});
