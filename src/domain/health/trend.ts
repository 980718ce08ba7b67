// Where an account's health score is heading: the change against 7 and 30 days ago, and a sparkline
// for the /account card. The trend matters more than any single value.
import { utcDay } from "../lifecycle.ts";

export interface ScorePoint {
  date: Date;
  score: number;
}

export interface ScoreTrend {
  /** Today's score minus the score 7 days ago; null when either is missing. */
  vs7d: number | null;
  vs30d: number | null;
}

const dayMs = 86_400_000;

/**
 * "Today's score" is the one on the latest date at or before `today`; "7 days ago" is the one on the
 * latest date at or before today - 7 (the same for 30), so a gap in the history compares with the last
 * score known by then. Among points on one day the last in `history` counts.
 */
export function scoreTrend(history: readonly ScorePoint[], today: Date): ScoreTrend {
  const day = utcDay(today).getTime();
  const current = scoreAsOf(history, day);
  const change = (daysAgo: number) => {
    const then = scoreAsOf(history, day - daysAgo * dayMs);
    return current === null || then === null ? null : current - then;
  };
  return { vs7d: change(7), vs30d: change(30) };
}

function scoreAsOf(history: readonly ScorePoint[], dayTime: number): number | null {
  let found: { time: number; score: number } | null = null;
  for (const point of history) {
    const time = utcDay(point.date).getTime();
    if (time <= dayTime && (!found || time >= found.time)) found = { time, score: point.score };
  }
  return found?.score ?? null;
}

const bars = "▁▂▃▄▅▆▇█";

/**
 * One bar per score on the absolute 0-100 scale, not stretched to the scores' own range: a steady 90
 * draws high and a steady 20 low, so a glance tells a healthy account from a sick one.
 */
export function sparkline(scores: readonly number[]): string {
  return scores
    .map((score) => {
      const clamped = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
      const level = Math.floor((clamped / 100) * bars.length);
      return bars[Math.min(bars.length - 1, level)];
    })
    .join("");
}
